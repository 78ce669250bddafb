"""Comment submission under load, optionally with database faults; then proof that no
acknowledged comment was lost or duplicated.

    .venv/bin/python -m tests.bench.comment_load --duration 60 --clients 50
    .venv/bin/python -m tests.bench.comment_load --duration 30 --fault
    .venv/bin/python -m tests.bench.comment_load --duration 60 --fault \\
        --fault-command "pg_ctlcluster --skip-systemctl-redirect 15 main restart"

It creates a PostgreSQL database (``--database``), migrates it, makes a draft with an open
comment period, starts gunicorn (``--workers`` x ``--threads``, gthread) with throttling raised,
and runs ``--clients`` concurrent clients for ``--duration`` seconds. Every client submits unique
bodies, each with its own Idempotency-Key, over a keep-alive connection; on a connection error, a
timeout or a 5xx it reconnects and retries the SAME body with the SAME key until it gets an answer.
With ``--fault``, ``--fault-command`` runs at ``--fault-at`` seconds (default: terminate every
backend of the benchmark database with pg_terminate_backend).

Afterwards it checks, from the database and over HTTP: stored comments == distinct 201 tracking
ids, every acknowledged tracking id is stored exactly once, every stored comment was acknowledged,
and every receipt resolves with GET /api/v1/comments/{id}/. Exit status 1 if any check fails.
"""

import argparse
import asyncio
import json
import os
import statistics
import sys
import time

from tests.bench import receipt_worker
from tests.bench.bench_servers import (
    PG_ADMIN_URL,
    database_url,
    drop_database,
    gunicorn,
    prepare,
    server_env,
)
from tests.bench.comment_clients import Results, check_receipts, client_loop


async def run_fault(command, db_name: str, at: float, log: list) -> None:
    """At ``at`` seconds: ``command``, a shell command, or an async callable given the log (a
    fault the benchmark makes itself), else pg_terminate_backend on every backend."""
    await asyncio.sleep(at)
    started = time.monotonic()
    log.append(f"fault started at {started:.3f}")
    if callable(command):
        await command(log)
    elif command:
        process = await asyncio.create_subprocess_shell(
            command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
        )
        output, _ = await process.communicate()
        log.append(f"fault: `{command}` exited {process.returncode}: {output.decode()[-300:]}")
    else:
        import psycopg

        def terminate() -> int:
            with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
                rows = connection.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()",
                    [db_name],
                ).fetchall()
            return len(rows)

        killed = await asyncio.to_thread(terminate)
        log.append(f"fault: terminated {killed} backends of {db_name}")
    log.append(f"fault took {time.monotonic() - started:.1f} s, at t={at:.0f} s")


async def watch_loop_lag(results: Results, stop_at: float) -> None:
    while time.monotonic() < stop_at:
        asked = time.monotonic()
        await asyncio.sleep(0.02)
        results.loop_lag_max = max(results.loop_lag_max, time.monotonic() - asked - 0.02)


async def load(args, period_id: int, fault=None) -> tuple[Results, float, list]:
    results = Results()
    started = time.monotonic()
    results.started = started
    stop_at = started + args.duration
    give_up_at = stop_at + args.grace
    fault_log: list[str] = []
    tasks = [
        asyncio.create_task(
            client_loop(
                index,
                port=args.target_port or args.port,
                period_id=period_id,
                stop_at=stop_at,
                give_up_at=give_up_at,
                timeout=args.timeout,
                results=results,
                email=not args.no_email,
            )
        )
        for index in range(args.clients)
    ]
    tasks.append(asyncio.create_task(watch_loop_lag(results, stop_at)))
    if args.slow_clients:
        from tests.bench.slowloris import slow_client

        target = args.target_port or args.port
        tasks += [
            asyncio.create_task(slow_client(port=target, stop_at=stop_at))
            for _ in range(args.slow_clients)
        ]
    if args.fault:
        at = args.fault_at if args.fault_at is not None else args.duration / 2
        tasks.append(
            asyncio.create_task(
                run_fault(fault or args.fault_command, args.database, at, fault_log)
            )
        )
    await asyncio.gather(*tasks)
    results.started = started
    return results, time.monotonic() - started, fault_log


def recovery(results: Results, fault_log: list[str], duration: float) -> dict:
    """After a fault: the longest time without a 201 from the fault's start on (``outage_s``),
    and when the rate of 201s was back to half its median before the fault, counted in whole
    seconds from the fault's start (``recovered_s``; None: not within the run)."""
    marks = [line for line in fault_log if line.startswith("fault started at ")]
    if not marks:
        return {}
    fault_at = float(marks[0].rsplit(" ", 1)[1]) - results.started
    times = sorted(t - results.started for t in results.ack_times)
    per_second = [0] * (int(duration) + 1)
    for t in times:
        if t < duration:
            per_second[int(t)] += 1
    before = per_second[1 : int(fault_at)] or [0]
    normal = statistics.median(before)
    after = [t for t in times if t >= fault_at]
    gaps = [b - a for a, b in zip([fault_at, *after], after, strict=False)] or [duration - fault_at]
    recovered = next(
        (
            s - int(fault_at)
            for s in range(int(fault_at) + 1, int(duration))
            if per_second[s] >= normal / 2
        ),
        None,
    )
    return {
        "fault_at_s": round(fault_at, 1),
        "rate_before_per_s": normal,
        "outage_s": round(max(gaps), 2),
        "recovered_s": recovered,
    }


