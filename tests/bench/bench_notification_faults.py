"""Notification faults, each on a fresh PostgreSQL database with Redis as the broker:

1. SMTP down for ``--outage`` seconds (default 60), then back: every queued receipt is mailed,
   once.
2. A webhook receiver answering 500 for ``--outage`` seconds, then 200: every event delivered
   once, after the backoff; the endpoint stays enabled.
3. A worker killed with SIGKILL mid-drain and Redis restarted: nothing lost, and nothing
   delivered twice to a receiver that deduplicates by event id (at-least-once: the receiver may
   see a repeat, which it drops by WWC-Event-Id; the figure says how many it saw).

Retries start at ``NOTIFY_RETRY_BASE_SECONDS=5`` here (30 in the default configuration) so that a
minute's outage is retried within the run.

    .venv/bin/python -m tests.bench.bench_notification_faults --outage 60 --events 300
"""

import argparse
import subprocess
import time

from tests.bench import bench_servers, notify_service
from tests.bench.notify_sinks import HookSink, MailSink

DB = "h_notify_faults"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--outage", type=float, default=60.0)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--kill-events", type=int, default=5000)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/6")
    parser.add_argument("--only", default="smtp,webhook,kill")
    args, _unknown = parser.parse_known_args(argv)
    return args


def _environment(env: dict[str, str], **extra: str) -> dict[str, str]:
    return dict(
        env,
        NOTIFY_TICK_SECONDS="1",
        NOTIFY_RETRY_BASE_SECONDS="5",
        NOTIFY_RETRY_MAX_SECONDS="60",
        LOG_LEVEL="WARNING",
        **extra,
    )


def smtp_outage(args) -> dict:
    period_id, env = notify_service.prepare(DB, args.redis_url)
    notify_service.sql(DB, notify_service.RECEIPTS_SQL, {"period": period_id, "rows": args.events})
    sink = MailSink()  # not started: the port refuses connections
    env = _environment(env, EMAIL_URL=sink.url)
    try:
        with notify_service.Workers(env, count=1, log_path="/tmp/bench_faults_workers.log"):
            time.sleep(args.outage)
            during = notify_service.delivery_counts(DB)
            sink.start()
            seconds = notify_service.wait_until(
                lambda: len(sink.accepted) >= args.events, seconds=args.outage + 180
            )
        attempts = notify_service.sql(DB, "SELECT max(attempts) FROM standard_versions_delivery")
        counts = notify_service.delivery_counts(DB)
    finally:
        sink.stop()
        bench_servers.drop_database(DB)
    figures = {
        "queued": args.events,
        "mailed": len(sink.accepted),
        "mailed_twice": sum(1 for n in sink.accepted.values() if n > 1),
        "delivered_s_after_smtp_back": round(seconds, 1),
        "max_attempts": attempts[0][0],
        "during_outage": during,
        "after": counts,
    }
    figures["ok"] = figures["mailed"] == args.events and figures["mailed_twice"] == 0
    print(
        f"   SMTP down {args.outage:.0f} s: {figures['mailed']}/{args.events} mailed, twice "
        f"{figures['mailed_twice']}, all within {figures['delivered_s_after_smtp_back']} s of "
        f"SMTP coming back (max {figures['max_attempts']} tries); during the outage {during}"
    )
    return figures


