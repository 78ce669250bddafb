"""What the notification benchmarks share: a PostgreSQL database with a draft, an open period and
an outbox backlog, and Celery workers started as docs/operations.md starts them."""

import contextlib
import os
import signal
import subprocess
import sys
import time

import psycopg

from tests.bench import bench_servers

ROOT = bench_servers.ROOT

# ``rows`` comments with distinct addresses and their receipt events (as submitting them would
# have written), or ``rows`` public events of the period (extensions) for the webhook backlog.
RECEIPTS_SQL = """
INSERT INTO standard_versions_comment (
    period_id, tracking_id, submitted_at, criterion_key, criterion_code, criterion_revision,
    criterion_title, criterion_description, body, proposed_text, type, language, name,
    organization, identity_public, email, content_sha256, normalized_hash, idempotency_key,
    request_sha256, moderation_state, moderation_reason, disposition, response, responded_at)
SELECT %(period)s, 'bench' || lpad(i::text, 21, '0'), now(), '', '', NULL, '', '',
    repeat('Comment body ' || i || '. ', 20), '', 'technical', 'en', '', '', false,
    'person' || i || '@bench.example', md5(i::text) || md5(i::text), md5(i::text), '', '',
    'received', '', '', '', NULL
FROM generate_series(1, %(rows)s) AS i;;
INSERT INTO standard_versions_event (
    event_id, kind, occurred_at, period_id, criterion_key, comment_id, payload, dedupe_key)
SELECT gen_random_uuid(), 'comment.received', now(), period_id, '', id, '{"language": "en"}', ''
FROM standard_versions_comment WHERE tracking_id LIKE 'bench%%' ORDER BY id;
"""

EVENTS_SQL = """
INSERT INTO standard_versions_event (
    event_id, kind, occurred_at, standard_id, version_id, period_id, criterion_key, payload,
    dedupe_key)
SELECT gen_random_uuid(), 'period.extended', now(), v.standard_id, v.id, p.id, '',
    jsonb_build_object('standard', 'load', 'version', '1.0', 'n', i), ''
FROM generate_series(1, %(rows)s) AS i,
    standard_versions_commentperiod p JOIN standard_versions_version v ON v.id = p.version_id
WHERE p.id = %(period)s;
"""


def prepare(db_name: str, redis_url: str) -> tuple[int, dict[str, str]]:
    period_id = bench_servers.prepare(db_name, redis_url)
    return period_id, bench_servers.server_env(db_name, redis_url)


def sql(db_name: str, query: str, params: dict | None = None) -> list[tuple]:
    """Run ``query`` (statements separated by ``;;``); the last one's rows."""
    rows: list[tuple] = []
    with psycopg.connect(bench_servers.database_url(db_name), autocommit=True) as connection:
        for statement in query.split(";;"):
            cursor = connection.execute(statement, params or {})
            rows = cursor.fetchall() if cursor.description else []
    return rows


def add_endpoint(db_name: str, url: str) -> None:
    sql(
        db_name,
        "INSERT INTO standard_versions_webhookendpoint (url, description, secret, event_kinds, "
        "active, created_at, consecutive_failures, disabled_reason) VALUES "
        "(%(url)s, 'bench', 'whsec_bench', '[]', true, now(), 0, '')",
        {"url": url},
    )


def public_event_count(db_name: str) -> int:
    """Events a webhook endpoint gets: the backlog and the period's clock events (opened,
    closing soon) the workers record."""
    return sql(
        db_name,
        "SELECT count(*) FROM standard_versions_event WHERE kind NOT IN "
        "('comment.received', 'subscription.requested')",
    )[0][0]


def delivery_counts(db_name: str) -> dict[str, int]:
    rows = sql(db_name, "SELECT status, count(*) FROM standard_versions_delivery GROUP BY status")
    counts = dict(rows)
    counts["unfanned"] = sql(
        db_name, "SELECT count(*) FROM standard_versions_event WHERE fanned_out_at IS NULL"
    )[0][0]
    return counts


class Workers:
    """``count`` Celery workers (``--pool solo``: one process each, as the benchmark reports per
    worker) and one beat, on ``env``'s database and broker. ``kill()`` sends SIGKILL."""

    def __init__(self, env: dict[str, str], *, count: int, log_path: str = os.devnull):
        self.env, self.count, self.log_path = env, count, log_path
        self.processes: list[subprocess.Popen] = []

    def _spawn(self, *arguments: str) -> subprocess.Popen:
        log = open(self.log_path, "a")  # kept open while the process runs
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "backend", *arguments],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start(self) -> "Workers":
        self.processes.append(
            self._spawn("beat", "--loglevel", "WARNING", "-s", f"/tmp/beat-{os.getpid()}")
        )
        for index in range(self.count):
            self.processes.append(
                self._spawn(
                    "worker", "--pool", "solo", "-n", f"bench{index}@%h", "--loglevel", "WARNING"
                )
            )
        return self

    def kill(self, signal_number: int = signal.SIGKILL) -> None:
        for process in self.processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal_number)
        for process in self.processes:
            process.wait(timeout=30)
        self.processes = []

    def __enter__(self) -> "Workers":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.kill(signal.SIGTERM)


def wait_until(condition, *, seconds: float, every: float = 0.5) -> float:
    """Seconds until ``condition()`` held (or ``seconds`` if it never did)."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if condition():
            return time.monotonic() - started
        time.sleep(every)
    return seconds
