"""Read API throughput under gunicorn (2 workers) next to a bare Django view (the ceiling).

Targets (issue 2): the whole 3.0 version tree at >= 50 % of the ceiling; a 304 revalidation of it
at >= 80 %.
"""

import json
import urllib.request

from tests.bench.server import gunicorn, wrk

PORT = 8051
TREE = "/api/v1/standards/wwc/versions/3.0/"
CRITERION = "/api/v1/standards/wwc/versions/3.0/criteria/DM7/"


def main(argv: list[str]) -> None:
    seconds = 10
    with gunicorn(port=PORT) as base:
        response = urllib.request.urlopen(base + TREE)
        etag = response.headers["ETag"]
        size = len(response.read())
        json.loads(urllib.request.urlopen(base + CRITERION).read())
        for _ in range(2):  # warm every worker's body cache
            wrk(base + TREE, seconds=1)
            wrk(base + CRITERION, seconds=1)
        results = {
            "ceiling: /healthz (fixed small JSON)": wrk(base + "/healthz", seconds=seconds),
            f"version tree 3.0 ({size} bytes)": wrk(base + TREE, seconds=seconds),
            "version tree 3.0, 304 revalidation": wrk(
                base + TREE, seconds=seconds, headers=(f"If-None-Match: {etag}",)
            ),
            "one criterion (DM7)": wrk(base + CRITERION, seconds=seconds),
        }
    ceiling = next(iter(results.values()))
    for name, rate in results.items():
        print(f"   {name:48s} {rate:9.0f} req/s  {rate / ceiling:6.1%} of ceiling")
