"""Read API throughput under gunicorn (2 workers) next to a bare Django view (the ceiling).

Targets (issue 2): the whole 3.0 version tree at >= 50 % of the ceiling; a 304 revalidation of it
at >= 80 %. The ceiling is measured before and after the other requests and averaged, so a drift of
the machine during the run does not favour either side. The 304 is measured twice: as served (each
worker remembers published heads for REVALIDATION_MEMO_MS) and with that memo off, where every
revalidation queries the database.
"""

import json
import urllib.request

from tests.bench.server import gunicorn, wrk

PORT = 8051
TREE = "/api/v1/standards/wwc/versions/3.0/"
CRITERION = "/api/v1/standards/wwc/versions/3.0/criteria/DM7/"
CEILING = "/healthz"


def _etag(url: str) -> tuple[str, int]:
    response = urllib.request.urlopen(url)
    return response.headers["ETag"], len(response.read())


def _measure(base: str, requests: dict[str, tuple[str, tuple[str, ...]]], seconds: int):
    before = wrk(base + CEILING, seconds=seconds)
    rates = {
        name: wrk(base + path, seconds=seconds, headers=h) for name, (path, h) in requests.items()
    }
    after = wrk(base + CEILING, seconds=seconds)
    return (before + after) / 2, rates


def _report(ceiling: float, rates: dict[str, float]) -> None:
    print(f"   {'ceiling: /healthz (fixed small JSON), mean':48s} {ceiling:9.0f} req/s")
    for name, rate in rates.items():
        print(f"   {name:48s} {rate:9.0f} req/s  {rate / ceiling:6.1%} of ceiling")


def main(argv: list[str]) -> None:
    seconds = 10
    with gunicorn(port=PORT) as base:
        tree_etag, size = _etag(base + TREE)
        criterion_etag, _ = _etag(base + CRITERION)
        json.loads(urllib.request.urlopen(base + CRITERION).read())
        for _ in range(2):  # warm every worker's body cache
            wrk(base + TREE, seconds=1)
            wrk(base + CRITERION, seconds=1)
        ceiling, rates = _measure(
            base,
            {
                f"version tree 3.0 ({size} bytes)": (TREE, ()),
                "version tree 3.0, 304 revalidation": (TREE, (f"If-None-Match: {tree_etag}",)),
                "one criterion (DM7)": (CRITERION, ()),
                "one criterion, 304 revalidation": (
                    CRITERION,
                    (f"If-None-Match: {criterion_etag}",),
                ),
            },
            seconds,
        )
    _report(ceiling, rates)
    with gunicorn(port=PORT, settings={"REVALIDATION_MEMO_MS": "0"}) as base:
        tree_etag, _ = _etag(base + TREE)
        ceiling, rates = _measure(
            base,
            {"version tree 3.0, 304, memo off": (TREE, (f"If-None-Match: {tree_etag}",))},
            seconds,
        )
    _report(ceiling, rates)
