"""Notification benchmarks (PostgreSQL, Redis as the broker, gunicorn, Celery workers):

1. Ingest with confirmations on: ``comment_load`` (50 clients) without addresses, then with an
   address on every comment and a worker mailing each receipt to a local SMTP server; rate and
   p99 of the two, side by side in one run, and every receipt mailed exactly once.
2. Drain: a backlog of ``--backlog`` receipt events (default 100,000) mailed by 1 and by 2
   workers; events per second in all and per worker.
3. Faults (``bench_notification_faults``): SMTP down for a minute, a webhook receiver answering
   500 for a minute, a worker killed with SIGKILL mid-drain and Redis restarted.

    .venv/bin/python -m tests.bench.run notifications
    .venv/bin/python -m tests.bench.bench_notifications --ingest-duration 20 --backlog 20000
"""

import argparse
import json

from tests.bench import bench_servers, comment_load, notify_service
from tests.bench.notify_sinks import MailSink

DRAIN_DB = "h_notify_drain"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ingest-duration", type=float, default=30.0)
    parser.add_argument("--ingest-clients", type=int, default=50)
    parser.add_argument("--backlog", type=int, default=100_000)
    parser.add_argument("--drain-workers", default="1,2", help="worker counts to measure")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--skip-drain", action="store_true")
    parser.add_argument("--skip-faults", action="store_true")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/6")
    args, _unknown = parser.parse_known_args(argv)
    return args


def bench_ingest(args) -> dict:
    common = [
        f"--duration={args.ingest_duration}",
        f"--clients={args.ingest_clients}",
        f"--redis-url={args.redis_url}",
        "--database=h_notify_ingest",
    ]
    runs = {
        "without addresses": comment_load.run([*common, "--no-email"]),
        "an address on every comment (receipts queued in the outbox)": comment_load.run(common),
        "an address on every comment, a worker (nice 19) on the same 2 cores mailing them": (
            comment_load.run([*common, "--worker"])
        ),
    }
    for name, summary in runs.items():
        print(f"   {name}:")
        comment_load.report(summary)
    without = next(iter(runs.values()))
    ratios = []
    for name, summary in list(runs.items())[1:]:
        rate = summary["comments_per_s"] / without["comments_per_s"]
        p99 = summary["p99_ms"] / without["p99_ms"]
        ratios.append({"run": name, "rate_ratio": round(rate, 2), "p99_ratio": round(p99, 2)})
        print(f"   {name}: rate x{rate:.2f}, p99 x{p99:.2f} of the run without (target: 10 %)")
    return {"runs": runs, "ratios": ratios}


def _drain_once(args, workers: int) -> dict:
    period_id, env = notify_service.prepare(DRAIN_DB, args.redis_url)
    notify_service.sql(
        DRAIN_DB, notify_service.RECEIPTS_SQL, {"period": period_id, "rows": args.backlog}
    )
    sink = MailSink()
    sink.start()
    env = dict(env, EMAIL_URL=sink.url, NOTIFY_TICK_SECONDS="1", LOG_LEVEL="WARNING")
    try:
        with notify_service.Workers(env, count=workers, log_path="/tmp/bench_drain_workers.log"):
            seconds = notify_service.wait_until(
                lambda: len(sink.accepted) >= args.backlog, seconds=args.backlog / 20 + 120
            )
        counts = notify_service.delivery_counts(DRAIN_DB)
    finally:
        sink.stop()
        bench_servers.drop_database(DRAIN_DB)
    rate = len(sink.accepted) / seconds
    figures = {
        "workers": workers,
        "backlog": args.backlog,
        "mailed": len(sink.accepted),
        "mailed_twice": sum(1 for n in sink.accepted.values() if n > 1),
        "seconds": round(seconds, 1),
        "events_per_s": round(rate, 1),
        "per_worker_per_s": round(rate / workers, 1),
        "deliveries": counts,
    }
    print(
        f"   {workers} worker(s): {figures['mailed']}/{args.backlog} receipts mailed in "
        f"{figures['seconds']} s: {figures['events_per_s']}/s, {figures['per_worker_per_s']}/s "
        f"per worker; mailed twice {figures['mailed_twice']}; deliveries {counts}"
    )
    return figures


def bench_drain(args) -> list[dict]:
    return [_drain_once(args, int(n)) for n in args.drain_workers.split(",")]


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    results = {}
    if not args.skip_ingest:
        print("-- ingest with and without confirmations", flush=True)
        results["ingest"] = bench_ingest(args)
    if not args.skip_drain:
        print(f"-- drain a backlog of {args.backlog} receipts", flush=True)
        results["drain"] = bench_drain(args)
    if not args.skip_faults:
        from tests.bench import bench_notification_faults

        print("-- faults", flush=True)
        results["faults"] = bench_notification_faults.run(argv)
    with open("/tmp/bench_notifications.json", "w") as out:
        json.dump(results, out, default=str, indent=1)


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
