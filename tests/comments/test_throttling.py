"""Anonymous submissions are throttled per client with counts in the shared Django cache."""

import datetime as dt
import os

import pytest
import time_machine
from django.core.cache import caches

from standard_versions.models import Comment
from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("COMMENT_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


@pytest.fixture(autouse=True)
def _mid_minute():
    """Counts are per fixed minute: a test that ran across a minute's end would start afresh
    halfway. Time stands still 15 seconds into a minute (set up before the period fixtures, so
    their times are around it)."""
    with time_machine.travel(dt.datetime(2030, 1, 1, 11, 0, 15, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def three_per_minute(settings):
    settings.COMMENT_THROTTLE_RATE = "3/min"


def _post(client, period, ip: str, n: int):
    return submit(client, period, body=f"comment {n}", REMOTE_ADDR=ip)


def test_the_fourth_submission_in_a_minute_is_429_with_retry_after(
    api_client, open_period, three_per_minute
):
    start = dt.datetime(2030, 1, 1, 12, 0, 15, tzinfo=dt.UTC)
    open_period.opens_at, open_period.closes_at = start - dt.timedelta(1), start + dt.timedelta(1)
    open_period.save()
    with time_machine.travel(start, tick=False):
        statuses = [_post(api_client, open_period, "10.0.0.1", n).status_code for n in range(3)]
        refused = _post(api_client, open_period, "10.0.0.1", 3)
    assert statuses == [201, 201, 201]
    assert refused.status_code == 429
    assert refused.json()["code"] == "throttled"
    assert refused["Retry-After"] == "45"
    assert Comment.objects.count() == 3
    with time_machine.travel(start + dt.timedelta(seconds=45), tick=False):
        assert _post(api_client, open_period, "10.0.0.1", 4).status_code == 201


def test_clients_are_counted_separately(api_client, open_period, three_per_minute):
    for n in range(3):
        assert _post(api_client, open_period, "10.0.0.1", n).status_code == 201
    assert _post(api_client, open_period, "10.0.0.1", 9).status_code == 429
    assert _post(api_client, open_period, "10.0.0.2", 9).status_code == 201


def test_reading_is_not_throttled(api_client, open_period, three_per_minute):
    for n in range(3):
        _post(api_client, open_period, "10.0.0.1", n)
    url = f"/api/v1/comment-periods/{open_period.pk}/comments/"
    assert all(api_client.get(url, REMOTE_ADDR="10.0.0.1").status_code == 200 for _ in range(5))


def test_staff_submissions_are_not_throttled(editor_client, open_period, three_per_minute):
    statuses = {_post(editor_client, open_period, "10.0.0.1", n).status_code for n in range(6)}
    assert statuses == {201}


def _redis_available() -> bool:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except Exception:
        return False
    return True


def test_counts_live_in_the_shared_cache_so_every_worker_sees_them(
    api_client, open_period, three_per_minute, settings
):
    if not _redis_available():
        pytest.skip(f"needs Redis at {REDIS_URL} (COMMENT_TEST_REDIS_URL)")
    settings.CACHES = {
        "default": {
            # The backend the settings give REDIS_URL.
            "BACKEND": "standard_versions.http.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-throttle-{os.getpid()}",
        }
    }
    caches["default"].clear()
    try:
        for n in range(3):
            assert _post(api_client, open_period, "10.9.9.9", n).status_code == 201
        keys = caches["default"]._cache.get_client().keys(f"test-throttle-{os.getpid()}:*")
        assert any(b"throttle_comments_10.9.9.9" in key for key in keys)
        # A second process would read the same counter: here, a fresh cache connection.
        caches["default"].close()
        assert _post(api_client, open_period, "10.9.9.9", 3).status_code == 429
    finally:
        caches["default"].clear()


def test_a_forged_x_forwarded_for_does_not_evade_the_throttle(
    api_client, open_period, three_per_minute
):
    statuses = [
        submit(
            api_client, open_period, body=f"c{n}", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}"
        ).status_code
        for n in range(5)
    ]
    assert statuses == [201, 201, 201, 429, 429]


def test_behind_one_proxy_each_forwarded_client_is_counted_apart(
    api_client, open_period, three_per_minute, settings
):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    statuses = [
        submit(
            api_client, open_period, body=f"p{n}", HTTP_X_FORWARDED_FOR=f"203.0.113.{n % 2}"
        ).status_code
        for n in range(8)
    ]
    # Two clients behind the proxy, three each a minute.
    assert statuses == [201] * 6 + [429, 429]
