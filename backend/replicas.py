"""Anonymous reads answered from PostgreSQL streaming replicas (docs/operations.md, "Read
replicas").

``ReplicaMiddleware`` marks a request a *public read* (``is_public_read``) and picks one replica
for the whole of it, so every query of one answer sees the same copy. ``ReplicaRouter`` sends that
request's reads there until it writes: from its first write on, it reads the primary (read your
own writes), and so does every read inside a transaction of the primary (a service reads what it
locks). Everything else—staff, writes, management commands, Celery tasks—has no mark and uses the
primary. A replica this process could not connect to is left alone for
``DATABASE_REPLICA_RETRY_SECONDS`` and its requests read the primary instead.
"""

import contextvars
import itertools
import logging
import time

import dj_database_url
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

logger = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Reads that stay on the primary even without credentials. The staff-only API (webhooks, export
# jobs, a period's moderation queue, campaigns and export) refuses anonymous clients anyway: listed
# so that a staff read is never answered from a lagging copy. The rest are read right after the
# reader's own write, in the next request (the receipt a comment form redirects to, a
# subscription's "sent" page and its confirmation link), where a lagging copy could say "no such
# comment".
PRIMARY_PREFIXES = (
    "/admin/",
    "/api/v1/webhooks/",
    "/api/v1/exports/",
    "/api/v1/comments/",
    "/comments/",
    "/subscribe/",
    "/subscriptions/",
    "/unsubscribe/",
)
PRIMARY_SUFFIXES = ("/moderation/", "/campaigns/", "/export/", "/exports/")


POSTGRESQL = "django.db.backends.postgresql"


def replica_databases(urls: list[str], *, primary: dict) -> dict[str, dict]:
    """``DATABASES`` entries of the replicas (``DATABASE_REPLICA_URLS``), for the settings: parsed
    like the primary, mirrored by the primary in tests (which need no replica). A replica of
    anything but a PostgreSQL primary, or not a PostgreSQL URL, stops the service."""
    databases = {}
    for number, url in enumerate(urls, start=1):
        if primary["ENGINE"] != POSTGRESQL:
            raise ImproperlyConfigured(
                "DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL: replicas are PostgreSQL "
                "streaming replicas of the primary."
            )
        # The URL is not repeated in a message: it may hold a password.
        try:
            replica = dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True)
        except ValueError:
            raise ImproperlyConfigured(
                f"DATABASE_REPLICA_URLS: entry {number} is not a database URL."
            ) from None
        if replica["ENGINE"] != POSTGRESQL:
            raise ImproperlyConfigured(
                f"DATABASE_REPLICA_URLS: entry {number} is not a PostgreSQL URL "
                "(postgres://user:pass@host:5432/db)."
            )
        replica["CONN_MAX_AGE"] = primary["CONN_MAX_AGE"]
        # A replica that does not answer costs one request this long, then is left alone.
        replica.setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
        replica["TEST"] = {"MIRROR": DEFAULT_DB_ALIAS}
        databases[f"replica_{number - 1}"] = replica
    return databases


class _Route:
    """Where the current request reads: a replica's alias, or None for the primary. Mutable, so
    that the router can change it from anywhere inside the request."""

    __slots__ = ("checked", "replica")

    def __init__(self, replica: str | None):
        self.replica = replica
        self.checked = False


# No route (commands, tasks, any request not marked) reads the primary.
_route: contextvars.ContextVar[_Route | None] = contextvars.ContextVar("route", default=None)
# When this process last failed to connect to each replica (time.monotonic()).
_down_since: dict[str, float] = {}
_turns = itertools.count()


def is_public_read(request) -> bool:
    """A read anyone could make: a safe method, no credentials (no Authorization header, no
    session cookie: staff always carry one), outside the admin and the staff-only API."""
    if request.method not in SAFE_METHODS or "HTTP_AUTHORIZATION" in request.META:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    path = request.path_info
    return not path.startswith(PRIMARY_PREFIXES) and not path.endswith(PRIMARY_SUFFIXES)


def is_down(alias: str, *, now: float) -> bool:
    since = _down_since.get(alias)
    return since is not None and now - since < settings.DATABASE_REPLICA_RETRY_SECONDS


def mark_down(alias: str, *, now: float) -> None:
    _down_since[alias] = now


def mark_up(alias: str) -> None:
    _down_since.pop(alias, None)


def choose_replica(*, now: float) -> str | None:
    """The next replica in turn that is not left alone; None when every one is."""
    replicas = settings.DATABASE_REPLICAS
    start = next(_turns)
    for offset in range(len(replicas)):
        alias = replicas[(start + offset) % len(replicas)]
        if not is_down(alias, now=now):
            return alias
    return None


def _connects(alias: str) -> bool:
    """Whether the replica answers now: its health check (a SELECT 1 on a kept connection, once
    per request as Django does anyway) or a new connection. A failure leaves it alone."""
    connection = connections[alias]
    try:
        connection.close_if_health_check_failed()
        connection.ensure_connection()
    except DatabaseError as error:
        mark_down(alias, now=time.monotonic())
        logger.warning(
            "Read replica %s does not answer (%s); reading the primary for %s s",
            alias,
            error,
            settings.DATABASE_REPLICA_RETRY_SECONDS,
        )
        return False
    return True


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        route = _route.get()
        if route is None or route.replica is None:
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        if not route.checked:
            # Here rather than in the middleware: a request answered without a query (a
            # revalidation from the memo) never touches the replica.
            route.checked = True
            if not _connects(route.replica):
                route.replica = None
                return DEFAULT_DB_ALIAS
        return route.replica

    def db_for_write(self, model, **hints):
        route = _route.get()
        if route is not None:
            route.replica = None  # the rest of the request reads what it wrote
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Every alias holds the same rows.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class ReplicaMiddleware:
    """Marks public reads for ``ReplicaRouter``; not installed when no replica is configured.
    Right after ``LoadSheddingMiddleware``, so every query of the request is covered."""

    def __init__(self, get_response):
        if not settings.DATABASE_REPLICAS:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        if not is_public_read(request):
            return self.get_response(request)
        token = _route.set(_Route(choose_replica(now=time.monotonic())))
        try:
            return self.get_response(request)
        finally:
            _route.reset(token)
