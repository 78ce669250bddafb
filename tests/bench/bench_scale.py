"""Scale benchmark (issue 16): one comment period of ``--comments`` comments (default 1,000,000),
94 % of them from five form-letter campaigns, about 3,000 published with dispositions, measured
from outside over HTTP in the production configuration (DEBUG=0, gunicorn 4 x 2 gthread as
docs/operations.md runs it, PostgreSQL, Redis): the first (cold) request and the median of
``--runs`` warm ones of the admin's search and pages, the staff moderation list, the campaigns,
the public disposition report and the staff CSV export.

    make bench ARGS="scale --comments 1000000"
    .venv/bin/python -m tests.bench.bench_scale --comments 100000 --before-root /tmp/before

With ``--before-root`` (a worktree of an older commit with /work/main/.venv linked into it) the
same requests, less those that commit lacks, run against a database of its own, migrated and
served from there, so both columns come from one run on one machine. The data: scale_setup.py.
"""

import argparse
import re
import statistics
import time
from pathlib import Path

import requests

from tests.bench import bench_servers, scale_setup

DB, BEFORE_DB = "h_scale", "h_scale_before"
LIST, ADMIN, SEARCH = 100, 300, 200  # the issue's targets, ms
ADMIN_ROW = 'name="_selected_action"'  # each changelist row's checkbox

