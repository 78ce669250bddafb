"""The Redis cache keeps one ``redis.Redis`` per connection pool: Django's own client builds a new
one, with its table of response callbacks, for every operation, which cost a comment submission
about a tenth of its CPU in its throttle's two operations. A throttle's count is one command."""

import pytest
import redis

from standard_versions.http import resilient_cache
from standard_versions.http.resilient_cache import ResilientRedisCache, ReusedClients

LOCATION = "redis://127.0.0.1:6379/15"


def _count_commands(monkeypatch) -> list[str]:
    """The names of the Redis commands sent from now on (until ``monkeypatch.undo()``)."""
    commands = []
    real_execute = redis.Redis.execute_command

    def counting_execute(self, *args, **options):
        commands.append(args[0])
        return real_execute(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", counting_execute)
    return commands


def test_every_operation_uses_the_same_redis_client(monkeypatch):
    built = []
    real_init = redis.Redis.__init__

    def counting_init(self, *args, **kwargs):
        built.append(self)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counting_init)
    cache = ResilientRedisCache(LOCATION, {"KEY_PREFIX": "wwc-tests-one-client"})
    assert isinstance(cache._cache, ReusedClients)
    for n in range(5):
        cache.set("probe", n, 30)
        assert cache.get("probe") == n
    cache.add("counter", 0, 30)
    cache.incr("counter")
    cache.delete_many(["probe", "counter"])
    assert len(built) == 1


def test_incr_counts_in_one_round_trip_and_refuses_a_missing_key(monkeypatch):
    cache = ResilientRedisCache(LOCATION, {"KEY_PREFIX": "wwc-tests-one-trip"})
    cache.delete_many(["counter", "missing"])
    cache.add("counter", 0, 30)
    # The first loads the script into Redis if it has not seen it (SCRIPT LOAD, once a server).
    assert cache.incr("counter") == 1
    commands = _count_commands(monkeypatch)
    assert cache.incr("counter") == 2
    assert cache.incr("counter", 5) == 7
    assert len(commands) == 2, commands
    with pytest.raises(ValueError, match="not found"):
        cache.incr("missing")
    monkeypatch.undo()
    assert cache.get("missing") is None
    assert cache.get("counter") == 7
    cache.delete("counter")


def test_a_throttle_count_is_one_command_and_its_window_expires(monkeypatch):
    cache = ResilientRedisCache(LOCATION, {"KEY_PREFIX": "wwc-tests-count-up"})
    cache.delete("window")
    assert cache.count_up("window", ttl=30) == 1  # loads the script if Redis has not seen it
    commands = _count_commands(monkeypatch)
    assert [cache.count_up("window", ttl=30) for _ in range(3)] == [2, 3, 4]
    assert commands == ["EVALSHA"] * 3
    monkeypatch.undo()
    client = cache._cache.get_client(write=True)
    redis_key = cache.make_and_validate_key("window")
    # The time to live is the one the key was created with, not renewed by each count.
    assert 0 < client.ttl(redis_key) <= 30
    assert cache.get("window") == 4  # Django's own reads see the count
    cache.delete("window")


def test_a_throttle_counts_in_memory_while_redis_is_down(monkeypatch):
    cache = ResilientRedisCache("redis://127.0.0.1:1/0", {"KEY_PREFIX": "wwc-tests-down"})
    monkeypatch.setattr(resilient_cache, "_down_until", {})
    assert [cache.count_up("window", ttl=30) for _ in range(3)] == [1, 2, 3]
    assert cache._fallback.get("window") == 3
