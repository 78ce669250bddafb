"""The benchmarks' servers: a scratch PostgreSQL database with a draft and an open comment
period, the environment a benchmark's gunicorn runs with, manage.py in it, and gunicorn itself."""

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")

SETUP_CODE = """
import datetime as dt
from django.utils import timezone
from standard_versions.consultation.periods import create_period
from tests.factories import build_version
build_version(standard_slug="load", label="1.0", criteria=40, areas=4, status="draft")
now = timezone.now()
period = create_period(standard_slug="load", label="1.0", opens_at=now - dt.timedelta(hours=1),
    closes_at=now + dt.timedelta(days=1), timezone="UTC", criteria=None, instructions="",
    user=None, reason="load test", now=now)
print(period.pk)
"""


# docs/operations.md's gunicorn (gthread): what the production benchmarks run.
DOCUMENTED_WORKERS, DOCUMENTED_THREADS = 4, 2


def database_url(name: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


def server_env(db_name: str, redis_url: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY="benchmark-only-secret-key-not-for-production",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_COOKIES="0",
        DATABASE_URL=database_url(db_name),
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=f"bench-{db_name}-{os.getpid()}",
        COMMENT_THROTTLE_RATE="100000000/min",
        LOG_LEVEL="CRITICAL",
        DJANGO_SETTINGS_MODULE="backend.settings",
    )
    env.update(extra)
    return env


def recreate_database(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def prepare(db_name: str, redis_url: str) -> int:
    """A fresh database with a draft and an open period; returns the period id."""
    recreate_database(db_name)
    env = server_env(db_name, redis_url)
    manage(env, "migrate", "--noinput")
    return int(manage(env, "shell", "-c", SETUP_CODE).strip().splitlines()[-1])


@contextlib.contextmanager
def gunicorn(
    *,
    port: int,
    workers: int,
    threads: int,
    env: dict[str, str],
    log_path: str,
    worker_class: str = "gthread",
    behind_proxy: bool = False,
):
    """gunicorn on ``port``. ``behind_proxy``: as docs/operations.md runs it behind
    deploy/nginx.conf, each worker holding no more connections than it has threads (a client that
    keeps its connection alive straight to gunicorn would hold a thread)."""
    # The server's output (tracebacks of the 500s a fault causes) goes to log_path, not the report.
    log = open(log_path, "w")
    slots = [f"--worker-connections={threads}"] if behind_proxy else []
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "backend.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            f"--worker-class={worker_class}",
            f"--threads={threads}",
            "--keep-alive=30",
            "--log-level=warning",
            "--backlog=2048",
            *slots,
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("gunicorn did not start")
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


# ---- a small keep-alive HTTP/1.1 client (the standard library has no async one) -----------
