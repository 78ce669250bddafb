"""A surge at ten times capacity (issue 16, item 2): comment ingest through the production proxy
(``deploy/nginx.conf``, Debian's nginx) with 50 clients (what saturates this service here), then
with 500, with load shedding (``SHED_AFTER_MS``, backend/middleware.py) and without it. Clients
retry under the same Idempotency-Key, after the server's ``Retry-After`` when it gives one.

    .venv/bin/python -m tests.bench.bench_surge --duration 30

Target: in the surge, every request is answered within a second (a 201, or a 503 with
Retry-After); stored = acknowledged, nothing lost or duplicated.
"""

import argparse

from tests.bench import comment_load
from tests.bench.bench_slow_clients import nginx
from tests.bench.notify_sinks import free_port


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--clients", type=int, default=50, help="the normal load")
    parser.add_argument("--surge", type=int, default=10, help="times the normal clients")
    parser.add_argument("--shed-after-ms", type=int, default=500)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/7")
    args, _unknown = parser.parse_known_args(argv)
    gunicorn_port, proxy_port = free_port(), free_port()
    common = [
        f"--duration={args.duration}",
        f"--redis-url={args.redis_url}",
        f"--port={gunicorn_port}",
        f"--target-port={proxy_port}",
        "--database=h_surge",
        "--grace=90",
        "--timeout=30",
        "--no-email",
    ]
    surge = args.clients * args.surge
    runs = {}
    with nginx(listen=proxy_port, upstream=gunicorn_port):
        runs[f"{args.clients} clients"] = comment_load.run(
            [*common, f"--clients={args.clients}", f"--shed-after-ms={args.shed_after_ms}"]
        )
        runs[f"{surge} clients, shedding after {args.shed_after_ms} ms"] = comment_load.run(
            [*common, f"--clients={surge}", f"--shed-after-ms={args.shed_after_ms}"]
        )
        runs[f"{surge} clients, nginx cap only (SHED_AFTER_MS=0)"] = comment_load.run(
            [*common, f"--clients={surge}", "--shed-after-ms=0"]
        )
    for name, summary in runs.items():
        print(f"   {name}:")
        comment_load.report(summary)
    shed = runs[f"{surge} clients, shedding after {args.shed_after_ms} ms"]
    statuses = set(shed["answers"]) - {"201", "503"}
    within = shed["answer_max_ms"] <= 1000
    print(
        f"   surge with shedding: every answer within a second: {'yes' if within else 'NO'} "
        f"(max {shed['answer_max_ms']} ms); answers other than 201/503: {statuses or 'none'}; "
        f"{'OK' if shed['ok'] else 'FAILED'} (stored = acknowledged, none lost or duplicated)"
    )


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
