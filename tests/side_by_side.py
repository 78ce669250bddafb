"""Run make targets at the same time and report each in turn: `make test` runs the schema fuzzer
and the page audit side by side (each drives one process at a time, so together they keep both
cores busy; docs/benchmarks.md, "The suite").

    .venv/bin/python -m tests.side_by_side fuzz audit

Each target's output goes to a file while it runs and is printed whole when it ends, in the
order given, so the two never interleave. Exits 1 if any target failed.
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main(targets: list[str]) -> int:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="side-by-side-") as folder:
        runs = []
        for target in targets:
            log = Path(folder) / f"{target}.log"
            handle = log.open("w")
            process = subprocess.Popen(
                ["make", "--no-print-directory", target], stdout=handle, stderr=subprocess.STDOUT
            )
            runs.append((target, process, handle, log))
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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["fuzz", "audit"]))
