"""Sending the same comment again (a double tap, or Back then Send again, with or without
JavaScript) stores it once and answers with the first receipt: the form's key is derived on the
server from the browser (its CSRF cookie), the period, the form and the text, never baked into
the cached page. The API's Idempotency-Key keeps its own rules."""

import datetime as dt

import pytest
import time_machine
from django.test import Client

from standard_versions.consultation.answer_keys import answer_key_for
from standard_versions.consultation.comments import submit_comment
from standard_versions.models import Comment
from tests.web.consultation.conftest import DAY, make_period, page_url, post_comment

pytestmark = pytest.mark.django_db


def _browser(period) -> Client:
    """A browser that has opened the consultation page (so it holds the CSRF cookie)."""
    browser = Client()
    assert browser.get(page_url(period)).status_code == 200
    assert browser.cookies.get("csrftoken")
    return browser


def test_the_same_text_sent_again_from_the_same_browser_and_form_gets_the_first_receipt(
    open_period,
):
    browser = _browser(open_period)
    first = post_comment(browser, open_period, body="Please review\nDM7 yearly.", type="technical")
    # Back, then Send again: a page fetched again, the text pasted again with other spacing, and
    # the type left at its default this time.
    browser.get(page_url(open_period))
    again = post_comment(browser, open_period, body="  Please review DM7\r\n yearly. ")
    comment = Comment.objects.get()
    assert first.status_code == again.status_code == 303
    key = answer_key_for(comment.tracking_id)
    assert first["Location"] == f"/comments/{comment.tracking_id}/?received=1&key={key}"
    assert again["Location"] == f"/comments/{comment.tracking_id}/?resent=1&key={key}"
    assert comment.type == "technical"  # the first comment, as it was sent


def test_the_receipt_of_a_resent_comment_says_that_nothing_new_was_stored(open_period):
    browser = _browser(open_period)
    post_comment(browser, open_period, body="Twice")
    location = post_comment(browser, open_period, body="Twice")["Location"]
    html = browser.get(location).content.decode()
    assert "You had already sent this comment" in html
    assert "nothing new was stored" in html
    assert "Thank you: your comment was received" not in html


@pytest.mark.parametrize(
    "change",
    [{"body": "Other words"}, {"criterion": "A1.1"}, {"criterion": ""}, {"proposed_text": "New"}],
)
def test_other_text_or_another_form_from_the_same_browser_is_a_new_comment(open_period, change):
    browser = _browser(open_period)
    post_comment(browser, open_period, body="First words")
    response = post_comment(browser, open_period, **{"body": "First words", **change})
    assert response.status_code == 303
    assert "received=1" in response["Location"]
    assert Comment.objects.count() == 2


def test_the_same_text_from_another_browser_is_its_own_comment(open_period):
    # A form letter sent by two people is two comments (grouped later as a campaign).
    for _person in range(2):
        assert (
            post_comment(_browser(open_period), open_period, body="Form letter").status_code == 303
        )
    assert Comment.objects.count() == 2


def test_the_same_text_in_another_period_is_a_new_comment(open_period, draft):
    browser = _browser(open_period)
    other = make_period(
        draft, opens_at=open_period.closes_at, closes_at=open_period.closes_at + DAY
    )
    post_comment(browser, open_period, body="Same text")
    with time_machine.travel(other.opens_at + dt.timedelta(hours=1)):
        assert post_comment(browser, other, body="Same text").status_code == 303
    assert Comment.objects.count() == 2


def test_a_comment_resent_after_the_period_closed_still_gets_its_receipt(open_period):
    browser = _browser(open_period)
    post_comment(browser, open_period, body="Sent in time")
    with time_machine.travel(open_period.closes_at + DAY):
        response = post_comment(browser, open_period, body="Sent in time")
        refused = post_comment(browser, open_period, body="New text, too late")
    assert response.status_code == 303
    assert "resent=1" in response["Location"]
    assert refused.status_code == 403
    assert Comment.objects.count() == 1


def test_the_stored_key_holds_neither_the_cookie_nor_the_text(open_period):
    browser = _browser(open_period)
    post_comment(browser, open_period, body="Private words")
    key = Comment.objects.get().idempotency_key
    assert key.startswith("web-resend:")
    assert browser.cookies["csrftoken"].value not in key
    assert "Private" not in key


def test_the_service_matches_a_resubmission_key_on_the_key_alone(open_period):
    now = open_period.opens_at + DAY
    first = submit_comment(
        period_id=open_period.pk, body="Text", resubmission_key="web-resend:k", now=now
    )
    again = submit_comment(
        period_id=open_period.pk,
        body="Text",
        email="later@example.org",
        resubmission_key="web-resend:k",
        now=now,
    )
    assert (first.replayed, again.replayed) == (False, True)
    assert again.comment.pk == first.comment.pk
    with pytest.raises(ValueError):
        submit_comment(
            period_id=open_period.pk, body="T", idempotency_key="a", resubmission_key="b", now=now
        )


def test_the_apis_idempotency_key_still_refuses_a_different_comment(api_client, open_period):
    url = f"/api/v1/comment-periods/{open_period.pk}/comments/"
    key = {"HTTP_IDEMPOTENCY_KEY": "client-key-1"}
    assert api_client.post(url, {"body": "One"}, format="json", **key).status_code == 201
    replay = api_client.post(url, {"body": "One"}, format="json", **key)
    assert replay.status_code in (200, 201)
    assert replay["Idempotent-Replayed"] == "true"
    conflict = api_client.post(url, {"body": "Two"}, format="json", **key)
    assert conflict.status_code == 409
    assert conflict.json()["code"] == "idempotency_key_reused"
