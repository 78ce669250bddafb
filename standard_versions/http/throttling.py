"""Per-client throttling of anonymous comment submissions.

Counts live in the Django cache, which is Redis when ``REDIS_URL`` is set, so every gunicorn worker
and host shares them. DRF's ``SimpleRateThrottle`` keeps a list of timestamps with a read-modify-
write that loses counts under concurrency; this one counts fixed windows with an atomic count
(Redis INCR), so concurrent requests of one client never slip past the limit.
"""

import math

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from standard_versions.http.resilient_cache import count_up


class CommentSubmissionThrottle(SimpleRateThrottle):
    scope = "comments"

    def get_rate(self) -> str:
        # Read at request time, so a changed setting (and tests' override_settings) applies.
        return settings.COMMENT_THROTTLE_RATE

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def get_ident(self, request) -> str:
        # DRF trusts X-Forwarded-For when NUM_PROXIES is unset, so any client could pick a new
        # identity per request; trust it only when the deployment says how many proxies add it.
        if api_settings.NUM_PROXIES is None:
            return request.META.get("REMOTE_ADDR") or "unknown"
        return super().get_ident(request)

    def allow_request(self, request, view) -> bool:
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        now = self.timer()
        window = int(now // self.duration)
        self.window_ends_at = (window + 1) * self.duration
        count = _count(f"{key}_{window}", ttl=int(self.duration) + 1)
        self.now = now
        return count <= self.num_requests

    def wait(self) -> float:
        return max(1, math.ceil(self.window_ends_at - self.now))


def _count(key: str, *, ttl: int) -> int:
    """Add one to the counter ``key`` (created with ``ttl`` seconds to live); return its value.
    One Redis command per request with Redis (``count_up``)."""
    return count_up(caches[DEFAULT_CACHE_ALIAS], key, ttl=ttl)


class SubscriptionRequestThrottle(CommentSubmissionThrottle):
    """Asking for subscriptions (API and page): each request may send a confirmation mail."""

    scope = "subscriptions"

    def get_rate(self) -> str:
        return settings.SUBSCRIPTION_THROTTLE_RATE
