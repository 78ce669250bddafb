"""Where a response stands is computed from the clock when the receipt is read: no response
yet, pending until the window's end, then assumed satisfied with nothing written; an answer,
once taken, is the status whatever the clock says."""

import pytest
import time_machine

from standard_versions.consultation.answers import answer_response
from standard_versions.models import Comment
from tests.answers.conftest import MICROSECOND, window_end

pytestmark = pytest.mark.django_db


def _answer_of(client, tracking_id) -> dict:
    return client.get(f"/api/v1/comments/{tracking_id}/").json()["answer"]


def test_a_comment_without_a_public_response_has_no_answer_status(api_client, tracking_id):
    assert _answer_of(api_client, tracking_id) == {
        "status": "no_response",
        "window_ends_at": None,
        "kind": None,
        "moderation_state": None,
        "moderation_reason": "",
        "submitted_at": None,
        "text": "",
        "staff_reply": "",
        "replied_at": None,
    }


def test_pending_until_the_end_then_assumed_satisfied(api_client, responded):
    with time_machine.travel(window_end() - MICROSECOND, tick=False):
        pending = _answer_of(api_client, responded)
    with time_machine.travel(window_end(), tick=False):
        assumed = _answer_of(api_client, responded)
    assert pending["status"] == "pending"
    assert pending["window_ends_at"] == "2030-05-15T12:00:00Z"
    assert assumed["status"] == "assumed_satisfied"
    assert assumed["window_ends_at"] == "2030-05-15T12:00:00Z"
    # Computed, never stored: the comment's history has no step for it.
    assert not Comment.history.filter(history_change_reason__startswith="commenter").exists()


def test_an_answer_is_the_status_after_the_window_too(api_client, responded, key):
    answer_response(tracking_id=responded, key=key, kind="accepted", now=window_end() - MICROSECOND)
    with time_machine.travel(window_end() + MICROSECOND, tick=False):
        answer = _answer_of(api_client, responded)
    assert answer["status"] == "accepted"
    assert answer["kind"] == "accepted"


def test_the_receipt_is_never_reused_unseen(api_client, responded):
    response = api_client.get(f"/api/v1/comments/{responded}/")
    assert response["Cache-Control"] == "no-cache"
    assert "ETag" not in response
