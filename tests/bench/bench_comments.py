"""Comment benchmarks (PostgreSQL, gunicorn, Redis):

1. Sustained submission: ``comment_load`` for ``--comment-duration`` seconds (default 60) with 50
   clients; comments/s, p50/p99 latency, and the zero-lost/zero-duplicated check.
2. Export of ``--export-rows`` comments (default 1,000,000, bulk-inserted here only): peak memory
   (max RSS) of the process streaming the staff CSV and JSON Lines exports.

    .venv/bin/python -m tests.bench.run comments
    .venv/bin/python -m tests.bench.bench_comments --comment-duration 15 --export-rows 100000
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

from tests.bench import bench_servers, comment_load

EXPORT_DB = "h_comments_export"

STAFF_CODE = """
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
user = User.objects.create_superuser("bench-staff", password=None)
print(Token.objects.create(user=user).key)
"""

# A realistic comment: 400 characters of body, a name, an organization, an email.
INSERT_SQL = """
INSERT INTO standard_versions_comment (
    period_id, tracking_id, submitted_at, criterion_key, criterion_code, criterion_revision,
    criterion_title, criterion_description, body, proposed_text, type, language, name,
    organization, identity_public, email, content_sha256, normalized_hash, idempotency_key,
    request_sha256, moderation_state, moderation_reason, disposition, response, responded_at)
SELECT %(period)s, 'bench' || lpad(i::text, 21, '0'),
    now() - make_interval(secs => i), 'k' || (i %% 40), 'A' || (i %% 4) || '.' || (i %% 40), 1,
    'Criterion ' || (i %% 40), 'Text of criterion', repeat('Comment body ' || i || '. ', 20),
    '', 'technical', 'en', 'Commenter ' || i, 'City of Somewhere', i %% 2 = 0,
    'person' || i || '@example.org', md5(i::text) || md5(i::text), md5((i %% 1000)::text),
    md5(i::text), '', CASE WHEN i %% 3 = 0 THEN 'published' ELSE 'received' END, '', '', '', NULL
FROM generate_series(1, %(rows)s) AS i
"""


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--comment-duration", type=float, default=60.0)
    parser.add_argument("--comment-clients", type=int, default=50)
    parser.add_argument("--export-rows", type=int, default=1_000_000)
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/5")
    args, _unknown = parser.parse_known_args(argv)
    return args


def bench_load(args) -> None:
    summary = comment_load.run(
        [
            f"--duration={args.comment_duration}",
            f"--clients={args.comment_clients}",
            f"--redis-url={args.redis_url}",
        ]
    )
    comment_load.report(summary)


def _prepare_export(rows: int, redis_url: str) -> tuple[int, str]:
    import psycopg

    period_id = bench_servers.prepare(EXPORT_DB, redis_url)
    env = bench_servers.server_env(EXPORT_DB, redis_url)
    token = bench_servers.manage(env, "shell", "-c", STAFF_CODE).strip().splitlines()[-1]
    started = time.perf_counter()
    with psycopg.connect(bench_servers.database_url(EXPORT_DB), autocommit=True) as connection:
        connection.execute(INSERT_SQL, {"period": period_id, "rows": rows})
        connection.execute("ANALYZE standard_versions_comment")
    print(f"   inserted {rows:,} comments in {time.perf_counter() - started:.0f} s", flush=True)
    return period_id, token


def bench_export(args) -> None:
    period_id, token = _prepare_export(args.export_rows, args.redis_url)
    env = bench_servers.server_env(EXPORT_DB, args.redis_url)
    try:
        for fmt in ("csv", "jsonl"):
            output = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "tests.bench.bench_comments",
                    "--export-child",
                    str(period_id),
                    fmt,
                    token,
                ],
                cwd=bench_servers.ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            figures = json.loads(output.strip().splitlines()[-1])
            verdict = "OK" if figures["peak_rss_mb"] < 150 else "OVER the 150 MB target"
            print(
                f"   export {fmt}: {figures['rows']:,} rows, {figures['bytes'] / 1e6:.0f} MB in "
                f"{figures['seconds']:.1f} s ({figures['rows'] / figures['seconds']:,.0f} rows/s); "
                f"peak RSS {figures['peak_rss_mb']:.0f} MB (after start-up "
                f"{figures['baseline_rss_mb']:.0f} MB) - {verdict}",
                flush=True,
            )
    finally:
        bench_servers.drop_database(EXPORT_DB)


def peak_rss_mb() -> float:
    """This process's peak resident set. Linux's VmHWM belongs to the current program image;
    ``ru_maxrss`` is kept across exec, so it would report the parent's peak when that is higher
    (as when every benchmark runs in one ``make bench`` process)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def export_child(period_id: str, fmt: str, token: str) -> None:
    """Stream one export through the real view and middleware; report this process's peak RSS."""
    import django

    django.setup()
    from django.test import Client

    baseline = peak_rss_mb()
    client = Client(HTTP_AUTHORIZATION=f"Token {token}")
    started = time.perf_counter()
    response = client.get(f"/api/v1/comment-periods/{period_id}/export/?format={fmt}")
    assert response.status_code == 200, response.status_code
    total = lines = 0
    for chunk in response.streaming_content:
        total += len(chunk)
        lines += chunk.count(b"\n")
    seconds = time.perf_counter() - started
    # CSV bodies contain no newlines here; both end with the end_of_export trailer line.
    rows = lines - 2 if fmt == "csv" else lines - 1
    print(
        json.dumps(
            {
                "rows": rows,
                "bytes": total,
                "seconds": seconds,
                "baseline_rss_mb": baseline,
                "peak_rss_mb": peak_rss_mb(),
            }
        )
    )


def main(argv: list[str]) -> None:
    if "--export-child" in argv:
        index = argv.index("--export-child")
        export_child(*argv[index + 1 : index + 4])
        return
    args = parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
    if not args.skip_load:
        bench_load(args)
    if not args.skip_export:
        bench_export(args)


if __name__ == "__main__":
    main(sys.argv[1:])
