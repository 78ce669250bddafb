"""docs/webhooks.md cannot drift: its Python ``verify`` is the service's own function, it (and
the Node.js one, where Node is installed) accepts a real delivery and refuses a tampered or old
one, and the backoff schedule it states is the one the settings give."""

import datetime as dt
import inspect
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from standard_versions.notifications import outbox, webhooks
from tests.notifications.receiver import Receiver
from tests.notifications.webhook_helpers import endpoint_for, published_event, worker_turn

DOC = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"
NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def fenced(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)


def doc_verify():
    block = fenced("python")[0]
    namespace: dict = {}
    exec(compile(block, str(DOC), "exec"), namespace)
    return block, namespace["verify"]


def test_the_docs_python_verify_is_the_services_own_code():
    block, _verify = doc_verify()
    assert inspect.getsource(webhooks.verify) in block


@pytest.fixture
def delivered(db):
    """A real delivery as the receiver got it: (secret, signature header, raw body)."""
    with Receiver() as receiver:
        endpoint = endpoint_for(receiver.url)
        published_event(now=NOW)
        worker_turn(NOW)
    (request,) = receiver.requests
    return endpoint.secret, request.headers["WWC-Signature"], request.body


def test_the_docs_python_verify_accepts_a_real_delivery_and_refuses_forgeries(delivered):
    _block, verify = doc_verify()
    secret, header, body = delivered
    now = NOW.timestamp()
    assert verify(secret=secret, header=header, body=body, now=now + 60)
    assert not verify(secret=secret, header=header, body=body.replace(b"9.0", b"9.1"), now=now)
    assert not verify(secret=secret, header=header, body=body, now=now + 301)
    assert not verify(secret="whsec_wrong", header=header, body=body, now=now)


NODE_CHECK = """
const fs = require("node:fs");
const [secret, header, bodyFile, now] = process.argv.slice(1);
const body = fs.readFileSync(bodyFile);
const tampered = Buffer.concat([body, Buffer.from(" ")]);
console.log(JSON.stringify([
  verify({ secret, header, body, now: Number(now) }),
  verify({ secret, header, body: tampered, now: Number(now) }),
  verify({ secret, header, body, now: Number(now) + 301 }),
  verify({ secret: "whsec_wrong", header, body, now: Number(now) }),
]));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_the_docs_node_verify_agrees(delivered, tmp_path):
    secret, header, body = delivered
    (tmp_path / "body").write_bytes(body)
    script = fenced("javascript")[0] + NODE_CHECK
    result = subprocess.run(
        ["node", "-e", script, secret, header, str(tmp_path / "body"), str(int(NOW.timestamp()))],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert json.loads(result.stdout) == [True, False, False, False]


def test_the_backoff_schedule_in_the_docs_is_the_settings_one(settings):
    settings.NOTIFY_RETRY_BASE_SECONDS = 30
    settings.NOTIFY_RETRY_MAX_SECONDS = 6 * 3600
    settings.NOTIFY_MAX_ATTEMPTS = 12
    waits = [outbox.retry_delay(n) for n in range(1, settings.NOTIFY_MAX_ATTEMPTS)]
    total = sum(waits, dt.timedelta())
    hours, rest = divmod(int(total.total_seconds()), 3600)
    minutes, seconds = divmod(rest, 60)
    assert f"**{hours} h {minutes} min {seconds} s**" in DOC.read_text(encoding="utf-8")
    assert waits[-1] == dt.timedelta(hours=6)
