"""A commenter answers once: a second answer, of either kind, is 409 ``already_answered``; an
answer before the response is public is 409 ``no_response_yet``; the text rules (an objection
needs one, an acceptance takes none, a limit, no control characters) are 400s with their codes
and store nothing."""

import pytest

from standard_versions.consultation.answer_keys import answer_key_for
from standard_versions.consultation.comment_limits import ANSWER_TEXT_MAX_CHARS
from standard_versions.consultation.comments import respond_to_comment
from standard_versions.models import CommenterAnswer
from tests.answers.conftest import RESPONDED_AT

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _inside_the_window(time_machine):
    time_machine.move_to(RESPONDED_AT, tick=False)


def _answer(client, tracking_id, **payload):
    return client.post(f"/api/v1/comments/{tracking_id}/answer/", payload, format="json")


def test_a_second_answer_is_refused(api_client, responded, key):
    assert _answer(api_client, responded, key=key, kind="accepted").status_code == 201
    again = _answer(api_client, responded, key=key, kind="objected", text="On second thought.")
    assert again.status_code == 409
    assert again.json()["code"] == "already_answered"
    assert CommenterAnswer.objects.get().kind == "accepted"


def test_no_answer_before_the_response_is_public(api_client, tracking_id, key, editor):
    refused = _answer(api_client, tracking_id, key=key, kind="accepted")
    assert (refused.status_code, refused.json()["code"]) == (409, "no_response_yet")
    # A response to a comment not (yet) published is not public either.
    respond_to_comment(
        tracking_id=tracking_id,
        disposition="accepted",
        response="Yes.",
        user=editor,
        now=RESPONDED_AT,
    )
    refused = _answer(api_client, tracking_id, key=key, kind="accepted")
    assert (refused.status_code, refused.json()["code"]) == (409, "no_response_yet")


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"kind": "objected", "text": ""}, "objection_text_required"),
        ({"kind": "objected", "text": " \n\u200b "}, "objection_text_required"),
        ({"kind": "accepted", "text": "Fine by me."}, "answer_text_not_allowed"),
        ({"kind": "objected", "text": "x" * (ANSWER_TEXT_MAX_CHARS + 1)}, "objection_too_long"),
        ({"kind": "objected", "text": "bell \x07 here"}, "invalid_text"),
        ({"kind": "objected", "text": "C1 \x85 here"}, "invalid_text"),
        ({"kind": "maybe"}, "invalid"),
        ({"kind": "objected", "text": 12}, "invalid"),
    ],
)
def test_text_rules_are_refused_with_their_codes(api_client, responded, key, payload, code):
    response = _answer(api_client, responded, key=key, **payload)
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert not CommenterAnswer.objects.exists()


def test_an_objection_at_the_limit_is_taken_with_its_line_breaks(api_client, responded, key):
    text = "a\r\n" + "b" * (ANSWER_TEXT_MAX_CHARS - 2)
    response = _answer(api_client, responded, key=key, kind="objected", text=text)
    assert response.status_code == 201, response.json()
    assert CommenterAnswer.objects.get().text == "a\n" + "b" * (ANSWER_TEXT_MAX_CHARS - 2)


def test_an_unknown_comment_is_refused_as_its_key_is(api_client, db):
    ghost = "a" * 26
    response = _answer(api_client, ghost, key=answer_key_for("b" * 26), kind="accepted")
    assert (response.status_code, response.json()["code"]) == (403, "answer_key_invalid")
