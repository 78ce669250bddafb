"""Authoring benchmark: drafting a version of 43 and of 5,000 criteria (targets: 5,000 under 5 s),
and an ``as_of`` read of a criterion with 1,000 history records (target: under 50 ms).

Runs on a throw-away test database of the configured DATABASE_URL (SQLite in memory by default).
"""

import os
import statistics
import time
from datetime import UTC, datetime, timedelta


def _setup():
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-for-production")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.db import connection

    return connection, connection.creation.create_test_db(verbosity=0, autoclobber=True)


def _timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main(argv: list[str]) -> None:
    connection, old_name = _setup()
    try:
        _run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def _run() -> None:
    from django.test import Client

    from standard_versions.models import Criterion, Version
    from standard_versions.standards.criteria import update_criterion
    from standard_versions.standards.drafts import create_draft
    from standard_versions.standards.selectors_history import criterion_as_of
    from tests.factories import build_version

    start = datetime(2030, 1, 1, tzinfo=UTC)
    print(f"   database: {Version.objects.db}, {os.environ.get('DATABASE_URL', 'sqlite')[:10]}")
    for size, areas, runs in ((43, 6, 5), (5000, 10, 3)):
        source = build_version(standard_slug=f"s{size}", label="1.0", criteria=size, areas=areas)
        times = []
        for run in range(runs):
            times.append(
                _timed(
                    lambda run=run, source=source: create_draft(
                        based_on=source,
                        label=f"2.{run}",
                        title="Draft",
                        user=None,
                        reason="benchmark",
                        now=start,
                    )
                )
            )
        copied = Criterion.objects.filter(version__label="2.0", version__standard=source.standard)
        assert copied.count() == size
        print(
            f"   create_draft from {size:>5} criteria: median {statistics.median(times):.3f} s, "
            f"max {max(times):.3f} s ({runs} runs)"
        )

    draft = Version.objects.get(standard__slug="s43", label="2.0")
    edit_started = time.perf_counter()
    for n in range(999):
        update_criterion(
            version=draft,
            code="A0.0",
            title=f"Title {n}",
            user=None,
            reason="benchmark",
            now=start + timedelta(minutes=n + 1),
        )
    criterion = Criterion.objects.get(version=draft, code="A0.0")
    records = criterion.history.count()
    print(f"   {records} history records written in {time.perf_counter() - edit_started:.1f} s")
    as_of = start + timedelta(minutes=500, seconds=30)

    selector_times = [
        _timed(lambda: criterion_as_of(version=draft, code="A0.0", as_of=as_of)) for _ in range(50)
    ]
    assert criterion_as_of(version=draft, code="A0.0", as_of=as_of).title == "Title 499"
    client = Client()
    path = f"/api/v1/standards/s43/versions/2.0/criteria/A0.0/?as_of={as_of.isoformat()}"
    path = path.replace("+", "%2B")
    assert client.get(path).status_code == 200
    api_times = [_timed(lambda: client.get(path)) for _ in range(50)]
    print(
        f"   as_of read of a criterion with {records} history records: selector median "
        f"{statistics.median(selector_times) * 1000:.1f} ms, API median "
        f"{statistics.median(api_times) * 1000:.1f} ms, API p95 "
        f"{sorted(api_times)[int(len(api_times) * 0.95) - 1] * 1000:.1f} ms (50 runs)"
    )
