"""The readiness probe's checks (``/readyz``): each says whether its dependency answers now and
how long it took, and never raises."""

import time

from django.core.cache import caches
from django.db import DatabaseError, connection


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
