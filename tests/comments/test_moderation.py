"""Staff publish or withhold comments (withholding needs a reason, kept in history) and record a
disposition and a response, which the commenter sees on the receipt."""

from datetime import timedelta

import pytest
from django.utils import timezone

from standard_versions.consultation.comments import moderate_comment, respond_to_comment
from standard_versions.models import Comment
from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def tracking_id(api_client, open_period):
    return submit(api_client, open_period, criterion="A0.0", body="Please clarify.").json()[
        "tracking_id"
    ]


def _moderate(client, tracking_id, **payload):
    return client.post(f"/api/v1/comments/{tracking_id}/moderate/", payload, format="json")


def _respond(client, tracking_id, **payload):
    return client.post(f"/api/v1/comments/{tracking_id}/respond/", payload, format="json")


def test_publishing_makes_a_comment_public(api_client, editor_client, open_period, tracking_id):
    url = f"/api/v1/comment-periods/{open_period.pk}/comments/"
    assert api_client.get(url).json()["count"] == 0
    response = _moderate(editor_client, tracking_id, state="published")
    assert response.status_code == 200
    assert response.json()["moderation_state"] == "published"
    assert [c["tracking_id"] for c in api_client.get(url).json()["results"]] == [tracking_id]
    receipt = api_client.get(f"/api/v1/comments/{tracking_id}/").json()
    assert receipt["status"] == "published"


def test_withholding_needs_a_reason_which_is_kept_in_history(
    api_client, editor_client, open_period, tracking_id
):
    refused = _moderate(editor_client, tracking_id, state="withheld")
    assert refused.status_code == 400
    assert refused.json()["code"] == "reason_required"
    assert Comment.objects.get().moderation_state == "received"

    _moderate(editor_client, tracking_id, state="published")
    response = _moderate(
        editor_client, tracking_id, state="withheld", reason="Contains personal data."
    )
    assert response.status_code == 200
    comment = Comment.objects.get()
    latest = comment.history.latest()
    assert latest.moderation_state == "withheld"
    assert latest.history_change_reason == "Contains personal data."
    assert latest.history_user == editor_client.user
    states = list(comment.history.order_by("history_id").values_list("moderation_state", flat=True))
    assert states == ["received", "published", "withheld"]
    first = comment.history.earliest()
    assert (first.history_date, first.history_change_reason) == (comment.submitted_at, "submitted")
    assert first.body == "Please clarify."
    url = f"/api/v1/comment-periods/{open_period.pk}/comments/"
    assert api_client.get(url).json()["count"] == 0
    receipt = api_client.get(f"/api/v1/comments/{tracking_id}/").json()
    assert receipt["status"] == "withheld"
    assert receipt["moderation_reason"] == "Contains personal data."


def test_a_comment_cannot_be_moved_back_to_received(editor_client, tracking_id):
    response = _moderate(editor_client, tracking_id, state="received")
    assert response.status_code == 400


def test_a_disposition_and_response_show_on_the_receipt_and_in_history(
    api_client, editor_client, tracking_id
):
    response = _respond(
        editor_client,
        tracking_id,
        disposition="partially_accepted",
        response="We clarified the second sentence.",
        reason="First review round",
    )
    assert response.status_code == 200, response.json()
    receipt = api_client.get(f"/api/v1/comments/{tracking_id}/").json()
    assert receipt["disposition"] == "partially_accepted"
    assert receipt["response"] == "We clarified the second sentence."
    assert receipt["responded_at"]
    assert Comment.objects.get().history.latest().history_change_reason == "First review round"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"disposition": "maybe", "response": "x"}, "disposition"),
        ({"disposition": "noted"}, "response"),
        ({"disposition": "noted", "response": "   "}, "response"),
    ],
)
def test_a_bad_disposition_or_missing_response_is_refused(
    editor_client, tracking_id, payload, field
):
    response = _respond(editor_client, tracking_id, **payload)
    assert response.status_code == 400
    assert Comment.objects.get().disposition == ""


def test_moderation_needs_a_staff_role(api_client, nobody_client, tracking_id):
    assert _moderate(api_client, tracking_id, state="published").status_code == 401
    assert _moderate(nobody_client, tracking_id, state="published").status_code == 403
    assert (
        _respond(nobody_client, tracking_id, disposition="noted", response="x").status_code == 403
    )
    assert Comment.objects.get().moderation_state == "received"


def test_an_unknown_comment_is_404(editor_client, api_client, db):
    assert _moderate(editor_client, "no-such-comment-id", state="published").status_code == 404
    response = api_client.get("/api/v1/comments/no-such-comment-id/")
    assert response.status_code == 404
    assert response.json()["code"] == "comment_not_found"
    assert api_client.get("/api/v1/comments/bad%20id!/").status_code == 404


def test_the_staff_queue_filters_by_state(api_client, editor_client, open_period, tracking_id):
    other = submit(api_client, open_period, body="Second").json()["tracking_id"]
    _moderate(editor_client, other, state="published")
    url = f"/api/v1/comment-periods/{open_period.pk}/moderation/"
    received = editor_client.get(f"{url}?state=received").json()["results"]
    assert [c["tracking_id"] for c in received] == [tracking_id]
    assert editor_client.get(f"{url}?state=bogus").json()["code"] == "invalid_state"


def test_a_moderation_and_a_response_are_dated_with_the_time_passed_in(tracking_id):
    moderated_at = timezone.now() + timedelta(minutes=5)
    responded_at = moderated_at + timedelta(minutes=5)
    moderate_comment(tracking_id=tracking_id, state="published", user=None, now=moderated_at)
    respond_to_comment(
        tracking_id=tracking_id,
        disposition="noted",
        response="Thanks.",
        user=None,
        now=responded_at,
    )
    dates = list(
        Comment.objects.get(tracking_id=tracking_id)
        .history.order_by("history_id")
        .values_list("history_date", flat=True)
    )
    assert dates[1:] == [moderated_at, responded_at]