# (operation, the issue's "before" figure, target ms or None, what the older commit can run)
ISSUE_BEFORE = {
    "admin search, common word": "19 s",
    "admin search, rare word": "19 s",
    "admin search, tracking id": "19 s",
    "admin changelist page 1": "3.2 s",
    "admin changelist ?p=5000": "4.9 s",
    "admin changelist ?p=100 (the deepest page number)": "",
    "admin changelist ?before= (row 500,000)": "4.9 s",
    "moderation list page 1": "0.93 s",
    "moderation list page 10,000": "2.9 s",
    "moderation list ?q=rare word": "",
    "campaigns": "2.0 s",
    "disposition report page": "2.25 s",
    "disposition report JSON": "",
    "export CSV, first byte": "",
    "export CSV, total": "59 s",
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/11")
    parser.add_argument("--port", type=int, default=8461)
    parser.add_argument("--workers", type=int, default=bench_servers.DOCUMENTED_WORKERS)
    parser.add_argument("--threads", type=int, default=bench_servers.DOCUMENTED_THREADS)
    parser.add_argument("--runs", type=int, default=5, help="warm requests per operation")
    parser.add_argument("--export-runs", type=int, default=2, help="warm exports")
    parser.add_argument("--before-root", type=Path, default=None)
    parser.add_argument(
        "--before-runs", type=int, default=3, help="warm requests per operation before (1 export)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch databases")
    args, _unknown = parser.parse_known_args(argv)
    return args


def admin_session(base: str) -> requests.Session:
    """Logged in through the admin's login form, with its CSRF cookie and token."""
    session = requests.Session()
    form = session.get(f"{base}/admin/login/", timeout=60).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    answer = session.post(
        f"{base}/admin/login/?next=/admin/",
        data={
            "username": "bench-scale",
            "password": scale_setup.PASSWORD,
            "csrfmiddlewaretoken": token,
            "next": "/admin/",
        },
        headers={"Referer": f"{base}/admin/login/"},
        timeout=60,
    )
    assert "sessionid" in session.cookies, answer.status_code
    return session


def operations(base: str, data: dict, *, after: bool) -> list[tuple[str, requests.Session, str]]:
    """(name, session, URL) of each timed request; the older commit runs the ones it has."""
    admin = admin_session(base)
    api = requests.Session()
    api.headers["Authorization"] = f"Token {data['token']}"
    public = requests.Session()
    changelist = f"{base}/admin/standard_versions/comment/"
    moderation = f"{base}/api/v1/comment-periods/{data['period']}/moderation/"
    report = "/standards/load/versions/1.0/disposition-report/"
    rare = scale_setup.RARE_WORD
    ops = [
        ("admin search, common word", admin, f"{changelist}?q={scale_setup.COMMON_WORD}"),
        ("admin search, rare word", admin, f"{changelist}?q={rare}"),
        ("admin search, tracking id", admin, f"{changelist}?q={data['tracking_id']}"),
        ("admin changelist page 1", admin, changelist),
    ]
    if after:
        # Page numbers stop at 100 (admin/comment_paging.py); deeper is the cursor's.
        deepest = "admin changelist ?p=100 (the deepest page number)"
        ops.append((deepest, admin, f"{changelist}?p=100"))
    else:
        ops.append(("admin changelist ?p=5000", admin, f"{changelist}?p=5000"))
    if after:
        before = requests.utils.quote(data["before"], safe="")
        ops.append(
            ("admin changelist ?before= (row 500,000)", admin, f"{changelist}?before={before}")
        )
    ops.append(("moderation list page 1", api, moderation))
    if after:
        cursor = requests.utils.quote(data["cursor"], safe="")
        ops.append(("moderation list page 10,000", api, f"{moderation}?cursor={cursor}"))
        ops.append(("moderation list ?q=rare word", api, f"{moderation}?q={rare}"))
    else:
        page = min(10_000, -(-data["rows"] // 100))
        ops.append(("moderation list page 10,000", api, f"{moderation}?page={page}"))
    ops += [
        ("campaigns", api, f"{base}/api/v1/comment-periods/{data['period']}/campaigns/"),
        ("disposition report page", public, f"{base}{report}"),
        ("disposition report JSON", public, f"{base}/api/v1{report}"),
    ]
    return ops


def timed(session: requests.Session, url: str) -> tuple[float, requests.Response]:
    started = time.perf_counter()
    response = session.get(url, timeout=600)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code, response.text[:300])
    return elapsed, response


def export(session: requests.Session, url: str) -> tuple[float, float, int]:
    """Time to the first byte of the body and to the last, ms; rows received."""
    started = time.perf_counter()
    first = None
    lines = 0
    tail = b""
    with session.get(url, stream=True, timeout=600) as response:
        assert response.status_code == 200, (url, response.status_code)
        for chunk in response.iter_content(chunk_size=65536):
            if first is None:
                first = (time.perf_counter() - started) * 1000
            lines += chunk.count(b"\n")
            tail = (tail + chunk)[-200:]
    # Less the header line, and the "#end_of_export,N" row newer exports end with.
    trailer = b"\n#end_of_export," in b"\n" + tail
    return first, (time.perf_counter() - started) * 1000, lines - 1 - trailer


def measure(root: Path, db: str, args, *, after: bool) -> dict:
    label = "after" if after else "before"
    # The older commit's requests take seconds each: fewer of them keep the run under an hour.
    runs, export_runs = (args.runs, args.export_runs) if after else (args.before_runs, 1)
    data = scale_setup.build(
        root=root, db=db, rows=args.comments, redis_url=args.redis_url, has_search=after
    )
    recount = f", recount_campaigns {data['recount_s']:.0f} s" if after else ""
    print(
        f"   [{label}] {args.comments:,} comments loaded and analysed in {data['load_s']:.0f} s"
        f"{recount}; "
        f"{data['distinct_hashes']:,} distinct hashes, {data['published']:,} published, "
        f"{data['rare_matches']} say '{scale_setup.RARE_WORD}'",
        flush=True,
    )
    env = bench_servers.server_env(db, args.redis_url, CACHE_KEY_PREFIX=f"bench-scale-{label}")
    results: dict[str, tuple[float, float, str]] = {}
    with scale_setup.gunicorn(
        root=root,
        env=env,
        port=args.port,
        workers=args.workers,
        threads=args.threads,
        log=f"/tmp/bench_scale_{label}.log",
    ) as base:
        for name, session, url in operations(base, data, after=after):
            cold, response = timed(session, url)
            warm = statistics.median(timed(session, url)[0] for _ in range(runs))
            results[name] = (cold, warm, describe(name, response))
            print(f"   [{label}] {name}: cold {cold:,.0f} ms, warm {warm:,.1f} ms", flush=True)
        api = requests.Session()
        api.headers["Authorization"] = f"Token {data['token']}"
        url = f"{base}/api/v1/comment-periods/{data['period']}/export/?format=csv"
        exports = [export(api, url) for _ in range(1 + export_runs)]
        for index, name in ((0, "export CSV, first byte"), (1, "export CSV, total")):
            warm = (
                statistics.median(run[index] for run in exports[1:])
                if export_runs
                else exports[0][index]
            )
            results[name] = (exports[0][index], warm, f"{exports[0][2]:,} rows")
        print(f"   [{label}] export (first byte ms, total ms, rows): {exports}", flush=True)
    return results


def describe(name: str, response: requests.Response) -> str:
    """What came back: the API's count or the number of rows on the page."""
    if response.headers.get("Content-Type", "").startswith("application/json"):
        body = response.json()
        if isinstance(body, dict) and "results" in body:
            return f"{len(body['results'])} rows of {body.get('count', '?'):,}"
        return ""
    if "/admin/" in response.url:
        return f"{response.text.count(ADMIN_ROW)} rows"
    return ""


def target(name: str) -> float | None:
    if name.startswith("export"):
        return None
    if name.startswith("admin"):
        return ADMIN
    if name.startswith("moderation list ?q"):
        return SEARCH
    return LIST


def report(after: dict, before: dict | None, args) -> None:
    header = "| operation | cold ms | warm median ms |"
    rule = "|---|---:|---:|"
    if before is not None:
        header += " before: cold ms | before: warm ms |"
        rule += "---:|---:|"
    header += " issue's before | target | meets | returned |"
    rule += "---|---|---|---|"
    print(
        f"\n   {args.comments:,} comments; warm = median of {args.runs} ({args.export_runs} for "
        f"the export); before: of {args.before_runs} (1 export)\n"
    )
    print(header)
    print(rule)
    for name, (cold, warm, what) in after.items():
        row = f"| {name} | {cold:,.0f} | {warm:,.1f} |"
        if before is not None:
            old = before.get(name)
            row += f" {old[0]:,.0f} | {old[1]:,.0f} |" if old else " — | — |"
        goal = target(name)
        verdict = "—" if goal is None else ("yes" if warm < goal else "**no**")
        row += f" {ISSUE_BEFORE.get(name) or '—'} | {f'< {goal} ms' if goal else '—'} |"
        row += f" {verdict} | {what} |"
        print(row)


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    before = None
    try:
        after = measure(bench_servers.ROOT, DB, args, after=True)
        if not args.keep:
            bench_servers.drop_database(DB)
        if args.before_root is not None:
            before = measure(args.before_root.resolve(), BEFORE_DB, args, after=False)
        report(after, before, args)
    finally:
        if not args.keep:
            bench_servers.drop_database(DB)
            bench_servers.drop_database(BEFORE_DB)


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
