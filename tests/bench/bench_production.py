"""`make bench`'s production pass (issue 16): one run in the documented production configuration
(docs/operations.md: Debian's nginx from ``deploy/nginx.conf`` in front of gunicorn, 4 workers x
2 threads, gthread; PostgreSQL; Redis), each figure as a share of the bare view (``/healthz``
through the same stack, measured before and after and averaged) and, for ingest, of what
pgbench inserts into the same comment table in the same run.

    .venv/bin/python -m tests.bench.run production
    .venv/bin/python -m tests.bench.bench_production --seconds 10 --ingest-seconds 30

Targets: ingest >= 25 % of the bare view with p99 < 300 ms at 50 clients; the version tree,
the version page, the home page and compare >= 50 %; the consultation page >= 30 %.
"""

import argparse
import re
import subprocess
import tempfile
from pathlib import Path

from tests.bench import bench_servers, comment_load
from tests.bench.bench_reads_production import TARGETS
from tests.bench.bench_slow_clients import nginx
from tests.bench.notify_sinks import free_port

READS_DB, INGEST_DB = "h_production_reads", "h_production_ingest"
WORKERS, THREADS = bench_servers.DOCUMENTED_WORKERS, bench_servers.DOCUMENTED_THREADS
WORKER_CLASS = "gthread"

# One comment row as the service stores it (the generated search column computes itself).
PGBENCH_SCRIPT = """\\set n random(1, 1000000000)
INSERT INTO standard_versions_comment (period_id, tracking_id, submitted_at, criterion_key,
  criterion_code, criterion_revision, criterion_title, criterion_description, body,
  proposed_text, type, language, name, organization, identity_public, email, content_sha256,
  normalized_hash, idempotency_key, request_sha256, moderation_state, moderation_reason,
  disposition, response, responded_at)
VALUES (:period, gen_random_uuid()::text, now(), '', '', NULL, '', '',
  'Load comment ' || :n || ': the criterion should say how often the data inventory is reviewed.',
  '', 'technical', 'en', '', '', false, '', md5(:n::text), md5(:n::text || 'n'),
  gen_random_uuid()::text, md5(:n::text || 'r'), 'received', '', '', '', NULL);
"""


def pgbench_inserts(database: str, period_id: int, seconds: int, clients: int = 8) -> float:
    """Comment rows per second that pgbench inserts into ``database`` (its own connections)."""
    script = Path(tempfile.mkstemp(suffix=".sql")[1])
    script.write_text(PGBENCH_SCRIPT)
    try:
        output = subprocess.run(
            [
                "pgbench", "-n", "-c", str(clients), "-j", "2", "-T", str(seconds),
                "-f", str(script), "-D", f"period={period_id}",
                bench_servers.database_url(database),
            ],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    finally:
        script.unlink()
    found = re.search(r"tps = ([\d.]+) \(without initial connection time\)", output)
    if not found:
        raise RuntimeError(output)
    return float(found.group(1))


def served(url: str, seconds: int) -> float:
    """Successful answers per second that wrk saw (16 connections): the proxy and the load
    shedding may refuse some under a loaded machine, and those are not counted as served."""
    output = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", url], capture_output=True, text=True, check=True
    ).stdout
    total = re.search(r"(\d+) requests in ([\d.]+)(m?s)", output)
    refused = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if not total:
        raise RuntimeError(output)
    elapsed = float(total.group(2)) * (0.001 if total.group(3) == "ms" else 1)
    good = int(total.group(1)) - (int(refused.group(1)) if refused else 0)
    return good / elapsed


def _reads(proxy: int, period: int, seconds: int) -> dict[str, float]:
    base = f"http://127.0.0.1:{proxy}"
    return {
        name: served(base + path.format(period=period), seconds)
        for name, (path, _t) in TARGETS.items()
    }


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=8, help="each read, and pgbench")
    parser.add_argument("--ingest-seconds", type=float, default=30.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/10")
    parser.add_argument("--workers", type=int, default=WORKERS)
    parser.add_argument("--threads", type=int, default=THREADS)
    parser.add_argument("--worker-class", default=WORKER_CLASS)
    args, _unknown = parser.parse_known_args(argv)
    figures: dict[str, float] = {}
    period = bench_servers.prepare(READS_DB, args.redis_url)
    env = bench_servers.server_env(READS_DB, args.redis_url)
    bench_servers.manage(env, "load_standard")
    try:
        gunicorn_port, proxy = free_port(), free_port()
        with (
            bench_servers.gunicorn(
                port=gunicorn_port,
                workers=args.workers,
                threads=args.threads,
                env=env,
                worker_class=args.worker_class,
                log_path="/tmp/bench_production_reads.log",
                behind_proxy=True,
            ),
            nginx(listen=proxy, upstream=gunicorn_port),
        ):
            bare_before = served(f"http://127.0.0.1:{proxy}/healthz", args.seconds)
            figures.update(_reads(proxy, period, args.seconds))
            bare_after = served(f"http://127.0.0.1:{proxy}/healthz", args.seconds)
    finally:
        bench_servers.drop_database(READS_DB)
    gunicorn_port, proxy = free_port(), free_port()
    with nginx(listen=proxy, upstream=gunicorn_port):
        ingest = comment_load.run(
            [
                f"--duration={args.ingest_seconds}",
                f"--clients={args.clients}",
                f"--workers={args.workers}",
                f"--threads={args.threads}",
                f"--worker-class={args.worker_class}",
                f"--redis-url={args.redis_url}",
                f"--port={gunicorn_port}",
                f"--target-port={proxy}",
                f"--database={INGEST_DB}",
                "--no-email",
                "--keep-db",
                "--server-log=/tmp/bench_production_ingest.log",
            ]
        )
    try:
        pgbench = pgbench_inserts(INGEST_DB, ingest["period_id"], args.seconds)
    finally:
        bench_servers.drop_database(INGEST_DB)
    bare = (bare_before + bare_after) / 2
    print(f"   gunicorn: {args.workers} {args.worker_class} workers x {args.threads} threads")
    print(
        f"   bare view (/healthz through nginx): {bare_before:.0f}/s before, "
        f"{bare_after:.0f}/s after"
    )
    print(f"   pgbench: {pgbench:.0f} comment rows/s inserted into the same table")
    print(f"   {'figure':<24} {'rate':>10} {'of bare view':>13} {'of pgbench':>11}  target")
    ok = ingest["ok"] and ingest["p99_ms"] < 300
    share = ingest["comments_per_s"] / bare
    verdict = "met" if share >= 0.25 and ok else "MISSED"
    print(
        f"   {'ingest (POST comment)':<24} {ingest['comments_per_s']:8.0f}/s {share:12.1%} "
        f"{ingest['comments_per_s'] / pgbench:10.1%}  >= 25 %, p99 {ingest['p99_ms']:.0f} ms "
        f"< 300 ms: {verdict}"
    )
    for name, (_path, target) in TARGETS.items():
        share = figures[name] / bare
        verdict = (
            ""
            if target is None
            else f">= {target:.0%}: " + ("met" if share >= target else "MISSED")
        )
        print(f"   {name:<24} {figures[name]:8.0f}/s {share:12.1%} {'':>11}  {verdict}")
    print(
        f"   ingest: stored {ingest['stored']} = acknowledged {ingest['acknowledged']}, "
        f"lost {ingest['lost']}, duplicated {ingest['duplicated']}; answers {ingest['answers']}"
    )


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