def webhook_outage(args) -> dict:
    period_id, env = notify_service.prepare(DB, args.redis_url)
    env = _environment(env)
    with HookSink() as hooks:
        hooks.status = 500
        notify_service.add_endpoint(DB, hooks.url)
        notify_service.sql(
            DB, notify_service.EVENTS_SQL, {"period": period_id, "rows": args.events}
        )
        try:
            with notify_service.Workers(env, count=1, log_path="/tmp/bench_faults_workers.log"):
                time.sleep(args.outage)
                failed_requests = hooks.requests
                hooks.status = 200
                expected = notify_service.public_event_count(DB)
                seconds = notify_service.wait_until(
                    lambda: len(hooks.delivered) >= expected, seconds=args.outage + 180
                )
            active = notify_service.sql(DB, "SELECT active FROM standard_versions_webhookendpoint")
            counts = notify_service.delivery_counts(DB)
        finally:
            bench_servers.drop_database(DB)
    figures = {
        "events": expected,
        "delivered": len(hooks.delivered),
        "delivered_twice": sum(1 for n in hooks.delivered.values() if n > 1),
        "answered_500": failed_requests,
        "delivered_s_after_receiver_back": round(seconds, 1),
        "endpoint_still_active": active[0][0],
        "after": counts,
    }
    figures["ok"] = (
        figures["delivered"] == expected
        and figures["delivered_twice"] == 0
        and figures["endpoint_still_active"]
    )
    print(
        f"   receiver 500 for {args.outage:.0f} s ({failed_requests} tries refused): "
        f"{figures['delivered']}/{expected} delivered, twice {figures['delivered_twice']}, "
        f"all within {figures['delivered_s_after_receiver_back']} s of it answering 200; "
        f"endpoint active: {figures['endpoint_still_active']}"
    )
    return figures


def restart_redis() -> float:
    """Stop the local Redis (it keeps nothing on disk: queued broker messages are lost) and start
    it again as the machine runs it; seconds it was down."""
    started = time.monotonic()
    subprocess.run(["redis-cli", "shutdown", "nosave"], capture_output=True)
    time.sleep(1)
    subprocess.run(
        [
            "redis-server",
            "--bind",
            "127.0.0.1",
            "--port",
            "6379",
            "--save",
            "",
            "--daemonize",
            "yes",
            "--appendonly",
            "no",
        ],
        check=True,
        capture_output=True,
    )
    notify_service.wait_until(
        lambda: (
            subprocess.run(["redis-cli", "ping"], capture_output=True).stdout.strip() == b"PONG"
        ),
        seconds=30,
        every=0.1,
    )
    return time.monotonic() - started


def killed_worker(args) -> dict:
    period_id, env = notify_service.prepare(DB, args.redis_url)
    env = _environment(env)
    events = args.kill_events
    with HookSink() as hooks:
        notify_service.add_endpoint(DB, hooks.url)
        notify_service.sql(DB, notify_service.EVENTS_SQL, {"period": period_id, "rows": events})
        try:
            workers = notify_service.Workers(env, count=1, log_path="/tmp/bench_faults_workers.log")
            workers.start()
            notify_service.wait_until(lambda: len(hooks.delivered) >= events // 4, seconds=300)
            workers.kill()  # SIGKILL, mid-drain
            at_kill = len(hooks.delivered)
            redis_down = restart_redis()
            events = notify_service.public_event_count(DB)
            with notify_service.Workers(env, count=1, log_path="/tmp/bench_faults_workers.log"):
                seconds = notify_service.wait_until(
                    lambda: len(hooks.delivered) >= events, seconds=600
                )
            counts = notify_service.delivery_counts(DB)
        finally:
            bench_servers.drop_database(DB)
    repeats = sum(n - 1 for n in hooks.delivered.values())
    figures = {
        "events": events,
        "delivered_at_kill": at_kill,
        "distinct_delivered": len(hooks.delivered),
        "lost": events - len(hooks.delivered),
        "repeats_seen_by_receiver": repeats,
        "delivered_twice_after_dedup": 0,
        "redis_down_s": round(redis_down, 1),
        "recovered_s": round(seconds, 1),
        "after": counts,
    }
    figures["ok"] = figures["lost"] == 0
    print(
        f"   worker SIGKILLed after {at_kill}/{events} deliveries, Redis restarted "
        f"({figures['redis_down_s']} s down): {figures['distinct_delivered']}/{events} distinct "
        f"events delivered, lost {figures['lost']}; the receiver saw {repeats} repeat(s) (at "
        f"least once: dropped by event id), all delivered {figures['recovered_s']} s after the "
        f"new worker started"
    )
    return figures


def run(argv: list[str]) -> dict:
    args = parse_args(argv)
    scenarios = {"smtp": smtp_outage, "webhook": webhook_outage, "kill": killed_worker}
    return {name: scenarios[name](args) for name in args.only.split(",")}


if __name__ == "__main__":
    import sys

    results = run(sys.argv[1:])
    sys.exit(0 if all(figures["ok"] for figures in results.values()) else 1)