def stored_comments(db_name: str, period_id: int) -> list[tuple[str, str]]:
    import psycopg

    with psycopg.connect(database_url(db_name)) as connection:
        return connection.execute(
            "SELECT idempotency_key, tracking_id FROM standard_versions_comment "
            "WHERE period_id = %s",
            [period_id],
        ).fetchall()


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def verify(args, period_id: int, results: Results) -> tuple[dict, list[str]]:
    stored = stored_comments(args.database, period_id)
    stored_ids = [tracking_id for _key, tracking_id in stored]
    stored_by_key: dict[str, list[str]] = {}
    for key, tracking_id in stored:
        stored_by_key.setdefault(key, []).append(tracking_id)
    acknowledged_ids = set(results.acknowledged.values())
    lost = [
        key
        for key, tracking_id in results.acknowledged.items()
        if stored_by_key.get(key) != [tracking_id]
    ]
    duplicated = {key: ids for key, ids in stored_by_key.items() if len(ids) > 1}
    unacknowledged = set(stored_ids) - acknowledged_ids
    receipt_failures = asyncio.run(
        check_receipts(
            args.target_port or args.port,
            list(acknowledged_ids),
            min(args.clients, 32),
            args.timeout,
        )
    )
    figures = {
        "stored": len(stored_ids),
        "acknowledged": len(results.acknowledged),
        "distinct_tracking_ids": len(acknowledged_ids),
        "lost": len(lost),
        "duplicated": len(duplicated),
        "stored_unacknowledged": len(unacknowledged),
        "receipts_checked": len(acknowledged_ids),
        "receipts_failed": len(receipt_failures),
    }
    problems = []
    if len(stored_ids) != len(acknowledged_ids):
        problems.append(f"stored {len(stored_ids)} != acknowledged {len(acknowledged_ids)}")
    if lost:
        problems.append(f"{len(lost)} acknowledged comments not stored exactly once: {lost[:5]}")
    if duplicated:
        problems.append(f"{len(duplicated)} keys stored more than once")
    if unacknowledged:
        problems.append(f"{len(unacknowledged)} stored comments never acknowledged")
    if receipt_failures:
        problems.append(f"{len(receipt_failures)} receipts failed: {receipt_failures[:5]}")
    if results.unexpected:
        problems.append(f"{len(results.unexpected)} unexpected answers: {results.unexpected[:3]}")
    if results.abandoned:
        problems.append(f"{results.abandoned} submissions abandoned after the grace period")
    return figures, problems


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="h_comments_load")
    parser.add_argument("--port", type=int, default=8401)
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/5"
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--worker-class", default="gthread", help="gunicorn's (gthread or sync)")
    parser.add_argument("--timeout", type=float, default=10.0, help="per request, seconds")
    parser.add_argument(
        "--grace", type=float, default=120.0, help="seconds after --duration to finish retrying"
    )
    parser.add_argument("--fault", action="store_true", help="inject a fault mid-run")
    parser.add_argument(
        "--fault-command",
        default=None,
        help="shell command to run as the fault (default: pg_terminate_backend on every "
        "backend of --database)",
    )
    parser.add_argument("--fault-at", type=float, default=None, help="seconds (default: middle)")
    parser.add_argument(
        "--no-email", action="store_true", help="comments without an address (no receipt mail)"
    )
    parser.add_argument(
        "--worker",
        action="store_true",
        help="run a notification worker beside gunicorn, mailing receipts to a local SMTP server",
    )
    parser.add_argument(
        "--target-port", type=int, default=None, help="where clients connect (a proxy's port)"
    )
    parser.add_argument(
        "--slow-clients", type=int, default=0, help="connections sending headers byte by byte"
    )
    parser.add_argument(
        "--shed-after-ms", type=int, default=None, help="the server's SHED_AFTER_MS (0: off)"
    )
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument(
        "--server-log", default="/tmp/comment_load_server.log", help="gunicorn's output"
    )
    return parser.parse_args(argv)


