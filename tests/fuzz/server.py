"""The service as production runs it, for the schema fuzzer: a scratch database migrated and loaded
with the shipped data (as ``make run`` does), a staff account with a token, and gunicorn with
DEBUG off.

On SQLite (the default) the database is a file in a temporary directory. When ``DATABASE_URL``
points at PostgreSQL, a dedicated database ``<name>_fuzz`` is created next to the named one and
dropped afterwards: the named database itself (CI's ``test``) is never touched, because other runs
use it.
"""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
STAFF_USERNAME = "fuzz-staff"

# Every comment submission of a run comes from 127.0.0.1; at the production rate (20/min) nearly
# all of them would be 429s, and a 429 says nothing about how the body was handled. The throttle
# itself is tested in tests/comments/test_throttling.py.
FUZZ_THROTTLE_RATE = "1000000/min"

# Prints the staff account's token key, last.
CREATE_STAFF = f"""
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
from standard_versions.roles import ROLE_GROUPS
user, _ = User.objects.get_or_create(username={STAFF_USERNAME!r}, defaults={{"is_staff": True}})
user.groups.add(*Group.objects.filter(name__in=ROLE_GROUPS))
print(Token.objects.get_or_create(user=user)[0].key)
"""


def server_env(database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a production-like deployment on ``database_url``."""
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY="fuzz-only-secret-key-not-for-production",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_COOKIES="0",
        DATABASE_URL=database_url,
        COMMENT_THROTTLE_RATE=FUZZ_THROTTLE_RATE,
        DJANGO_SETTINGS_MODULE="backend.settings",
    )
    env.pop("REDIS_URL", None)  # a per-process cache: nothing shared with other runs
    env.update(extra)
    return env


@contextlib.contextmanager
def scratch_database(configured_url: str | None) -> Iterator[str]:
    """Yield the URL of an empty database of the configured kind; remove it afterwards."""
    if configured_url and configured_url.startswith(("postgres://", "postgresql://")):
        yield from _postgres_scratch(configured_url)
        return
    with tempfile.TemporaryDirectory(prefix="fuzz-") as directory:
        yield f"sqlite:///{directory}/fuzz.sqlite3"


def _postgres_scratch(configured_url: str) -> Iterator[str]:
    import psycopg

    parts = urlsplit(configured_url)
    name = f"{parts.path.lstrip('/') or 'postgres'}_fuzz"
    # CREATE/DROP DATABASE run from the maintenance database, never from the configured one.
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    statements = [f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"']
    with psycopg.connect(admin_url, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(statements[0])


def manage(env: dict[str, str], *args: str) -> str:
    """Run a management command and return its output; if it fails, print its errors and raise
    CalledProcessError."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
        result.check_returncode()
    return result.stdout


def load_shipped_data(env: dict[str, str]) -> str:
    """Migrate and load what ``make run`` loads (its ``start_up``, in one process as there); create
    the staff account; return its token."""
    manage(env, "start_up")
    return manage(env, "shell", "-c", CREATE_STAFF).split()[-1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env: dict[str, str], *, log_path: Path, workers: int = 2) -> Iterator[str]:
    """Yield the base URL of gunicorn serving the app with ``env``; stop it afterwards. Its output
    (tracebacks of any 500) goes to ``log_path``."""
    port = free_port()
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "backend.wsgi:application",
                f"--bind=127.0.0.1:{port}",
                f"--workers={workers}",
                "--worker-class=gthread",
                "--threads=4",
                "--timeout=30",
                # gunicorn refuses request lines over 4 KiB and header fields over 8 KiB with an
                # HTML 414/400 of its own, before the application sees them (in production a
                # proxy's limits come first anyway). Lifted here, so that long generated query
                # strings and headers reach the application, which must answer them itself.
                "--limit-request-line=0",
                "--limit-request-field_size=0",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_healthy(base, process)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_healthy(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}")
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer /healthz within 30 s")
