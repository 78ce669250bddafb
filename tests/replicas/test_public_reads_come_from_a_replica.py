"""Read replicas against a real one: a private PostgreSQL primary and its streaming replica
(tests/replicas/cluster.py), the app migrated and loaded on the primary as ``make run`` does
(``start_up``: the demo draft has an open period), and gunicorn with ``DATABASE_REPLICA_URLS``.
Pausing the replica's replay makes it observable where each read was answered: a public read sees
the replica's old state, a staff read the primary's new one."""

import time
import uuid

import pytest
import requests

from tests.fuzz.server import gunicorn, load_shipped_data, server_env
from tests.replicas import cluster


@pytest.fixture(scope="module")
def pair():
    reason = cluster.why_not()
    if reason:
        pytest.skip(reason)
    with cluster.primary_and_replica() as started:
        yield started


@pytest.fixture(scope="module")
def app(pair, tmp_path_factory):
    env = server_env(pair.primary.url)
    token = load_shipped_data(env)
    pair.wait_until_replayed()
    # One worker: which replica its process has found down is what the last test reads.
    env = server_env(
        pair.primary.url,
        DATABASE_REPLICA_URLS=pair.replica.url,
        DATABASE_REPLICA_RETRY_SECONDS="60",
    )
    log = tmp_path_factory.mktemp("replicas") / "server.log"
    with gunicorn(env, log_path=log, workers=1) as base:
        yield base, {"Authorization": f"Token {token}"}


@pytest.fixture(scope="module")
def open_period(app) -> int:
    base, _ = app
    periods = requests.get(f"{base}/api/v1/comment-periods/", timeout=10).json()["results"]
    return next(period["id"] for period in periods if period["status"] == "open")


def published(base: str, period: int, headers: dict | None = None) -> set[str]:
    answer = requests.get(
        f"{base}/api/v1/comment-periods/{period}/comments/", headers=headers or {}, timeout=10
    )
    assert answer.status_code == 200, answer.text
    return {comment["tracking_id"] for comment in answer.json()["results"]}


def readiness(base: str) -> tuple[int, dict]:
    answer = requests.get(f"{base}/readyz", timeout=10)
    return answer.status_code, answer.json()


def test_the_replica_is_ready_and_caught_up(app):
    base, _ = app
    status, body = readiness(base)
    assert status == 200, body
    assert body["status"] == "ready"
    replica = body["checks"]["replicas"]["replica_0"]
    assert replica["ok"] is True
    # 0 once it has replayed all it received; a stray record on its way would make it the age
    # of the last replayed transaction.
    assert isinstance(replica["lag_seconds"], int | float) and replica["lag_seconds"] >= 0


def test_public_reads_are_the_replicas_and_staff_and_writers_read_the_primary(
    pair, app, open_period
):
    base, staff = app
    pair.wait_until_replayed()
    pair.pause_replay()
    try:
        body = f"Read replicas, comment {uuid.uuid4()}"
        submitted = requests.post(
            f"{base}/api/v1/comment-periods/{open_period}/comments/",
            json={"body": body},
            headers={"Idempotency-Key": str(uuid.uuid4())},
            timeout=10,
        )
        assert submitted.status_code == 201, submitted.text
        tracking_id = submitted.json()["tracking_id"]
        assert submitted.json()["status"] == "received"

        # A receipt is read right after its own write, so it stays on the primary.
        receipt = requests.get(submitted.json()["receipt_url"], timeout=10)
        assert receipt.status_code == 200, receipt.text

        moderated = requests.post(
            f"{base}/api/v1/comments/{tracking_id}/moderate/",
            json={"state": "published"},
            headers=staff,
            timeout=10,
        )
        assert moderated.status_code == 200, moderated.text

        # The same list: anonymous from the paused replica, staff (a token) from the primary.
        assert tracking_id not in published(base, open_period)
        assert tracking_id in published(base, open_period, headers=staff)

        pair.wait_until_received()
        status, ready = readiness(base)
        assert status == 200 and ready["status"] == "ready"
        assert ready["checks"]["replicas"]["replica_0"]["lag_seconds"] > 0
    finally:
        pair.sql(pair.replica, "SELECT pg_wal_replay_resume()")

    deadline = time.monotonic() + 10
    while tracking_id not in published(base, open_period):
        assert time.monotonic() < deadline, "the public read did not catch up after replay resumed"
        time.sleep(0.1)


def submit_and_publish(base: str, period: int, staff: dict) -> str:
    submitted = requests.post(
        f"{base}/api/v1/comment-periods/{period}/comments/",
        json={"body": f"Read replicas, comment {uuid.uuid4()}"},
        headers={"Idempotency-Key": str(uuid.uuid4())},
        timeout=10,
    )
    assert submitted.status_code == 201, submitted.text
    tracking_id = submitted.json()["tracking_id"]
    moderated = requests.post(
        f"{base}/api/v1/comments/{tracking_id}/moderate/",
        json={"state": "published"},
        headers=staff,
        timeout=10,
    )
    assert moderated.status_code == 200, moderated.text
    return tracking_id


def test_a_body_read_from_a_lagging_replica_is_not_cached_under_a_newer_head(
    pair, app, open_period
):
    base, staff = app
    report = f"{base}/api/v1/standards/wwc/versions/demo/disposition-report/"
    pair.wait_until_replayed()
    before = requests.get(report, timeout=10).json()["count"]
    pair.pause_replay()
    try:
        submit_and_publish(base, open_period, staff)
        assert requests.get(report, timeout=10).status_code == 200
    finally:
        pair.sql(pair.replica, "SELECT pg_wal_replay_resume()")
    pair.wait_until_replayed()
    assert requests.get(report, timeout=10).json()["count"] == before + 1


def test_with_the_replica_stopped_public_reads_go_to_the_primary(pair, app, open_period):
    base, staff = app
    everything = published(base, open_period, headers=staff)
    pair.pg_ctl(pair.replica, "stop", "-m", "immediate")

    assert published(base, open_period) == everything
    status, ready = readiness(base)
    assert status == 200
    assert ready["status"] == "degraded"
    assert ready["checks"]["database"]["ok"] is True
    replica = ready["checks"]["replicas"]["replica_0"]
    assert replica["ok"] is False and "detail" in replica
    # The page reads the primary too, and so does the next request, without trying again.
    assert requests.get(f"{base}/", timeout=10).status_code == 200
    assert published(base, open_period) == everything
