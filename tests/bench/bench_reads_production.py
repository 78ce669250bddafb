"""Reads in the production configuration (issue 16, item 9): gunicorn (gthread, as
docs/operations.md gives it), PostgreSQL and Redis, each page and API read as a share of the bare
view (``/healthz``, the ceiling, measured before and after and averaged), served as shipped and
with the per-worker body memo off (``BODY_MEMO_BYTES=0``), side by side in one run.

    .venv/bin/python -m tests.bench.bench_reads_production --seconds 5

Targets: the version tree and the web version page >= 50 % of the bare view with Redis, the home
page >= 50 %, compare >= 50 %, the consultation page >= 30 %.
"""

import argparse

from tests.bench import bench_servers
from tests.bench.notify_sinks import free_port
from tests.bench.server import wrk

DATABASE = "h_reads_production"
TARGETS = {
    "version tree (API)": ("/api/v1/standards/wwc/versions/3.0/", 0.50),
    "one criterion (API)": ("/api/v1/standards/wwc/versions/3.0/criteria/DM7/", None),
    "home page": ("/", 0.50),
    "version page": ("/standards/wwc/versions/3.0/", 0.50),
    "compare page": ("/standards/wwc/compare/?from=2.0&to=3.0", 0.50),
    "consultation page": ("/comment-periods/{period}/", 0.30),
}


def _rates(port: int, period: int, seconds: int) -> dict[str, float]:
    base = f"http://127.0.0.1:{port}"
    before = wrk(base + "/healthz", seconds=seconds)
    rates = {
        name: wrk(base + path.format(period=period), seconds=seconds)
        for name, (path, _target) in TARGETS.items()
    }
    after = wrk(base + "/healthz", seconds=seconds)
    rates["bare view"] = (before + after) / 2
    return rates


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/8")
    args, _unknown = parser.parse_known_args(argv)
    period = bench_servers.prepare(DATABASE, args.redis_url)
    env = bench_servers.server_env(DATABASE, args.redis_url)
    bench_servers.manage(env, "load_standard")
    runs = {}
    try:
        for name, extra in (("as shipped", {}), ("body memo off", {"BODY_MEMO_BYTES": "0"})):
            port = free_port()
            with bench_servers.gunicorn(
                port=port,
                workers=args.workers,
                threads=args.threads,
                env={**env, **extra},
                log_path=f"/tmp/bench_reads_production_{port}.log",
            ):
                runs[name] = _rates(port, period, args.seconds)
    finally:
        bench_servers.drop_database(DATABASE)
    print(f"   {'read':<22} {'as shipped':>22} {'body memo off':>22}  target")
    for name, (_path, target) in TARGETS.items():
        cells = []
        for run in runs.values():
            cells.append(f"{run[name]:8.0f}/s {run[name] / run['bare view']:6.1%}")
        share = runs["as shipped"][name] / runs["as shipped"]["bare view"]
        verdict = (
            ""
            if target is None
            else (f">= {target:.0%} " + ("met" if share >= target else "MISSED"))
        )
        print(f"   {name:<22} {cells[0]:>22} {cells[1]:>22}  {verdict}")
    print(
        f"   {'bare view':<22} {runs['as shipped']['bare view']:8.0f}/s "
        f"{'':>6} {runs['body memo off']['bare view']:13.0f}/s"
    )


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
