"""A real Celery worker, started as `make run` starts it (with its beat), delivers a receipt mail
and a webhook from the outbox: on the embedded default (SQLite, a folder as the broker, mail to
.eml files) and, in the PostgreSQL run of CI, on PostgreSQL with Redis as the broker.

The service's state lives in a database of its own (not the test database, which another
process cannot see on SQLite), set up by `manage.py` in subprocesses like a deployment's.
"""

import email
import http.server
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"

SETUP = """
import datetime as dt
from django.utils import timezone
from standard_versions.consultation.comments import submit_comment
from standard_versions.consultation.periods import create_period, extend_period
from standard_versions.models import WebhookEndpoint
from tests.factories import build_version
now = timezone.now()
build_version(standard_slug="w", label="1.0", criteria=2, areas=1, status="draft")
period = create_period(standard_slug="w", label="1.0", opens_at=now - dt.timedelta(hours=1),
    closes_at=now + dt.timedelta(days=5), timezone="UTC", criteria=None, instructions="",
    user=None, reason="test", now=now)
WebhookEndpoint.objects.create(url="{url}", secret="whsec_test", created_at=now)
comment = submit_comment(period_id=period.pk, body="Hello", email="ana@example.org", now=now)
extend_period(period_id=period.pk, closes_at=now + dt.timedelta(days=9), user=None,
    reason="More time", now=now)
print(comment.comment.tracking_id)
"""


class _Hooks(http.server.ThreadingHTTPServer):
    """A webhook receiver on a free port that answers 200 and keeps what it got."""

    def __init__(self):
        self.received: list[tuple[dict, bytes]] = []
        hooks = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                hooks.received.append((dict(self.headers), body))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}/"

    def __enter__(self):
        # A short poll: shutdown() waits for the next one (0.5 s by default).
        threading.Thread(target=self.serve_forever, args=(0.02,), daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


def _environment(tmp_path: Path, *, database_url: str, broker_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY="test-only-secret-key-not-for-production",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        CELERY_BROKER_URL=broker_url,
        VAR_DIR=str(tmp_path / "var"),
        MAIL_DIR=str(tmp_path / "mail"),
        NOTIFY_TICK_SECONDS="1",
        REDIS_URL="",
        LOCAL_ENV_FILE=str(tmp_path / "no-env-file"),
    )
    return env


def _manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.stdout


def _wait_for(condition, *, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    return condition()


def _configurations():
    yield pytest.param("sqlite", "filesystem://", id="embedded-sqlite-folder-broker")
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        yield pytest.param("postgres", "redis://127.0.0.1:6379/9", id="postgres-redis")


@pytest.fixture
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'service.sqlite3'}"
        return
    import psycopg

    name = f"wwc_worker_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.parametrize(
    ("database_url", "broker_url"), list(_configurations()), indirect=["database_url"]
)
def test_a_worker_started_like_make_run_delivers_the_receipt_and_the_webhook(
    tmp_path, database_url, broker_url
):
    env = _environment(tmp_path, database_url=database_url, broker_url=broker_url)
    _manage(env, "migrate", "--noinput", "-v0")
    with _Hooks() as receiver:
        output = _manage(env, "shell", "-c", SETUP.replace("{url}", receiver.url))
        tracking_id = output.strip().splitlines()[-1]
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "backend",
                "worker",
                "--beat",
                "--pool",
                "solo",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            mails = _wait_for(lambda: sorted((tmp_path / "mail").glob("*.eml")), seconds=60)
            hooks = _wait_for(lambda: list(receiver.received), seconds=30)
        finally:
            worker.terminate()
            output = worker.communicate(timeout=30)[0]
    assert mails, f"no mail was written; the worker said:\n{output}"
    message = email.message_from_bytes(mails[0].read_bytes())
    assert message["To"] == "ana@example.org"
    assert tracking_id in mails[0].read_text(errors="replace")
    kinds = [json.loads(body)["type"] for _headers, body in hooks]
    assert "period.extended" in kinds, kinds
    headers, body = hooks[kinds.index("period.extended")]
    assert headers["WWC-Event-Id"] == json.loads(body)["id"]
