"""The scratch database and server of bench_scale: one comment period holding ``rows`` comments,
94 % of them copies of five form letters, bulk-inserted in SQL, served by gunicorn from ``root``
(this checkout, or a worktree of an older commit for the "before" figures).

Row ``i`` (1 = newest, one second apart) is a copy of letter ``i % 5`` when ``i % 50 < 47``
(half of the copies in capitals with "!!" after, the same text once normalised, so one
``normalized_hash``); otherwise a text of its own from bench_search's English words. One row in
``RARE_STRIDE`` of those also says "zeppelin" (10 rows at a million); one in ``rows // 3000`` is
published with a disposition and a response, the rest are received.
"""

import base64
import contextlib
import datetime as dt
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from standard_versions.consultation.comment_text import campaign_hash
from tests.bench import bench_servers
from tests.bench.bench_search import WORDS, _array

RARE_WORD = "zeppelin"
COMMON_WORD = "data"
PASSWORD = "bench-scale-password"

LETTERS = [
    "Dear What Works Cities, I support the open data criterion. Every city should publish its "
    "data inventory, review it each year, and say who is responsible for keeping it current.",
    "To the standard's authors: the performance management criterion asks too much of small "
    "cities. Please allow a shared data team across departments to meet it.",
    "I am a resident and I want my city's budget, contracts and spending data online, "
    "searchable and free, with a dashboard residents can understand.",
    "As a member of the council, I ask that the evaluation criterion require a public report "
    "of every program's results, whether the results are good or bad.",
    "Please keep the community engagement criterion. Residents must be asked before the city "
    "decides, and told afterwards what their feedback changed.",
]
HASHES = [campaign_hash(letter) for letter in LETTERS]
assert HASHES == [campaign_hash(letter.upper() + "!!") for letter in LETTERS]

# Row i with i % 50 >= 47 has a text of its own; a stride that is a multiple of 50 keeps the
# rare word in those rows.
RARE_OFFSET = 47


