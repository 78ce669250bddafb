"""Lighthouse runs for ``make audit`` (tests/audit/run_audits.py): one runner process for every
page, at most two scored runs a page (the better performance counts), and the audits that cost
points, each with the elements it names."""

import contextlib
import json
import os
import select
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.fuzz.server import ROOT

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "core" / "index.js"
RUNNER = Path(__file__).with_name("lighthouse.mjs")
CHROME_PATH = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--no-sandbox --disable-gpu --headless=new --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
THRESHOLDS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_RUNS = 2  # per page: a second run only when the first misses a threshold
# Runs whose trace Lighthouse failed to record (NO_NAVSTART, NO_FCP on a busy machine) say nothing
# about the page: up to this many are run again, on top of MAX_RUNS.
MAX_RECORDING_FAILURES = 2
RUN_TIMEOUT = 90  # seconds for one Lighthouse run
# A Lighthouse run is not started with less time left than this (it would only be stopped).
MIN_RUN_SECONDS = 20


@dataclass
class LighthouseResult:
    name: str
    url: str
    scores: dict[str, int | None] = field(default_factory=dict)
    runs: list[dict[str, int | None]] = field(default_factory=list)
    failing: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    error: str = ""
    # The CPU slowdown of the last scored run and the host's benchmark index it was chosen for
    # (tests/audit/lighthouse.mjs: Lighthouse's 4x, or less on a host slower than it assumes).
    cpu: str = ""

    @property
    def failed(self) -> bool:
        return bool(self.error) or bool(below_thresholds(self.scores))


def below_thresholds(scores: dict[str, int | None]) -> list[str]:
    return [
        category
        for category, minimum in THRESHOLDS.items()
        if scores.get(category) is None or scores[category] < minimum
    ]


class LighthouseRunner:
    """tests/audit/lighthouse.mjs: one Lighthouse process for every run (a fresh Chrome each),
    fed one URL at a time; restarted after a run that timed out. Its messages go to
    audit-results/lighthouse.log."""

    def __init__(self, log_path: Path):
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.stop()

    def _start(self) -> subprocess.Popen:
        env = {**os.environ, "CHROME_PATH": CHROME_PATH, "AUDIT_CHROME_FLAGS": CHROME_FLAGS}
        with open(self.log_path, "a") as log:
            return subprocess.Popen(
                ["node", str(RUNNER)],
                cwd=ROOT,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
            )

    def run(self, url: str, output: Path, timeout: float) -> str:
        """Audit ``url`` into ``output``; return an error message, or "" on success."""
        if self.process is None or self.process.poll() is not None:
            self.process = self._start()
        self.process.stdin.write(json.dumps({"url": url, "output": str(output)}) + "\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            self.stop()
            if not ready:
                return f"stopped after {timeout:.0f} s"
            return f"the Lighthouse runner exited; see {self.log_path.relative_to(ROOT)}"
        return json.loads(line)["error"]

    def stop(self) -> None:
        if self.process is None:
            return
        process, self.process = self.process, None
        with contextlib.suppress(OSError):
            process.stdin.close()  # the runner's loop ends
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.terminate()  # a run still going: the runner closes Chrome on SIGTERM
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def run_lighthouse(
    runner: LighthouseRunner,
    base: str,
    name: str,
    path: str,
    workdir: Path,
    deadline: float,
    *,
    results: Path,
) -> LighthouseResult:
    """At most MAX_RUNS scored Lighthouse runs of one page (and up to MAX_RECORDING_FAILURES more
    for runs it failed to record); the scored run with the better performance counts (the other
    categories do not vary from run to run). Each report is copied into ``results``."""
    url = base + path
    result = LighthouseResult(name=name, url=url)
    attempt = recording_failures = 0
    while len(result.runs) < MAX_RUNS and recording_failures <= MAX_RECORDING_FAILURES:
        attempt += 1
        timeout = min(RUN_TIMEOUT, deadline - time.monotonic())
        if timeout < MIN_RUN_SECONDS:
            result.error = result.error or "not run: the time budget is spent"
            break
        report_path = workdir / f"{name}-{attempt}.json"
        started = time.monotonic()
        error = runner.run(url, report_path, timeout)
        result.seconds.append(time.monotonic() - started)
        if report_path.exists():
            shutil.copy(report_path, results / report_path.name)
        if error or not report_path.exists():
            # A trace Lighthouse failed to record is not a score: the page is run again.
            result.error = f"run {attempt}: {(error or 'no report')[:600]}"
            recording_failures += 1
            continue
        report = json.loads(report_path.read_text())
        scores = {
            category: None
            if report["categories"][category]["score"] is None
            else round(report["categories"][category]["score"] * 100)
            for category in CATEGORIES
        }
        result.runs.append(scores)
        multiplier = report.get("configSettings", {}).get("throttling", {})
        index = report.get("environment", {}).get("benchmarkIndex")
        if "cpuSlowdownMultiplier" in multiplier and index is not None:
            result.cpu = (
                f"; cpu {multiplier['cpuSlowdownMultiplier']:.1f}x for host index {index:.0f}"
            )
        result.error = ""
        if not result.scores or (scores["performance"] or 0) > (result.scores["performance"] or 0):
            result.scores = scores
            result.failing = failing_audits(report)
        # Only the performance score is noisy: a second run only for it.
        if below_thresholds(result.scores) != ["performance"]:
            break
    return result


def failing_audits(report: dict) -> list[str]:
    """The audits that cost points: every failed one in accessibility, best practices and SEO;
    in performance, the metrics below 0.9 and the failed audits with a weight."""
    lines = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            score = audit.get("score")
            if score is None or audit.get("scoreDisplayMode") in ("notApplicable", "manual"):
                continue
            if category == "performance":
                if ref.get("weight", 0) == 0 or score >= 0.9:
                    continue
            elif score >= 1:
                continue
            shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            lines.append(f"{category}: {audit['title']}{shown} [{ref['id']}]")
            for item in (audit.get("details") or {}).get("items", [])[:5]:
                if where := item_location(item):
                    lines.append(f"      {str(where)[:200]}")
    return lines


def item_location(item: dict) -> str:
    """What one item of an audit's details names: an element, a URL or a description."""
    for key in ("node", "sourceLocation", "source"):
        value = item.get(key)
        if isinstance(value, dict):
            found = value.get("selector") or value.get("snippet") or value.get("url")
            if found:
                return str(found)
    for key in ("url", "description", "label"):
        if isinstance(item.get(key), str):
            return item[key]
    return ""


def format_scores(result: LighthouseResult) -> str:
    scores = " ".join(f"{c} {result.scores.get(c, '-')}" for c in CATEGORIES)
    runs = ""
    if len(result.runs) > 1:
        runs = f" (performance runs: {', '.join(str(r['performance']) for r in result.runs)})"
    verdict = "FAIL" if result.failed else "ok"
    seconds = "+".join(f"{s:.0f}" for s in result.seconds)
    return f"{verdict:4} {result.name:24} {scores}{runs} [{seconds} s{result.cpu}]"
