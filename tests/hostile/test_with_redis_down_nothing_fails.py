"""Redis is an accelerator, not a dependency: with the cache's Redis refusing connections, comments
are accepted, pages and the API are served, throttles still count (per process), a warning is
logged once, the readiness probe says "degraded"; when Redis is back it is used again. A database
that does not answer makes the readiness probe 503, while liveness stays 200."""

import datetime as dt
import logging

import pytest
from django.core.cache import caches
from django.db import OperationalError
from django.utils import timezone

from standard_versions.consultation.periods import create_period
from standard_versions.http import resilient_cache
from tests.factories import build_version

REDIS_DOWN = {
    "default": {
        "BACKEND": "standard_versions.http.resilient_cache.ResilientRedisCache",
        # Nothing listens on port 1: every connection is refused at once.
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
    }
}
REDIS_UP = {
    "default": {
        **REDIS_DOWN["default"],
        "LOCATION": "redis://127.0.0.1:6379/15",
        "KEY_PREFIX": "wwc-tests-resilient",
    }
}


@pytest.fixture
def redis_down(settings):
    resilient_cache._down_until.clear()
    settings.CACHES = REDIS_DOWN
    caches["default"]._fallback.clear()  # the process's memory, shared with earlier tests
    yield
    resilient_cache._down_until.clear()


@pytest.fixture
def period(db):
    build_version(standard_slug="r", label="1.0", criteria=2, areas=1, status="draft")
    now = timezone.now()
    return create_period(
        standard_slug="r",
        label="1.0",
        opens_at=now - dt.timedelta(hours=1),
        closes_at=now + dt.timedelta(days=1),
        timezone="UTC",
        criteria=None,
        user=None,
        reason="test",
        now=now,
    )


def post_comment(client, period, body="A comment."):
    return client.post(
        f"/api/v1/comment-periods/{period.pk}/comments/", {"body": body}, format="json"
    )


def test_comments_are_accepted_and_their_receipts_read(redis_down, api_client, period, caplog):
    with caplog.at_level(logging.WARNING, logger="standard_versions.http.resilient_cache"):
        created = post_comment(api_client, period)
        again = post_comment(api_client, period, body="Another.")
    assert (created.status_code, again.status_code) == (201, 201), created.content
    receipt = api_client.get(f"/api/v1/comments/{created.json()['tracking_id']}/")
    assert receipt.status_code == 200
    warnings = [r for r in caplog.records if "Redis cache unavailable" in r.getMessage()]
    assert len(warnings) == 1  # then Redis is left alone for a while, without a log per request


def test_pages_and_the_api_are_served_uncached(redis_down, client, api_client, shipped_data):
    assert client.get("/standards/wwc/versions/3.0/").status_code == 200
    assert client.get("/").status_code == 200
    assert api_client.get("/api/v1/standards/wwc/versions/3.0/").status_code == 200


def test_the_throttle_still_limits_each_process(redis_down, api_client, period, settings):
    settings.COMMENT_THROTTLE_RATE = "2/min"
    statuses = [post_comment(api_client, period, body=f"n{n}").status_code for n in range(3)]
    assert statuses == [201, 201, 429]


def test_the_readiness_probe_says_degraded_and_liveness_stays_cheap(redis_down, client, db):
    ready = client.get("/readyz")
    assert ready.status_code == 200
    body = ready.json()
    assert body["status"] == "degraded"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["cache"] == {
        "ok": False,
        "ms": body["checks"]["cache"]["ms"],
        "detail": "Redis does not answer",
    }
    assert ready["Cache-Control"] == "no-store"
    assert client.get("/healthz").json() == {"status": "ok"}


def test_redis_is_used_again_once_it_answers(settings, client, db, monkeypatch):
    resilient_cache._down_until.clear()
    settings.CACHES = REDIS_UP
    cache = caches["default"]
    # Redis was found down a while ago; the pause is over.
    resilient_cache._down_until[cache._location] = 0.0
    cache.set("probe", "from redis", 30)
    assert cache._fallback.get("probe") is None
    assert cache.get("probe") == "from redis"
    assert client.get("/readyz").json()["status"] == "ready"
    cache.delete("probe")


def test_a_database_that_does_not_answer_makes_readiness_503(client, db, monkeypatch):
    from backend import readiness

    def refuse():
        raise OperationalError("connection refused")

    with monkeypatch.context() as patched:
        patched.setattr(readiness.connection, "cursor", refuse)
        ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["status"] == "unavailable"
    assert "connection refused" in ready.json()["checks"]["database"]["detail"]
