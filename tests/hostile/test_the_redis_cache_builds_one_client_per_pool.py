"""The Redis cache keeps one ``redis.Redis`` per connection pool: Django's own client builds a new
one, with its table of response callbacks, for every operation, which cost a comment submission
about a tenth of its CPU in its throttle's two operations."""

import redis

from standard_versions.http.resilient_cache import ResilientRedisCache, ReusedClients

LOCATION = "redis://127.0.0.1:6379/15"


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
