"""An objection is public only once staff publish it; withholding needs a reason and its text is
never public; staff reply once (a second reply is 409). Every step is in the history of the
answer and of the comment, with the user, the reason and the instant."""

import pytest

from standard_versions.consultation.answers import answer_response
from standard_versions.models import Comment, CommenterAnswer
from tests.answers.conftest import RESPONDED_AT
from tests.staff import staff_client

pytestmark = pytest.mark.django_db

OBJECTION = "The response does not say how often."


@pytest.fixture
def objected(responded, key, time_machine):
    time_machine.move_to(RESPONDED_AT, tick=False)
    answer_response(
        tracking_id=responded, key=key, kind="objected", text=OBJECTION, now=RESPONDED_AT
    )
    return responded


def _moderate(client, tracking_id, **payload):
    return client.post(f"/api/v1/comments/{tracking_id}/answer/moderation/", payload, format="json")


def _reply(client, tracking_id, **payload):
    return client.post(f"/api/v1/comments/{tracking_id}/answer/reply/", payload, format="json")


def _public(client, tracking_id) -> dict:
    return client.get(f"/api/v1/comments/{tracking_id}/").json()["answer"]


def test_an_objection_is_public_only_once_published(api_client, editor_client, objected):
    before = _public(api_client, objected)
    assert (before["status"], before["moderation_state"], before["text"]) == (
        "objected",
        "received",
        "",
    )
    response = _moderate(editor_client, objected, state="published")
    assert response.status_code == 200, response.json()
    assert _public(api_client, objected)["text"] == OBJECTION


def test_withholding_needs_a_reason_and_the_text_never_shows(api_client, editor_client, objected):
    refused = _moderate(editor_client, objected, state="withheld")
    assert (refused.status_code, refused.json()["code"]) == (400, "reason_required")
    response = _moderate(editor_client, objected, state="withheld", reason="Personal data.")
    assert response.status_code == 200
    public = _public(api_client, objected)
    assert public["moderation_state"] == "withheld"
    assert public["moderation_reason"] == "Personal data."
    assert OBJECTION not in api_client.get(f"/api/v1/comments/{objected}/").content.decode()
    page = api_client.get(f"/comments/{objected}/", HTTP_ACCEPT="text/html")
    assert OBJECTION not in page.content.decode()


def test_staff_reply_once(api_client, editor_client, objected):
    _moderate(editor_client, objected, state="published")
    first = _reply(editor_client, objected, reply="We will add it in the next draft.")
    assert first.status_code == 200, first.json()
    again = _reply(editor_client, objected, reply="And more.")
    assert (again.status_code, again.json()["code"]) == (409, "already_replied")
    public = _public(api_client, objected)
    assert public["staff_reply"] == "We will add it in the next draft."
    assert public["replied_at"] == "2030-05-01T12:00:00Z"


def test_staff_steps_need_an_editor(api_client, objected):
    assert _moderate(api_client, objected, state="published").status_code == 401
    nobody = staff_client("nora-nobody")
    assert _reply(nobody, objected, reply="Hi.").status_code == 403


def test_no_objection_is_404(editor_client, responded):
    response = _reply(editor_client, responded, reply="Hi.")
    assert (response.status_code, response.json()["code"]) == (404, "objection_not_found")


def test_every_step_is_in_both_histories(editor_client, objected):
    _moderate(editor_client, objected, state="published")
    _reply(editor_client, objected, reply="We will add it.")
    editor = editor_client.user
    answer = CommenterAnswer.objects.get()
    answer_steps = [
        (h.history_change_reason, h.history_user, h.history_date)
        for h in answer.history.order_by("history_id")
    ]
    assert answer_steps == [
        ("commenter answer: objected", None, RESPONDED_AT),
        ("objection moderation: published", editor, RESPONDED_AT),
        ("objection reply", editor, RESPONDED_AT),
    ]
    comment = Comment.objects.get(tracking_id=objected)
    comment_steps = [
        (h.history_change_reason, h.history_user) for h in comment.history.order_by("history_id")
    ][-3:]
    assert comment_steps == [
        ("commenter answer: objected", None),
        ("objection moderation: published", editor),
        ("objection reply", editor),
    ]
    assert comment.history.latest().history_date == RESPONDED_AT


def test_an_answer_changes_the_reports_etag(api_client, responded, key):
    url = "/api/v1/standards/big/versions/9.0/disposition-report/"
    before = api_client.get(url)["ETag"]
    answer_response(tracking_id=responded, key=key, kind="accepted", now=RESPONDED_AT)
    assert api_client.get(url)["ETag"] != before
