"""The disposition report at scale (issue 16, item 8): the report's page and JSON with 3,000 and
then 300,000 published comments on one version, on PostgreSQL.

A scratch database (``bench_report``, dropped at the end) gets the ``load 1.0`` draft (40
criteria in 4 practice areas) with an open period, then comments inserted by SQL, all published,
a third of them answered. A child process times requests in-process with Django's test client
(the server's work, no HTTP): the first page and a middle section (``?criterion=``), uncached
(cache cleared before each), with only the report's contents cached (as after another page of
the same report), and cached, a 304, and the full CSV download; then again at 300,000
with the index the report's reads would want (``period, moderation_state, criterion_key,
submitted_at, id`` including ``disposition``), created in the scratch database only.
"""

import json
import statistics
import subprocess
import sys
import time

from tests.bench import bench_servers

DB = "bench_report"
SIZES = (3_000, 300_000)
MIDDLE = "A2.22"  # k22: a criterion in the third practice area
INDEX_SQL = (
    "CREATE INDEX bench_report_section_idx ON standard_versions_comment "
    "(period_id, moderation_state, criterion_key, submitted_at, id) INCLUDE (disposition)"
)
INSERT_SQL = """
INSERT INTO standard_versions_comment (
    period_id, tracking_id, submitted_at, criterion_key, criterion_code, criterion_revision,
    criterion_title, criterion_description, body, proposed_text, type, language, name,
    organization, identity_public, email, content_sha256, normalized_hash, idempotency_key,
    request_sha256, moderation_state, moderation_reason, disposition, response, responded_at)
SELECT %(period)s, 'report' || lpad(i::text, 20, '0'),
    now() - make_interval(secs => i), 'k' || (i %% 40), 'A' || (i %% 4) || '.' || (i %% 40), 1,
    'Criterion ' || (i %% 40), 'Text of criterion', repeat('Comment body ' || i || '. ', 20),
    '', 'technical', 'en', 'Commenter ' || i, 'City of Somewhere', i %% 2 = 0, '',
    md5(i::text) || md5(i::text), md5(i::text), '', '', 'published', '',
    CASE WHEN i %% 3 = 0 THEN 'noted' ELSE '' END,
    CASE WHEN i %% 3 = 0 THEN 'Thank you.' ELSE '' END, NULL
FROM generate_series(%(first)s::int, %(last)s::int) AS i
"""
API = "/api/v1/standards/load/versions/1.0/disposition-report/"
PAGE = "/standards/load/versions/1.0/disposition-report/"
RUNS = 7


def main(argv: list[str]) -> None:
    import psycopg

    period_id = bench_servers.prepare(DB, "")
    env = bench_servers.server_env(DB, "", REDIS_URL="")
    results = {}
    inserted = 0
    try:
        for size in SIZES:
            with psycopg.connect(bench_servers.database_url(DB), autocommit=True) as connection:
                started = time.perf_counter()
                connection.execute(
                    INSERT_SQL, {"period": period_id, "first": inserted + 1, "last": size}
                )
                connection.execute("ANALYZE standard_versions_comment")
                inserted = size
            print(f"   {size:,} published comments ({time.perf_counter() - started:.0f} s)")
            results[size] = _child(env)
            _print(size, results[size])
        with psycopg.connect(bench_servers.database_url(DB), autocommit=True) as connection:
            connection.execute(INDEX_SQL)
            connection.execute("ANALYZE standard_versions_comment")
        indexed = _child(env)
        print("   300,000 with the section index:")
        _print(SIZES[-1], indexed)
        small, large = results[SIZES[0]], results[SIZES[-1]]
        print("   ratio 300,000 / 3,000 (median ms):")
        for name in small:
            print(
                f"     {name:<28} x{large[name] / small[name]:.2f}"
                f"   (with the index x{indexed[name] / small[name]:.2f})"
            )
    finally:
        bench_servers.drop_database(DB)


def _child(env) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_report", "--child"],
        cwd=bench_servers.ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _print(size: int, figures: dict[str, float]) -> None:
    for name, ms in figures.items():
        print(f"     {name:<28} {ms:9.2f} ms")


def _time(make_request, *, before=None, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        started = time.perf_counter()
        make_request()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def child() -> None:
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    client = Client()

    def get(url, **headers):
        def request():
            response = client.get(url, **headers)
            assert response.status_code in (200, 304), (url, response.status_code)
            if response.streaming:
                b"".join(response.streaming_content)
            return response

        return request

    figures = {}
    for url in (API, PAGE):
        _time(get(url), before=cache.clear, runs=2)  # imports, templates
    for label, base in (("JSON", API), ("page", PAGE)):
        middle = f"{base}?criterion={MIDDLE}"
        for where, url in (("first page", base), ("middle section", middle)):
            figures[f"{label} {where}, uncached"] = _time(get(url), before=cache.clear)
            get(url)()
            figures[f"{label} {where}, cached"] = _time(get(url))

        def contents_only(first=base):
            # The contents kept (by another page of the same report), this page's body not.
            cache.clear()
            get(first)()

        figures[f"{label} middle, contents cached"] = _time(get(middle), before=contents_only)
        etag = get(base)()["ETag"]
        figures[f"{label} 304"] = _time(get(base, HTTP_IF_NONE_MATCH=etag))
    figures["CSV, every row"] = _time(get(f"{API}?format=csv"), runs=1)
    print(json.dumps(figures))


if __name__ == "__main__":
    if "--child" in sys.argv:
        child()
    else:
        main(sys.argv[1:])
