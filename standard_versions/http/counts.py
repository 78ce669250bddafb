"""How many rows a list has, at a bounded cost: the count a page shows, without a COUNT(*) over
a million rows on every page."""

import json

from django.db import connections
from django.db.models import QuerySet

# Up to this many rows a count is exact (an index range read of at most this many entries).
EXACT_UP_TO = 10_000


def bounded_count(queryset: QuerySet, *, exact_up_to: int = EXACT_UP_TO) -> tuple[int, bool]:
    """``(count, is_estimate)``: exact when the list has at most ``exact_up_to`` rows; above
    that, PostgreSQL's planner estimate for the query (statistics kept by ANALYZE and autovacuum,
    typically within a few percent), and on SQLite, whose lists stay small, the exact count."""
    queryset = queryset.order_by()
    capped = queryset[: exact_up_to + 1].count()
    if capped <= exact_up_to:
        return capped, False
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return queryset.count(), False
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    # The estimate can fall below the exact floor just counted when the statistics are old.
    return max(int(plan[0]["Plan"]["Plan Rows"]), exact_up_to + 1), True
