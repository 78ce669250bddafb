"""Submitting the consultation page's forms: the API's service, validation and messages; POST-
redirect-GET to the receipt; errors linked to their fields; honeypot; CSRF; the closing instant;
throttling. Sending the same comment again: test_resending_a_comment.py."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client

from standard_versions.consultation.answer_keys import answer_key_for
from standard_versions.models import Comment
from tests.web.consultation.conftest import DAY, form_fields, make_period, page_url, post_comment

pytestmark = pytest.mark.django_db


def test_a_valid_comment_is_stored_and_answered_with_a_redirect_to_its_receipt(client, open_period):
    response = post_comment(
        client,
        open_period,
        criterion="A1.1",
        body="Line one\r\nLine two",
        proposed_text="Better words",
        type="technical",
        name="Ana",
        organization="City of Somewhere",
        identity_public="true",
        email="ana@example.org",
    )
    comment = Comment.objects.get()
    assert response.status_code == 303
    key = answer_key_for(comment.tracking_id)  # the submitter's own, to answer the response
    assert response["Location"] == f"/comments/{comment.tracking_id}/?received=1&key={key}"
    assert (comment.criterion_code, comment.type, comment.identity_public) == (
        "A1.1",
        "technical",
        True,
    )
    assert comment.body == "Line one\nLine two"  # CRLF from the textarea sent on as LF
    assert comment.email == "ana@example.org"
    assert comment.criterion_revision is not None


def test_a_comment_on_the_version_as_a_whole_has_no_criterion(client, open_period):
    assert post_comment(client, open_period, criterion="").status_code == 303
    assert Comment.objects.get().criterion_code == ""


def test_an_empty_comment_shows_the_apis_message_linked_to_the_field_and_stores_nothing(
    client, open_period
):
    response = post_comment(client, open_period, body="   ", name="Ana <b>")
    html = response.content.decode()
    assert response.status_code == 400
    assert Comment.objects.count() == 0
    assert '<div class="error-summary" role="alert"' in html
    assert '<a href="#comment-A0.0-body">The comment is empty.</a>' in html
    assert 'id="comment-A0.0-body-error"' in html
    assert 'aria-describedby="comment-A0.0-body-hint comment-A0.0-body-error"' in html
    assert 'aria-invalid="true"' in html
    assert "<title>Error:" in html
    # The form in error is open and keeps what was typed (escaped).
    assert re.search(
        r'<section class="comment-box comment-box--open" id="comment-A0.0"[^>]*>\s*'
        r"<h5 [^>]*>Your comment on A0.0",
        html,
    )
    assert 'value="Ana &lt;b&gt;"' in html


def test_too_long_text_and_a_bad_email_get_the_apis_messages(client, open_period):
    html = post_comment(client, open_period, body="x" * 10_001).content.decode()
    assert "The comment has 10,001 characters; the limit is 10,000." in html
    response = post_comment(client, open_period, email="not-an-email")
    assert response.status_code == 400
    assert (
        '<a href="#comment-A0.0-email">Enter a valid email address.</a>'
        in response.content.decode()
    )
    assert Comment.objects.count() == 0


def test_errors_are_in_the_readers_language(client, open_period):
    response = client.post(
        page_url(open_period) + "?lang=es",
        {"criterion": "A0.0", "body": "Hola", "email": "no-es-un-correo", "type": "general"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert '<html lang="es">' in html
    assert "Introduzca una dirección de correo electrónico válida." in html


def test_a_filled_honeypot_gets_a_neutral_page_and_stores_nothing(client, open_period):
    response = post_comment(client, open_period, website="http://spam.example")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thank you" in html
    assert "tracking id" in html
    assert Comment.objects.count() == 0


def test_a_post_without_the_csrf_token_is_refused_and_one_with_it_is_accepted(open_period):
    browser = Client(enforce_csrf_checks=True)
    refused = post_comment(browser, open_period, body="Typed before the check failed")
    assert refused.status_code == 403
    assert "Your form could not be accepted" in refused.content.decode()
    assert "Typed before the check failed" in refused.content.decode()
    assert Comment.objects.count() == 0
    html = browser.get(page_url(open_period) + "?comment=A0.0").content.decode()
    fields = form_fields(html, "comment-A0.0")
    response = browser.post(page_url(open_period), {**fields, "body": "With the token"})
    assert response.status_code == 303
    assert Comment.objects.count() == 1


def test_a_post_at_the_closing_instant_is_refused_as_too_late_and_stores_nothing(client, draft):
    closes = dt.datetime(2030, 4, 28, 4, 0, tzinfo=dt.UTC)
    with time_machine.travel(closes - DAY, tick=False):
        period = make_period(draft, opens_at=closes - 14 * DAY, closes_at=closes)
    with time_machine.travel(closes, tick=False):
        response = post_comment(client, period, body="Sent at midnight exactly")
    html = response.content.decode()
    assert response.status_code == 403
    assert "Too late: this comment period has closed" in html
    assert (
        "This comment period has closed: comments were accepted from the start of Sunday, April "
        "14, 2030 until the end of Saturday, April 27, 2030, New York time." in html
    )
    assert "Sent at midnight exactly" in html  # given back so it is not lost
    assert 'method="post"' not in html
    assert Comment.objects.count() == 0
    with time_machine.travel(closes - dt.timedelta(milliseconds=1), tick=False):
        assert post_comment(client, period, body="Just in time").status_code == 303
    assert Comment.objects.count() == 1


def test_a_post_before_the_period_opens_is_refused(client, draft):
    opens = dt.datetime(2030, 4, 14, 4, 0, tzinfo=dt.UTC)
    with time_machine.travel(opens - DAY, tick=False):
        period = make_period(draft, opens_at=opens, closes_at=opens + 14 * DAY)
        response = post_comment(client, period)
    assert response.status_code == 403
    assert (
        "This comment period is not open yet: comments are accepted from the start of Sunday, "
        "April 14, 2030" in response.content.decode()
    )
    assert Comment.objects.count() == 0


def test_a_criterion_outside_the_scope_is_refused_with_the_apis_message(client, draft):
    period = make_period(draft, criteria=["A1.1"])
    response = post_comment(client, period, criterion="A0.0")
    assert response.status_code == 400
    assert "Criterion A0.0 is not open for comment in this period." in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_throttled_submission_says_how_long_to_wait_and_keeps_the_text(
    client, open_period, settings
):
    settings.COMMENT_THROTTLE_RATE = "2/min"
    for n in range(2):
        assert post_comment(client, open_period, body=f"Comment {n}").status_code == 303
    response = post_comment(client, open_period, body="One too many")
    html = response.content.decode()
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert f"wait {response['Retry-After']} seconds" in html
    assert "One too many" in html
    assert Comment.objects.count() == 2


def test_the_web_form_and_the_api_share_one_throttle(client, api_client, open_period, settings):
    settings.COMMENT_THROTTLE_RATE = "1/min"
    url = f"/api/v1/comment-periods/{open_period.pk}/comments/"
    assert api_client.post(url, {"body": "Via the API"}, format="json").status_code == 201
    assert post_comment(client, open_period).status_code == 429