def rare_stride(rows: int) -> int:
    return max(100, rows // 10 // 50 * 50)


INSERT_SQL = f"""
INSERT INTO standard_versions_comment (
    period_id, tracking_id, submitted_at, criterion_key, criterion_code, criterion_revision,
    criterion_title, criterion_description, body, proposed_text, type, language, name,
    organization, identity_public, email, content_sha256, normalized_hash, idempotency_key,
    request_sha256, moderation_state, moderation_reason, disposition, response, responded_at)
SELECT %(period)s, translate(left(md5(i::text), 26), '0189', 'kmnp'),
    now() - make_interval(secs => i), 'k' || (i %% 40), 'A' || (i %% 4) || '.' || (i %% 40), 1,
    'Criterion ' || (i %% 40), 'Text of criterion',
    CASE WHEN i %% 50 < 47 THEN
        CASE WHEN i %% 2 = 0 THEN ({_array(LETTERS)})[1 + i %% 5]
             ELSE upper(({_array(LETTERS)})[1 + i %% 5]) || '!!' END
    ELSE (SELECT string_agg(word, ' ') FROM (
            SELECT w.words[1 + floor(power(random(), 2) * array_length(w.words, 1))::int] AS word
            FROM generate_series(1, 40 + (i %% 7)) AS g) AS drawn)
        || CASE WHEN i %% %(rare)s = {RARE_OFFSET} THEN ' {RARE_WORD}' ELSE '' END
    END,
    '', 'technical', 'en', 'Commenter ' || i, 'City of Somewhere', i %% 2 = 0,
    'person' || i || '@example.org', md5(i::text) || md5(i::text),
    CASE WHEN i %% 50 < 47 THEN ({_array(HASHES)})[1 + i %% 5] ELSE md5(i::text) || md5(i::text)
    END,
    md5(i::text), '',
    CASE WHEN i %% %(published)s = 0 THEN 'published' ELSE 'received' END, '',
    CASE WHEN i %% %(published)s = 0 THEN 'noted' ELSE '' END,
    CASE WHEN i %% %(published)s = 0 THEN 'Thank you; noted.' ELSE '' END,
    CASE WHEN i %% %(published)s = 0 THEN now() END
FROM generate_series(1, %(rows)s) AS i
CROSS JOIN (SELECT {_array(WORDS["en"])} AS words) AS w
"""

STAFF_CODE = f"""
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
user = User.objects.create_superuser("bench-scale", email="", password="{PASSWORD}")
print(Token.objects.create(user=user).key)
"""


def manage(root: Path, env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def build(*, root: Path, db: str, rows: int, redis_url: str, has_search: bool) -> dict:
    """The scratch database ``db`` migrated by ``root``, loaded; what the requests need."""
    import psycopg

    bench_servers.recreate_database(db)
    env = bench_servers.server_env(db, redis_url)
    manage(root, env, "migrate", "--noinput")
    period_id = int(manage(root, env, "shell", "-c", bench_servers.SETUP_CODE).split()[-1])
    token = manage(root, env, "shell", "-c", STAFF_CODE).split()[-1]
    started = time.perf_counter()
    params = {
        "period": period_id,
        "rows": rows,
        "rare": rare_stride(rows),
        "published": max(1, rows // 3000),
    }
    with psycopg.connect(bench_servers.database_url(db), autocommit=True) as connection:
        if has_search:
            # As a bulk load would: the GIN index built once after the rows, not row by row.
            connection.execute("DROP INDEX comment_search_idx")
        connection.execute(INSERT_SQL, params)
        if has_search:
            connection.execute(
                "CREATE INDEX comment_search_idx ON standard_versions_comment "
                "USING GIN (search_vector)"
            )
        connection.execute("ANALYZE")
        loaded = time.perf_counter() - started
        admin_row = connection.execute(
            "SELECT submitted_at, id FROM standard_versions_comment "
            "ORDER BY submitted_at DESC, id DESC OFFSET %s LIMIT 1",
            [min(rows, 500_000) - 1],
        ).fetchone()
        api_row = connection.execute(
            "SELECT submitted_at FROM standard_versions_comment WHERE period_id = %s "
            "ORDER BY submitted_at, id OFFSET %s LIMIT 1",
            [period_id, min(rows - 1, 9_999 * 100) - 1],
        ).fetchone()
        tracking_id = connection.execute(
            "SELECT tracking_id FROM standard_versions_comment ORDER BY submitted_at DESC "
            "OFFSET %s LIMIT 1",
            [min(rows - 1, 5000)],
        ).fetchone()[0]
        counts = connection.execute(
            "SELECT count(*) FILTER (WHERE body LIKE %s), "
            "count(*) FILTER (WHERE moderation_state = 'published'), "
            "count(DISTINCT normalized_hash) FROM standard_versions_comment",
            [f"%{RARE_WORD}%"],
        ).fetchone()
    started = time.perf_counter()
    if has_search:
        manage(root, env, "recount_campaigns")
    recount = time.perf_counter() - started
    when = admin_row[0].astimezone(dt.UTC)
    # DRF's CursorPagination: base64 of "p=<str(the last row's ordering field)>".
    position = urllib.parse.urlencode({"p": str(api_row[0].astimezone(dt.UTC))})
    return {
        "period": period_id,
        "rows": rows,
        "token": token,
        "before": f"{when.isoformat()}_{admin_row[1]}",
        "cursor": base64.b64encode(position.encode("ascii")).decode("ascii"),
        "tracking_id": tracking_id,
        "rare_matches": counts[0],
        "published": counts[1],
        "distinct_hashes": counts[2],
        "load_s": loaded,
        "recount_s": recount,
    }


@contextlib.contextmanager
def gunicorn(*, root: Path, env: dict[str, str], port: int, workers: int, threads: int, log: str):
    """gunicorn as docs/operations.md runs it (gthread, --timeout 30), from ``root``."""
    out = open(log, "w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "backend.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--worker-class=gthread",
            f"--threads={threads}",
            "--timeout=30",
            "--log-level=warning",
        ],
        cwd=root,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError(f"gunicorn did not start (see {log})")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        out.close()
