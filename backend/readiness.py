"""The readiness probe's checks (``/readyz``): each says whether its dependency answers now and
how long it took, and never raises."""

import time

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection, connections

from backend import replicas as replica_routing


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        ok, detail = check()
    except Exception as error:  # a probe reports, it never fails the request
        ok, detail = False, f"{type(error).__name__}: {error}"
    result = {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1)}
    if detail:
        result["detail"] = detail
    return result


def database() -> dict:
    def check():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except DatabaseError as error:
            # The next request must reconnect rather than reuse a broken connection.
            connection.close_if_unusable_or_obsolete()
            return False, f"{type(error).__name__}: {error}"
        return True, ""

    return _timed(check)


def cache() -> dict:
    def check():
        reachable = getattr(caches["default"], "is_reachable", None)
        if reachable is None:
            return True, "in-process memory cache"
        return (True, "") if reachable() else (False, "Redis does not answer")

    return _timed(check)


# How far the replica's replay is behind: 0 when it has replayed all it received (an idle primary
# sends nothing, and the age of the last replayed transaction would read as lag), else the age of
# the last transaction it replayed. NULL when it is not a standby.
_LAG_SQL = (
    "SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
    "ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END"
)


def replicas() -> dict:
    """Each read replica (``DATABASE_REPLICA_URLS``): ok, ms and ``lag_seconds``. One that does
    not answer is left alone by this process's router too (backend/replicas.py); one that answers
    is used again at once."""
    return {alias: _replica(alias) for alias in settings.DATABASE_REPLICAS}


def _replica(alias: str) -> dict:
    lag = {}

    def check():
        replica = connections[alias]
        try:
            with replica.cursor() as cursor:
                cursor.execute(_LAG_SQL)
                (seconds,) = cursor.fetchone()
        except DatabaseError as error:
            replica.close_if_unusable_or_obsolete()
            replica_routing.mark_down(alias, now=time.monotonic())
            return False, f"{type(error).__name__}: {error}"
        replica_routing.mark_up(alias)
        lag["lag_seconds"] = None if seconds is None else round(float(seconds), 3)
        return True, ""

    return {**_timed(check), **lag}
