"""Does the revalidation fast path pay, and does the per-worker memo? Measured both ways.

Three servers run side by side (gunicorn, 2 workers each, same SQLite data): as served (fast path
and memo), with the memo off (``REVALIDATION_MEMO_MS=0``) and with the fast path off (gunicorn
config ``tests.bench.gunicorn_without_fast_path``; the ordinary path never reads the memo). Only
one is under load at a time: each round measures a 304 of the version tree and of a criterion on
every server, the servers' order rotating from round to round, so a drift of the shared machine
spreads over all of them. Printed: each server's median over the rounds, the median of its
round-by-round ratio to the served one (robust to drift), and each round's figure.

``make bench ARGS="revalidation --rounds=5 --seconds=10"``
"""

import statistics
import urllib.request

from tests.bench.server import gunicorn, wrk

TREE = "/api/v1/standards/wwc/versions/3.0/"
CRITERION = "/api/v1/standards/wwc/versions/3.0/criteria/DM7/"

SERVERS = {
    "fast path + memo (as served)": dict(port=8061),
    "fast path, memo off": dict(port=8062, settings={"REVALIDATION_MEMO_MS": "0"}),
    "memo unused, fast path off": dict(
        port=8063, extra_args=("-c", "python:tests.bench.gunicorn_without_fast_path")
    ),
}


def _option(argv: list[str], name: str, default: int) -> int:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return int(arg.split("=", 1)[1])
    return default


def main(argv: list[str]) -> None:
    rounds = _option(argv, "rounds", 5)
    seconds = _option(argv, "seconds", 10)
    with (
        gunicorn(**SERVERS["fast path + memo (as served)"]) as served,
        gunicorn(**SERVERS["fast path, memo off"]) as memo_off,
        gunicorn(**SERVERS["memo unused, fast path off"]) as fast_path_off,
    ):
        bases = dict(zip(SERVERS, (served, memo_off, fast_path_off), strict=True))
        requests = {}
        for name, base in bases.items():
            for path in (TREE, CRITERION):
                etag = urllib.request.urlopen(base + path).headers["ETag"]
                requests[name, path] = (base + path, (f"If-None-Match: {etag}",))
                wrk(base + path, seconds=1, headers=requests[name, path][1])  # warm up
        rates: dict[tuple[str, str], list[float]] = {key: [] for key in requests}
        names = list(SERVERS)
        for number in range(rounds):
            order = names[number % len(names) :] + names[: number % len(names)]
            for path in (TREE, CRITERION):
                for name in order:
                    url, headers = requests[name, path]
                    rates[name, path].append(wrk(url, seconds=seconds, headers=headers))
            print(f"   round {number + 1}/{rounds} done", flush=True)
    for path, label in ((TREE, "version tree 3.0, 304"), (CRITERION, "criterion DM7, 304")):
        served = rates[names[0], path]
        print(f"   {label}")
        for name in names:
            median = statistics.median(rates[name, path])
            # Each round's rate against the served one of the same round: robust to drift.
            ratio = statistics.median(r / s for r, s in zip(rates[name, path], served, strict=True))
            rounds_text = " ".join(f"{rate:.0f}" for rate in rates[name, path])
            print(
                f"     {name:30s} median {median:7.0f} req/s  paired {ratio:6.1%}"
                f"  rounds: {rounds_text}"
            )
        memo_off, fast_path_off = rates[names[1], path], rates[names[2], path]
        memo_gain = statistics.median(s / m for s, m in zip(served, memo_off, strict=True))
        fast_path_gain = statistics.median(
            m / f for m, f in zip(memo_off, fast_path_off, strict=True)
        )
        print(f"     gain of the memo (paired, served / memo off):       {memo_gain - 1:+6.1%}")
        print(
            f"     gain of the fast path (memo off / fast path off):   {fast_path_gain - 1:+6.1%}"
        )
