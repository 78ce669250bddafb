"""The receipt page says where the response stands and, with the answer key while the window is
open, offers a plain form (CSRF-protected) to accept or object; it is answered Post/Redirect/Get,
and a refused answer comes back with its error in the reader's language and the text as typed."""

import re

import pytest
import time_machine
from django.test import Client

from standard_versions.consultation.answers import answer_response, moderate_answer
from standard_versions.models import CommenterAnswer
from tests.answers.conftest import MICROSECOND, RESPONDED_AT, window_end

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _inside_the_window(time_machine):
    time_machine.move_to(RESPONDED_AT, tick=False)


def _page(client, tracking_id, **query):
    response = client.get(f"/comments/{tracking_id}/", query)
    assert response.status_code == 200
    return response.content.decode()


def _csrf(client, tracking_id, key) -> str:
    html = _page(client, tracking_id, key=key)
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_with_the_key_the_page_offers_the_form(client, responded, key):
    html = _page(client, responded, key=key)
    assert 'id="answer-form"' in html
    assert f'name="key" value="{key}"' in html
    assert "until May 15, 2030, 12:00\u202fPM, UTC" in html  # in the period's zone


def test_without_the_key_or_with_a_wrong_one_there_is_no_form(client, responded, key):
    bare = _page(client, responded)
    assert 'id="answer-form"' not in bare
    assert "open this receipt from the link you were given" in bare
    wrong = _page(client, responded, key=key[:-2])
    assert 'id="answer-form"' not in wrong
    assert "This link does not let you answer the response" in wrong


def test_an_objection_is_recorded_and_the_page_redirects_back(client, responded, key):
    csrf = _csrf(client, responded, key)
    response = client.post(
        f"/comments/{responded}/answer/?lang=es",
        {"csrfmiddlewaretoken": csrf, "key": key, "kind": "objected", "text": "No dice cuándo."},
    )
    assert response.status_code == 303
    assert response["Location"] == (
        f"/comments/{responded}/?lang=es&key={key}&answered=1#answer-heading"
    )
    assert CommenterAnswer.objects.get().text == "No dice cuándo."
    html = _page(client, responded, lang="es", key=key, answered="1")
    assert "se registró" in html.lower() or "registrada" in html.lower()
    assert 'id="answer-form"' not in html


def test_a_refused_answer_keeps_the_text_and_says_why_in_the_readers_language(
    client, responded, key
):
    csrf = _csrf(client, responded, key)
    typed = "Texto con una campana \x07 dentro."
    response = client.post(
        f"/comments/{responded}/answer/?lang=es",
        {"csrfmiddlewaretoken": csrf, "key": key, "kind": "objected", "text": typed},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Texto con una campana" in html
    assert 'id="answer-error"' in html
    assert "no son texto válido" in html or "no válid" in html
    assert 'value="objected" checked' in html
    # Its language links lead to the receipt with the key, never to the POST-only URL.
    assert f'/comments/{responded}/?lang=pt-BR&amp;key={key}"' in html
    assert f"/comments/{responded}/answer/?lang=pt-BR" not in html
    assert not CommenterAnswer.objects.exists()


def test_the_form_is_csrf_protected(responded, key):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/comments/{responded}/answer/", {"key": key, "kind": "accepted", "text": ""}
    )
    assert response.status_code == 403
    assert not CommenterAnswer.objects.exists()


def test_after_the_window_the_page_says_assumed_satisfied_and_has_no_form(client, responded, key):
    with time_machine.travel(window_end(), tick=False):
        html = _page(client, responded, key=key)
    assert "assumed satisfactory" in html
    assert 'id="answer-form"' not in html
    with time_machine.travel(window_end() - MICROSECOND, tick=False):
        assert 'id="answer-form"' in _page(client, responded, key=key)


def test_a_published_objection_is_on_the_page_a_withheld_one_is_not(client, responded, key, editor):
    answer_response(
        tracking_id=responded, key=key, kind="objected", text="Say how often.", now=RESPONDED_AT
    )
    assert "Say how often." not in _page(client, responded)
    moderate_answer(tracking_id=responded, state="published", user=editor, now=RESPONDED_AT)
    assert "Say how often." in _page(client, responded)
    moderate_answer(
        tracking_id=responded, state="withheld", reason="Off topic.", user=editor, now=RESPONDED_AT
    )
    html = _page(client, responded)
    assert "Say how often." not in html
    assert "Off topic." in html


def test_the_receipt_page_costs_the_same_with_an_answer(
    client, responded, key, django_assert_num_queries
):
    # the comment with its period, version, standard and answer; the criterion now; the
    # content's translations none in English
    with django_assert_num_queries(2):
        _page(client, responded, key=key)
    answer_response(tracking_id=responded, key=key, kind="accepted", now=RESPONDED_AT)
    with django_assert_num_queries(2):
        _page(client, responded, key=key)