def run(argv: list[str], fault=None) -> dict:
    """The load of ``argv``; ``fault``, an async callable given the log, is the fault at
    ``--fault-at`` (with ``--fault``) instead of ``--fault-command``."""
    args = parse_args(argv)
    period_id = prepare(args.database, args.redis_url)
    extra = {} if args.shed_after_ms is None else {"SHED_AFTER_MS": str(args.shed_after_ms)}
    env = server_env(args.database, args.redis_url, **extra)
    mailed: dict = {}
    try:
        with (
            gunicorn(
                port=args.port,
                workers=args.workers,
                threads=args.threads,
                env=env,
                log_path=args.server_log,
                worker_class=args.worker_class,
                behind_proxy=bool(args.target_port),
            ),
            receipt_worker.notification_worker(env, enabled=args.worker, mailed=mailed),
        ):
            results, elapsed, fault_log = asyncio.run(load(args, period_id, fault))
            figures, problems = verify(args, period_id, results)
            if args.worker:
                receipt_worker.wait_for_receipts(
                    mailed, expected=len(results.acknowledged), seconds=args.grace
                )
                problems += mailed["problems"]
    finally:
        if not args.keep_db:
            drop_database(args.database)
    latencies_ms = [value * 1000 for value in results.latencies]
    answer_ms = [value * 1000 for value in results.answer_seconds]
    summary = {
        "period_id": period_id,
        "clients": args.clients,
        "duration_s": round(elapsed, 1),
        "workers": args.workers,
        "threads": args.threads,
        "fault": (args.fault_command or "pg_terminate_backend") if args.fault else None,
        "comments_per_s": round(len(results.acknowledged) / args.duration, 1),
        "p50_ms": round(percentile(latencies_ms, 0.50), 1),
        "p99_ms": round(percentile(latencies_ms, 0.99), 1),
        "max_ms": round(max(latencies_ms, default=0), 1),
        "mean_ms": round(statistics.fmean(latencies_ms), 1) if latencies_ms else None,
        "attempts": results.attempts,
        "retries": results.retries,
        "retry_reasons": results.retry_reasons,
        "replayed_receipts": results.replayed,
        "answers": dict(sorted(results.answers.items())),
        "answer_p99_ms": round(percentile(answer_ms, 0.99), 1),
        "answer_max_ms": round(max(answer_ms, default=0), 1),
        "slowest_answers": [
            {
                "ms": round(seconds * 1000),
                "answer": answer,
                "new_connection": new,
                "at_s": round(at, 1),
            }
            for seconds, answer, new, at in sorted(results.slowest, reverse=True)
        ],
        "client_loop_lag_max_ms": round(results.loop_lag_max * 1000, 1),
        **figures,
        "fault_log": fault_log,
        "recovery": recovery(results, fault_log, args.duration) if args.fault else {},
        "email": not args.no_email,
        "worker": args.worker,
        "receipts_mailed": mailed.get("count"),
        "receipts_mailed_twice": mailed.get("twice"),
        "receipts_drained_s_after_load": mailed.get("after_load_s"),
        "server_log": args.server_log,
        "problems": problems,
        "ok": not problems,
    }
    return summary


def report(summary: dict) -> None:
    print(
        f"   {summary['comments_per_s']} comments/s over {summary['duration_s']} s, "
        f"{summary['clients']} clients, {summary['workers']} workers x {summary['threads']} "
        f"threads; p50 {summary['p50_ms']} ms, p99 {summary['p99_ms']} ms, "
        f"max {summary['max_ms']} ms"
    )
    print(
        f"   stored {summary['stored']} = acknowledged {summary['acknowledged']}; "
        f"lost {summary['lost']}, duplicated {summary['duplicated']}, "
        f"receipts resolved {summary['receipts_checked'] - summary['receipts_failed']}/"
        f"{summary['receipts_checked']}; retries {summary['retries']} {summary['retry_reasons']}"
    )
    print(
        f"   every answer: {summary['answers']}; p99 {summary['answer_p99_ms']} ms, "
        f"max {summary['answer_max_ms']} ms; the load generator's own loop ran up to "
        f"{summary['client_loop_lag_max_ms']} ms late"
    )
    slowest = ", ".join(
        f"{a['ms']} ms {a['answer']}{' (new connection)' if a['new_connection'] else ''} "
        f"at {a['at_s']} s"
        for a in summary["slowest_answers"]
    )
    print(f"   slowest answers: {slowest}")
    if summary["worker"]:
        print(
            f"   receipts mailed {summary['receipts_mailed']} (twice: "
            f"{summary['receipts_mailed_twice']}), the last "
            f"{summary['receipts_drained_s_after_load']} s after the load ended"
        )
    for line in summary["fault_log"]:
        print(f"   {line}")
    if summary.get("recovery"):
        r = summary["recovery"]
        print(
            f"   fault at {r['fault_at_s']} s: longest time without a 201 {r['outage_s']} s; "
            f"back to half the rate before ({r['rate_before_per_s']}/s) after "
            f"{r['recovered_s']} s"
        )
    print(f"   {'OK' if summary['ok'] else 'FAILED: ' + '; '.join(summary['problems'])}")


def main(argv: list[str]) -> int:
    summary = run(argv)
    report(summary)
    print(json.dumps(summary), file=sys.stderr if os.environ.get("QUIET_JSON") else sys.stdout)
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
