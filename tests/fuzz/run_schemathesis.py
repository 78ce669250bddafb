"""Fuzz the API against its own OpenAPI schema with schemathesis, as production serves it.

    .venv/bin/python -m tests.fuzz.run_schemathesis            # `make fuzz`; part of `make test`
    .venv/bin/python -m tests.fuzz.run_schemathesis --max-examples 100 --seed 1234

It loads a scratch database with the shipped data (``tests/fuzz/server.py``: SQLite, or
``<name>_fuzz`` next to a PostgreSQL ``DATABASE_URL``), serves it with gunicorn and DEBUG off, and
runs schemathesis twice over every operation of ``/api/schema/``: once anonymous, once with a
staff token (editors and publishers). Each pass generates positive and negative data (examples,
coverage, fuzzing and stateful phases, at most ``--max-examples`` cases per operation) and checks
that no response is a server error and that each one's status code, content type and body are
those the schema documents.

It prints schemathesis's own report (every failure with a curl line to reproduce it), then per
pass the operations, generated cases and failures by kind, and exits 1 if any pass failed. The
server's log (tracebacks of 500s) and schemathesis's JSON reports are kept in ``fuzz-results/``.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.fuzz.server import ROOT, gunicorn, load_shipped_data, scratch_database, server_env

CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
)
# CI (CI=true) searches with at most 40 cases per operation, about 7,000 in all and a minute of
# schemathesis on a 2-core machine; a developer's `make test` with 15, as the suite's Hypothesis
# tests search less locally (tests/hypothesis_profiles.py). --max-examples sets either.
CI_MAX_EXAMPLES = 40
DEFAULT_MAX_EXAMPLES = CI_MAX_EXAMPLES if os.environ.get("CI") else 15
# The whole run, setup included, is bounded: a pass still running at the deadline is stopped and
# counted as failed (a fuzzer that may run forever would not be a test). CI's 40 cases per
# operation took 161 s for the anonymous pass alone on a 2-core machine about half as fast as the
# one 240 s was measured on (2026-12-02), so CI's budget is twice the developer's.
DEFAULT_BUDGET_SECONDS = 480 if os.environ.get("CI") else 240
RESULTS = ROOT / "fuzz-results"
CONFIG = Path(__file__).with_name("schemathesis.toml")

# Operations that end the life of the demo draft or of its open period: run first, they would turn
# every later write of the staff pass into a 409 (not a draft) or a 403 (period closed), so they
# get a pass of their own, last.
FINAL_OPERATIONS = ("versions_publish", "versions_withdraw", "comment_periods_close")


@dataclass
class PassResult:
    name: str
    exit_code: int
    report: dict
    seconds: float

    @property
    def failed(self) -> bool:
        return self.exit_code != 0


def schemathesis_command() -> str:
    """The CLI installed next to this interpreter (the project's venv), else the one on PATH."""
    beside = Path(sys.executable).with_name("schemathesis")
    return str(beside) if beside.exists() else (shutil.which("schemathesis") or "schemathesis")


def run_pass(
    name: str,
    *,
    base: str,
    headers: list[str],
    max_examples: int,
    seed: int,
    workdir: Path,
    operations: list[str],
    deadline: float,
) -> PassResult:
    """One schemathesis run over the schema's operations, filtered by ``operations`` (CLI filter
    options), stopped at ``deadline`` (``time.monotonic()``); its JSON report is copied to
    fuzz-results/."""
    report_path = workdir / f"{name}.json"
    command = [
        schemathesis_command(),
        "--no-color",
        f"--config-file={CONFIG}",
        "run",
        f"{base}/api/schema/",
        f"--url={base}",
        f"--checks={','.join(CHECKS)}",
        "--mode=all",
        f"--max-examples={max_examples}",
        f"--seed={seed}",
        # One worker: hypothesis's lambda descriptions call ast.parse, which CPython 3.11 can
        # fail on when two threads parse at once ("AST constructor recursion depth mismatch").
        "--workers=1",
        "--continue-on-failure",
        "--generation-database=none",
        "--request-timeout=20",
        "--report=json",
        f"--report-json-path={report_path}",
    ]
    for header in headers:
        command += ["--header", header]
    command += operations
    print(f"\n=== schemathesis, {name} ===", flush=True)
    started = time.monotonic()
    timeout = deadline - started
    if timeout <= 0:
        print(f"!!! the {name} pass was not run: the budget is spent", flush=True)
        return PassResult(name=name, exit_code=-1, report={}, seconds=0.0)
    try:
        # cwd: schemathesis and hypothesis keep their .schemathesis/.hypothesis dirs there.
        exit_code = subprocess.run(command, cwd=workdir, timeout=timeout).returncode
    except subprocess.TimeoutExpired:
        print(f"!!! the {name} pass was stopped at the deadline, after {timeout:.0f} s", flush=True)
        return PassResult(name=name, exit_code=-1, report={}, seconds=timeout)
    seconds = time.monotonic() - started
    report = json.loads(report_path.read_text()) if report_path.exists() else {}
    if report_path.exists():
        shutil.copy(report_path, RESULTS / report_path.name)
    return PassResult(name=name, exit_code=exit_code, report=report, seconds=seconds)


def summary_lines(result: PassResult) -> list[str]:
    """The figures of one pass: operations, generated cases, failures by kind and where."""
    report = result.report
    operations = report.get("operations", {})
    cases = report.get("test_cases", {})
    lines = [
        f"{result.name}: {'FAILED' if result.failed else 'passed'} in {result.seconds:.0f} s "
        f"(exit {result.exit_code})",
        f"  operations: {operations.get('tested', '?')} tested of "
        f"{operations.get('selected', '?')} selected",
        f"  test cases: {cases.get('generated', '?')} generated, "
        f"{cases.get('with_failures', '?')} with failures, "
        f"{cases.get('unique_failures', '?')} unique failures",
    ]
    for failure in report.get("failures", []):
        lines.append(f"  {failure['code']} {failure['title']}: {failure['count']}")
        lines += [f"      {operation}" for operation in failure["operations"]]
    for error in report.get("errors", []):
        lines.append(f"  error: {error['title']}: {error['count']}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-examples", type=int, default=DEFAULT_MAX_EXAMPLES)
    parser.add_argument("--seed", type=int, default=None, help="default: a new random seed")
    parser.add_argument(
        "--budget",
        type=float,
        default=DEFAULT_BUDGET_SECONDS,
        help="seconds for the whole run, setup included (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else secrets.randbelow(2**63)
    # Stopped by SIGTERM (a CI timeout), still stop gunicorn and drop the scratch database.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    started = time.monotonic()
    deadline = started + args.budget
    RESULTS.mkdir(exist_ok=True)
    server_log = RESULTS / "server.log"
    results: list[PassResult] = []
    with tempfile.TemporaryDirectory(prefix="fuzz-run-") as directory:
        workdir = Path(directory)
        with scratch_database(os.environ.get("DATABASE_URL")) as database_url:
            where = database_url.rsplit("@", 1)[-1]  # never print a password
            print(f"fuzz: loading the shipped data into {where}", flush=True)
            env = server_env(database_url)
            token = load_shipped_data(env)
            with gunicorn(env, log_path=server_log) as base:
                print(f"fuzz: gunicorn at {base} (DEBUG=0), log in {server_log}", flush=True)
                common = {
                    "base": base,
                    "max_examples": args.max_examples,
                    "seed": seed,
                    "deadline": deadline,
                }
                staff = [f"Authorization: Token {token}"]
                final = [f"--include-operation-id={name}" for name in FINAL_OPERATIONS]
                passes = [
                    ("anonymous", [], []),
                    ("staff", staff, [f"--exclude-operation-id={n}" for n in FINAL_OPERATIONS]),
                    ("staff-final", staff, final),
                ]
                for name, headers, operations in passes:
                    results.append(
                        run_pass(
                            name,
                            headers=headers,
                            operations=operations,
                            workdir=workdir,
                            **common,
                        )
                    )

    print("\n=== schema fuzzing: summary ===")
    for result in results:
        print("\n".join(summary_lines(result)))
    failed = any(result.failed for result in results)
    print(f"total: {time.monotonic() - started:.0f} s; reports in {RESULTS}/")
    print(
        f"replay: .venv/bin/python -m tests.fuzz.run_schemathesis --max-examples "
        f"{args.max_examples} --seed {seed}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
