"""Run make targets at the same time and report each in turn: `make test` runs the schema fuzzer,
the page audit and the suite side by side (docs/benchmarks.md, "The suite").

    .venv/bin/python -m tests.side_by_side fuzz audit --below suite

The fuzzer and the audit each drive one process at a time and wait on it as often as they use a
core, so together they leave about a third of the machine idle. The targets after ``--below`` fill
it: they run at the lowest CPU priority (nice 19), so they take only what the others leave and
Lighthouse's timings (its performance score) are measured as if they were not there.

Each target's output goes to a file while it runs and is printed whole when it ends, in the
order given, so the outputs never interleave. Exits 1 if any target failed.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LOWEST_PRIORITY = 19


def main(argv: list[str]) -> int:
    targets, below = split_targets(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="side-by-side-") as folder:
        runs = [start(target, Path(folder), niceness=0) for target in targets]
        runs += [start(target, Path(folder), niceness=LOWEST_PRIORITY) for target in below]
        print(
            f"side by side: {', '.join(targets)}"
            + (f"; below them (nice {LOWEST_PRIORITY}): {', '.join(below)}" if below else ""),
            flush=True,
        )
        failed = []
        for target, process, handle, log in runs:
            code = process.wait()
            handle.close()
            print(f"\n===== make {target} =====", flush=True)
            sys.stdout.write(log.read_text(errors="replace"))
            print(
                f"===== make {target}: exit {code}, {time.monotonic() - started:.0f} s =====",
                flush=True,
            )
            if code != 0:
                failed.append(target)
    if failed:
        print(f"side by side: failed: {', '.join(failed)}", flush=True)
        return 1
    return 0


def split_targets(argv: list[str]) -> tuple[list[str], list[str]]:
    """``a b --below c d`` -> (["a", "b"], ["c", "d"])."""
    if "--below" not in argv:
        return argv, []
    at = argv.index("--below")
    return argv[:at], argv[at + 1 :]


def start(target: str, folder: Path, *, niceness: int):
    log = folder / f"{target}.log"
    handle = log.open("w")
    process = subprocess.Popen(
        ["make", "--no-print-directory", target],
        stdout=handle,
        stderr=subprocess.STDOUT,
        # In the child, before make starts: everything it runs inherits the priority.
        preexec_fn=(lambda: os.nice(niceness)) if niceness else None,
    )
    return target, process, handle, log


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["fuzz", "audit"]))
