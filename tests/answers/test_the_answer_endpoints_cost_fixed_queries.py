"""The answer endpoints and the staff's list of open objections cost a fixed number of queries,
whatever the number of objections; the receipt costs what it did before answers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.consultation.answer_keys import answer_key_for
from standard_versions.consultation.answers import answer_response
from tests.answers.conftest import RESPONDED_AT, publish_and_respond
from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _inside_the_window(time_machine):
    time_machine.move_to(RESPONDED_AT, tick=False)


def _count(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = call()
    assert response.status_code < 300, response.content
    return len(captured)


def _objections(api_client, period, editor, n: int) -> list[str]:
    ids = []
    for i in range(n):
        tracking_id = submit(api_client, period, body=f"Comment {i}.").json()["tracking_id"]
        publish_and_respond(tracking_id, user=editor)
        answer_response(
            tracking_id=tracking_id,
            key=answer_key_for(tracking_id),
            kind="objected",
            text=f"Objection {i}.",
            now=RESPONDED_AT,
        )
        ids.append(tracking_id)
    return ids


def test_answering_costs_a_fixed_number_of_queries(api_client, responded, key):
    # a savepoint, the comment locked, its history's first record looked for, its answer
    # looked for, the period's window, the answer and its history, the comment and its
    # history, the savepoint released
    queries = _count(
        lambda: api_client.post(
            f"/api/v1/comments/{responded}/answer/",
            {"key": key, "kind": "objected", "text": "No."},
            format="json",
        )
    )
    assert queries == 10


def test_moderating_and_replying_cost_fixed_numbers(editor_client, api_client, open_period, editor):
    [tracking_id] = _objections(api_client, open_period, editor, 1)
    base = f"/api/v1/comments/{tracking_id}/answer"
    moderate = _count(
        lambda: editor_client.post(f"{base}/moderation/", {"state": "published"}, format="json")
    )
    reply = _count(lambda: editor_client.post(f"{base}/reply/", {"reply": "Hi."}, format="json"))
    # token, roles, a savepoint, the objection locked, its update and history, the comment
    # locked, its history's first record looked for, its update and history, the release
    assert (moderate, reply) == (11, 11)


def test_the_open_objections_cost_the_same_for_2_and_12(
    editor_client, api_client, open_period, editor
):
    url = f"/api/v1/comment-periods/{open_period.pk}/objections/"
    _objections(api_client, open_period, editor, 2)
    few = _count(lambda: editor_client.get(url))
    _objections(api_client, open_period, editor, 10)
    response = editor_client.get(url)
    assert response.json()["count"] == 12
    # auth token, user's roles, period, count, page (with the comments)
    assert _count(lambda: editor_client.get(url)) == few == 5


def test_the_api_receipt_costs_two_queries_with_an_answer(api_client, responded, key):
    url = f"/api/v1/comments/{responded}/"
    before = _count(lambda: api_client.get(url))
    answer_response(tracking_id=responded, key=key, kind="accepted", now=RESPONDED_AT)
    # the comment with its period, version, standard and answer; the criterion now
    assert _count(lambda: api_client.get(url)) == before == 2
