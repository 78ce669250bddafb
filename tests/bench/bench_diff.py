"""Version diff benchmark.

1. The pure module: two synthetic versions of 5,000 criteria, the newer rewording 10 %,
   renumbering 2 %, adding 1 % and removing 1 %. Time of ``diff_versions`` and of its JSON, and
   peak memory (tracemalloc, measured in a separate run because tracing slows Python down).
   Targets: under 1 s, under 200 MB.
2. ``GET /api/v1/standards/wwc/diff/?from=2.0&to=3.0`` through the Django test client on a
   temporary SQLite database holding the shipped data: mean and p95 latency with the body cache
   cleared before every request (the diff is computed each time), and warm. Target: under 50 ms.
"""

import json
import os
import statistics
import time
import tracemalloc

CRITERIA = 5000
RUNS = 5
REQUESTS = 200


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def bench_pure() -> None:
    from standard_versions.diff.engine import diff_versions
    from tests.diff.synthetic import synthetic_pair
    from tests.diff_apply import apply_diff

    old, new = synthetic_pair(criteria=CRITERIA, seed=1)
    diff_times, json_times = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        diff = diff_versions(old, new)
        diff_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        body = json.dumps(diff.to_dict(), ensure_ascii=False)
        json_times.append(time.perf_counter() - started)
    summary = diff.summary()

    tracemalloc.start()
    diff = diff_versions(old, new)
    body = json.dumps(diff.to_dict(), ensure_ascii=False)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert apply_diff(old, diff) == new
    del old, new, diff
    tracemalloc.start()
    old, new = synthetic_pair(criteria=CRITERIA, seed=1)
    body = json.dumps(diff_versions(old, new).to_dict(), ensure_ascii=False)
    _, peak_with_inputs = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(
        f"   pure: {CRITERIA} criteria each; added {summary['added']}, removed "
        f"{summary['removed']}, renumbered {summary['renumbered']}, reworded "
        f"{summary['reworded']}"
    )
    print(
        f"   diff_versions: median {statistics.median(diff_times) * 1000:.0f} ms, "
        f"best {min(diff_times) * 1000:.0f} ms (target < 1000 ms)"
    )
    print(
        f"   to_dict + JSON ({len(body) / 1e6:.1f} MB): median "
        f"{statistics.median(json_times) * 1000:.0f} ms"
    )
    print(
        f"   peak memory: diff + JSON {peak / 1e6:.1f} MB; with building both snapshots "
        f"{peak_with_inputs / 1e6:.1f} MB (target < 200 MB)"
    )


def _setup_django() -> None:
    import django
    from django.apps import apps

    if not apps.ready:
        os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key")
        os.environ.setdefault("ALLOWED_HOSTS", "testserver")
        os.environ["DATABASE_URL"] = "sqlite:///bench-diff.sqlite3"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
        django.setup()


def _timed_requests(client, query: dict, *, clear_cache: bool) -> list[float]:
    from django.core.cache import cache

    samples = []
    for _ in range(REQUESTS):
        if clear_cache:
            cache.clear()
        started = time.perf_counter()
        response = client.get("/api/v1/standards/wwc/diff/", query)
        samples.append(time.perf_counter() - started)
        assert response.status_code == 200, response.content[:200]
    return samples


def bench_api() -> None:
    _setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_standard", verbosity=0, stdout=open(os.devnull, "w"))
        client = Client()
        query = {"from": "2.0", "to": "3.0"}
        client.get("/api/v1/standards/wwc/diff/", query)  # imports, first queries
        print(f"   API on {connection.vendor} (temporary test database), {REQUESTS} requests each")
        for name, variant, clear in [
            ("json, computed", {}, True),
            ("json, cached body", {}, False),
            ("html, computed", {"format": "html"}, True),
            ("markdown, computed", {"format": "markdown"}, True),
        ]:
            samples = _timed_requests(client, {**query, **variant}, clear_cache=clear)
            print(
                f"   2.0 -> 3.0 {name}: mean {statistics.mean(samples) * 1000:.1f} ms, "
                f"p95 {_p95(samples) * 1000:.1f} ms (target < 50 ms)"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def main(argv: list[str]) -> None:
    bench_pure()
    bench_api()


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
