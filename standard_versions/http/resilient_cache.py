"""Redis as an accelerator, not a dependency: the cache backend of ``REDIS_URL``.

Every operation goes to Redis; when Redis does not answer (refused, reset, or slower than its
socket timeout), the operation goes to this process's memory instead, a warning is logged, and
Redis is left alone for ``RETRY_SECONDS`` before it is tried again. So with Redis down, pages and
the API are served uncached (or from this process's memory), the throttles count per process (a
local fallback limiter: each worker enforces the limit on its own), and no request fails for it.

The fallback is Django's local-memory cache, shared by the threads of a process.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)

# When each Redis location may be tried again (time.monotonic()), shared by the process's threads.
_down_until: dict[str, float] = {}
_lock = threading.Lock()


def _proxied(name: str):
    def method(self, *args, **kwargs):
        return self._call(name, *args, **kwargs)

    method.__name__ = name
    method.__doc__ = f"``{name}`` on Redis, or on this process's memory while Redis is down."
    return method


class ReusedClients(RedisCacheClient):
    """Django's Redis client, keeping one ``redis.Redis`` per connection pool: Django builds a new
    one (with its table of response callbacks) for every operation, which cost a submission
    about a tenth of its CPU in its two throttle operations. A ``redis.Redis`` holds no
    connection of its own (it borrows one from the pool per command), so threads share it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(index))
            self._clients[index] = client
        return client

    def incr(self, key, delta):
        """Django's ``incr`` (``ValueError`` for a missing key) in one round trip instead of two:
        EXISTS and INCRBY in one script, so a throttle's count costs one command after its ADD."""
        client = self.get_client(key, write=True)
        script = self._incr_script
        if script is None or script.registered_client is not client:
            script = self._incr_script = client.register_script(_INCR_EXISTING)
        value = script(keys=[key], args=[delta])
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value

    def count_up(self, key, ttl: int) -> int:
        """Add one to the counter ``key``, created at 1 with ``ttl`` seconds to live when it is
        missing: one round trip (a script of INCR, and EXPIRE when it made the key)."""
        client = self.get_client(key, write=True)
        script = self._count_up_script
        if script is None or script.registered_client is not client:
            script = self._count_up_script = client.register_script(_COUNT_UP)
        return script(keys=[key], args=[ttl])

    _incr_script = None
    _count_up_script = None


# INCRBY only if the key exists (nil otherwise): Django's incr semantics, atomically.
_INCR_EXISTING = (
    "if redis.call('EXISTS', KEYS[1]) == 1 then "
    "return redis.call('INCRBY', KEYS[1], ARGV[1]) end return nil"
)

# INCR, and a time to live for the key it has just created (at 1): a throttle's window in one
# command. A key INCR finds is left with the time to live it was created with.
_COUNT_UP = (
    "local value = redis.call('INCR', KEYS[1]) "
    "if value == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return value"
)


def count_up(cache, key: str, *, ttl: int) -> int:
    """Add one to the counter ``key`` of ``cache`` (created with ``ttl`` seconds to live when it
    is missing) and return its value: one Redis command on ``ResilientRedisCache``; on any other
    cache, its public ``add`` (a no-op when the key exists) and ``incr`` (atomic in Redis and in
    the local-memory cache)."""
    if isinstance(cache, ResilientRedisCache):
        return cache.count_up(key, ttl=ttl)
    cache.add(key, 0, ttl)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, ttl)
        return 1


class ResilientRedisCache(RedisCache):
    """``RedisCache`` that degrades to a per-process memory cache while Redis is unavailable."""

    def __init__(self, server, params):
        super().__init__(server, params)
        # Set on the instance: ``RedisCache.__init__`` sets ``self._class`` itself, so a class
        # attribute here would be shadowed (and was, until a profile of a submission showed it).
        self._class = ReusedClients
        self._location = str(server)
        self._fallback = LocMemCache(
            f"resilient-fallback:{self._location}",
            {"TIMEOUT": params.get("TIMEOUT", 300), "OPTIONS": {"MAX_ENTRIES": 20_000}},
        )

    def _call(self, name: str, *args, **kwargs):
        return self._on_redis_else_memory(
            lambda: getattr(super(ResilientRedisCache, self), name)(*args, **kwargs),
            lambda: getattr(self._fallback, name)(*args, **kwargs),
        )

    def count_up(self, key, *, ttl: int, version=None) -> int:
        """``count_up`` (the module's) in one Redis command, else in this process's memory."""
        redis_key = self.make_and_validate_key(key, version=version)
        return self._on_redis_else_memory(
            lambda: self._cache.count_up(redis_key, ttl),
            lambda: count_up(self._fallback, key, ttl=ttl),
        )

    def _on_redis_else_memory(self, on_redis, in_memory):
        if time.monotonic() < _down_until.get(self._location, 0.0):
            return in_memory()
        try:
            return on_redis()
        except UNAVAILABLE as error:
            with _lock:
                first = time.monotonic() >= _down_until.get(self._location, 0.0)
                _down_until[self._location] = time.monotonic() + RETRY_SECONDS
            if first:
                log.warning(
                    "Redis cache unavailable (%s: %s): serving from this process's memory, "
                    "trying Redis again in %.0f s",
                    type(error).__name__,
                    error,
                    RETRY_SECONDS,
                )
            return in_memory()

    def is_reachable(self) -> bool:
        """A PING to Redis now (for the readiness probe), whatever the recent failures."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except UNAVAILABLE:
            return False

    add = _proxied("add")
    get = _proxied("get")
    set = _proxied("set")
    touch = _proxied("touch")
    delete = _proxied("delete")
    get_many = _proxied("get_many")
    has_key = _proxied("has_key")
    incr = _proxied("incr")
    set_many = _proxied("set_many")
    delete_many = _proxied("delete_many")
    clear = _proxied("clear")
