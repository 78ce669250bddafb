"""The notification worker of ``comment_load --worker``: a Celery worker (with its beat) beside
gunicorn, mailing every receipt to a local SMTP server that counts each Message-ID."""

import contextlib
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def notification_worker(env: dict[str, str], *, enabled: bool, mailed: dict):
    """A Celery worker (with its beat) on the server's database and broker, mailing to a local
    SMTP server that counts each Message-ID; ``mailed["sink"]`` is that server."""
    if not enabled:
        yield
        return
    from tests.bench.notify_sinks import MailSink

    sink = MailSink()
    sink.start()
    mailed["sink"] = sink
    worker_env = dict(env, EMAIL_URL=sink.url, NOTIFY_TICK_SECONDS="1")
    # At the lowest CPU priority, as docs/operations.md runs a worker on a host that also serves:
    # while the web workers are busy the outbox waits, then drains.
    process = subprocess.Popen(
        [
            "nice",
            "-n",
            "19",
            sys.executable,
            "-m",
            "celery",
            "-A",
            "backend",
            "worker",
            "--beat",
            "--pool",
            "solo",
        ],
        cwd=ROOT,
        env=worker_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=60)
        sink.stop()


def wait_for_receipts(mailed: dict, *, expected: int, seconds: float) -> None:
    sink = mailed["sink"]
    ended = time.monotonic()
    deadline = ended + seconds
    while sum(1 for _ in sink.accepted) < expected and time.monotonic() < deadline:
        time.sleep(0.5)
    with sink.lock:
        mailed["count"] = len(sink.accepted)
        mailed["twice"] = sum(1 for n in sink.accepted.values() if n > 1)
        last = max(sink.accepted_at, default=ended)
    mailed["after_load_s"] = round(max(last - ended, 0.0), 1)
    mailed["problems"] = (
        [] if mailed["count"] == expected else [f"mailed {mailed['count']} of {expected} receipts"]
    )
