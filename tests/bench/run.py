"""`make bench`: run every benchmark (or those named in ARGS) and print their figures.

Each benchmark is a module in this package with a ``main(argv) -> None`` that prints its figures;
add new ones to BENCHMARKS (or to OPTIONAL, run only when named, if they take minutes). Figures
from a quiet machine go into docs/benchmarks.md.
"""

import importlib
import os
import sys
import time

BENCHMARKS = [
    "production",
    "read_api",
    "web",
    "translations",
    "diff",
    "authoring",
    "comments",
    "pathological_text",
    "revalidation",
    "notifications",
    "search",
    "report",
    "scale",
    "slow_clients",
    "surge",
    "near_duplicates",
    "faults",
]
# Named only: longer than a default run should be (each says how long it takes).
OPTIONAL = [
    "disposition_report",
]


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
    # A word after an option is its value ("--comments 1000000") unless it names a benchmark.
    names = [
        name
        for i, name in enumerate(argv)
        if not name.startswith("-")
        and (name in BENCHMARKS + OPTIONAL or i == 0 or not argv[i - 1].startswith("-"))
    ] or BENCHMARKS
    unknown = sorted(set(names) - set(BENCHMARKS) - set(OPTIONAL))
    if unknown:
        known = ", ".join(BENCHMARKS + OPTIONAL)
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {known}")
        return 2
    for name in names:
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        importlib.import_module(f"tests.bench.bench_{name}").main(argv)
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
