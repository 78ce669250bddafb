"""Idempotency-Key: a retry stores nothing new and gets the same receipt; another body gets 409;
correct under concurrent retries (enforced by a unique constraint in the database)."""

import re
import threading

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from standard_versions.models import Comment
from tests.comments.conftest import DAY, make_period, submit

pytestmark = pytest.mark.django_db


def test_the_same_key_and_body_again_gives_the_same_receipt_and_stores_nothing(
    api_client, open_period
):
    first = submit(api_client, open_period, body="Hello", idempotency_key="abc-123")
    again = submit(api_client, open_period, body="Hello", idempotency_key="abc-123")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert not first.has_header("Idempotent-Replayed")
    assert Comment.objects.count() == 1


def test_the_same_key_with_another_body_is_409_and_stores_nothing(api_client, open_period):
    submit(api_client, open_period, body="Hello", idempotency_key="abc-123")
    other = submit(api_client, open_period, body="Goodbye", idempotency_key="abc-123")
    assert other.status_code == 409
    assert other.json()["code"] == "idempotency_key_reused"
    other_field = submit(
        api_client, open_period, body="Hello", email="x@example.org", idempotency_key="abc-123"
    )
    assert other_field.json()["code"] == "idempotency_key_reused"
    assert list(Comment.objects.values_list("body", flat=True)) == ["Hello"]


def test_the_body_is_compared_by_content_not_by_json_layout(api_client, open_period):
    url = f"/api/v1/comment-periods/{open_period.pk}/comments/"
    layouts = ['{"body": "Hi", "type": "general"}', '{ "type":"general",\n  "body":"Hi" }']
    receipts = {
        api_client.post(
            url, data=raw, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k"
        ).json()["tracking_id"]
        for raw in layouts
    }
    assert len(receipts) == 1 and Comment.objects.count() == 1


def test_keys_are_scoped_to_a_period(api_client, draft):
    first, second = make_period(draft), make_period(draft)
    a = submit(api_client, first, idempotency_key="same")
    b = submit(api_client, second, idempotency_key="same")
    assert a.json()["tracking_id"] != b.json()["tracking_id"]
    assert Comment.objects.count() == 2


def test_a_retry_after_the_close_still_gets_its_receipt(api_client, draft):
    now = timezone.now()
    period = make_period(draft, opens_at=now - DAY, closes_at=now + DAY)
    first = submit(api_client, period, body="Just in time", idempotency_key="late-retry")
    with time_machine.travel(now + 2 * DAY, tick=False):
        retry = submit(api_client, period, body="Just in time", idempotency_key="late-retry")
        fresh = submit(api_client, period, body="Just in time", idempotency_key="new-key")
        other = submit(api_client, period, body="Changed", idempotency_key="late-retry")
    assert retry.status_code == 201
    assert retry.json()["tracking_id"] == first.json()["tracking_id"]
    assert fresh.json()["code"] == "comment_period_closed"
    assert other.json()["code"] == "idempotency_key_reused"


@pytest.mark.parametrize("key", ["", "x" * 256, "tab\tinside", "é-accent"])
def test_a_malformed_key_is_refused(api_client, open_period, key):
    response = submit(api_client, open_period, idempotency_key=key)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_idempotency_key"
    assert not Comment.objects.exists()


def test_a_fresh_submission_costs_a_fixed_number_of_queries(api_client, open_period):
    with CaptureQueriesContext(connection) as captured:
        assert submit(api_client, open_period, criterion="A0.0", idempotency_key="q").status_code
    # On SQLite: in its own transaction (a savepoint inside the test's transaction) the period's
    # window, the criterion, the comment's INSERT and its campaign tally's upsert. On PostgreSQL:
    # the criterion, then one statement that checks the period itself, inserts and counts
    # (``comment_one_statement``). The history record waits for the first staff change.
    writes = [q["sql"] for q in captured if re.match(r"(INSERT|WITH)", q["sql"])]
    tables = [table.strip('"') for sql in writes for table in re.findall(r"INSERT INTO (\S+)", sql)]
    assert tables == ["standard_versions_comment", "standard_versions_identicalcommenttally"]
    assert len(writes) == (1 if connection.vendor == "postgresql" else 2)
    statements = [q["sql"] for q in captured if not re.match(r"(RELEASE )?SAVEPOINT", q["sql"])]
    if connection.vendor == "postgresql":
        assert len(statements) == 2
        assert "FOR SHARE OF p" in statements[1]
    else:
        assert len(captured) <= 7


def _race(period_id: int, bodies: list[str], key: str) -> list:
    barrier = threading.Barrier(len(bodies))
    results: list = [None] * len(bodies)

    def worker(index: int) -> None:
        client = APIClient()
        try:
            barrier.wait()
            response = client.post(
                f"/api/v1/comment-periods/{period_id}/comments/",
                {"body": bodies[index]},
                format="json",
                HTTP_IDEMPOTENCY_KEY=key,
            )
            results[index] = (response.status_code, response.json())
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(bodies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _require_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip(
            "Concurrent writers need PostgreSQL: SQLite serialises every write transaction, so "
            "threads cannot race on the unique index."
        )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_retries_with_one_key_store_one_comment_and_share_its_receipt(draft):
    _require_postgresql()
    period = make_period(draft)
    for attempt in range(5):
        results = _race(period.pk, ["The same body"] * 8, key=f"race-{attempt}")
        assert {status for status, _body in results} == {201}
        assert len({body["tracking_id"] for _status, body in results}) == 1
        assert Comment.objects.filter(idempotency_key=f"race-{attempt}").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_with_one_key_and_different_bodies_store_exactly_one(draft):
    _require_postgresql()
    period = make_period(draft)
    bodies = [f"Body {i % 2}" for i in range(8)]
    results = _race(period.pk, bodies, key="contested")
    [stored] = Comment.objects.filter(idempotency_key="contested")
    for body, (status, answer) in zip(bodies, results, strict=True):
        if body == stored.body:
            assert (status, answer["tracking_id"]) == (201, stored.tracking_id)
        else:
            assert (status, answer["code"]) == (409, "idempotency_key_reused")
