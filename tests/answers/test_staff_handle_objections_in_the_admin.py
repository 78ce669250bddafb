"""In the admin, editors find the objections not replied to, publish or withhold each (a
withholding without a reason is refused on the form and stores nothing) and reply once; each
step goes through the answers' services, so it is in the answer's and the comment's history."""

import pytest

from standard_versions.consultation.answers import answer_response
from standard_versions.models import Comment, CommenterAnswer
from tests.admin.conftest import (
    editor_admin,  # noqa: F401 (a fixture)
    messages_on,
)
from tests.answers.conftest import RESPONDED_AT

pytestmark = pytest.mark.django_db

# ``objection`` comes first in each test: it moves the clock to the response's instant, and the
# staff member signs in after it (a session begun before would have expired by then).

ADMIN = "/admin/standard_versions/commenteranswer/"


@pytest.fixture
def objection(responded, key, time_machine):
    time_machine.move_to(RESPONDED_AT, tick=False)
    return answer_response(
        tracking_id=responded, key=key, kind="objected", text="Not enough.", now=RESPONDED_AT
    )


def _change(client, answer, **fields):
    page = f"{ADMIN}{answer.pk}/change/"
    data = {
        "moderation_state": answer.moderation_state,
        "moderation_reason": answer.moderation_reason,
        "staff_reply": answer.staff_reply,
        "change_reason": "",
        **fields,
    }
    return client.post(page, data, follow=True)


def test_the_open_objections_are_listed(objection, editor_admin):  # noqa: F811
    page = editor_admin.get(f"{ADMIN}?open=1")
    assert page.status_code == 200
    assert objection.comment.tracking_id in page.content.decode()


def test_publishing_then_replying_goes_through_the_services(objection, editor_admin):  # noqa: F811
    response = _change(editor_admin, objection, moderation_state="published")
    assert response.status_code == 200
    objection.refresh_from_db()
    assert objection.moderation_state == "published"
    response = _change(editor_admin, objection, staff_reply="We will add a yearly review.")
    objection.refresh_from_db()
    assert objection.staff_reply == "We will add a yearly review."
    assert objection.replied_at is not None
    comment = Comment.objects.get(pk=objection.comment_id)
    reasons = [r.history_change_reason for r in comment.history.order_by("history_id")]
    assert reasons[-2:] == ["objection moderation: published", "objection reply"]
    assert comment.history.order_by("history_id").last().history_user == editor_admin.user
    # The reply, once given, stands: the form shows it read only.
    page = editor_admin.get(f"{ADMIN}{objection.pk}/change/").content.decode()
    assert 'name="staff_reply"' not in page


def test_withholding_without_a_reason_is_refused_and_stores_nothing(
    objection,
    editor_admin,  # noqa: F811
):
    response = _change(editor_admin, objection, moderation_state="withheld")
    assert any("Say why the objection is withheld" in m for m in messages_on(response))
    assert CommenterAnswer.objects.get(pk=objection.pk).moderation_state == "received"
