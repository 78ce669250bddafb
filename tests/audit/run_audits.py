"""``make audit`` (part of ``make test``): Lighthouse and the Nu Html Checker on the public pages,
served as production serves them.

The server is the schema fuzzer's (``tests/fuzz/server.py``): gunicorn with DEBUG off on a scratch
database loaded with the shipped data and the demo consultation. Then:

- **Lighthouse** (npm ``lighthouse``, pinned in package-lock.json, driving Debian's
  ``/usr/bin/chromium``; no browser is downloaded) with its default mobile profile and throttling,
  on the home, version, compare and both consultation pages (the demo's open period and the
  closed 2022 one), in English and in Spanish (in CI; English only on a developer's machine,
  ``--languages en,es`` for both). Each page must score performance >= 95 and 100 in
  accessibility, best practices and SEO. The performance score is noisy on a loaded machine: a
  page below the threshold is run once more and the better score counts (at most two runs).
- **The Nu Html Checker** (npm ``vnu-jar``, run with ``java``) on the fetched HTML of every public
  page (those above, the point-in-time view, the receipt of a comment sent through the API first,
  the look-up page, the disposition report, the 404 page, and the privacy and criterion history
  pages when they exist) in all three languages: any error fails.

It prints each page's scores and the failing audits (with the elements they name), then every
validator error, and exits 1 on any failure. The whole run is bounded by ``--budget`` seconds
(default 300): what has not run by then fails. The Lighthouse JSON reports, the fetched HTML and
the server's log are kept in ``audit-results/``.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path

from tests.audit.lighthouse_runs import (
    CHROME_PATH,
    LIGHTHOUSE,
    LighthouseResult,
    LighthouseRunner,
    format_scores,
    run_lighthouse,
)
from tests.fuzz.server import ROOT, gunicorn, load_shipped_data, scratch_database, server_env

RESULTS = ROOT / "audit-results"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Lighthouse in English and one other language in CI (CI=true); in English only on a developer's
# machine, to keep `make test` quick (the Spanish pages are the same templates; every language is
# validated by vnu everywhere). --languages sets either.
CI_LIGHTHOUSE_LANGUAGES = ("en", "es")
LIGHTHOUSE_LANGUAGES = CI_LIGHTHOUSE_LANGUAGES if os.environ.get("CI") else ("en",)
VNU_LANGUAGES = ("en", "es", "pt-BR")
# About 2.5 minutes on a quiet 2-core machine (setup 20 s, the validator 15 s, Lighthouse 11 s a
# run), nearer 4 when other work loads it; a run still going at the bound is stopped and fails.
DEFAULT_BUDGET_SECONDS = 300
# The version whose criterion history page (when there is one) and point-in-time view are checked.
VERSION = "/standards/wwc/versions/3.0/"


def with_lang(path: str, lang: str) -> str:
    """``path`` with its ``lang`` parameter (added, or replaced when there is one)."""
    parts = urllib.parse.urlsplit(path)
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    query = [(k, v) for k, v in query if k != "lang"] + [("lang", lang)]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def get(url: str) -> tuple[int, str]:
    """Status and body of a GET (an error status is returned, not raised)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def get_json(url: str) -> dict:
    status, body = get(url)
    if status != 200:
        raise RuntimeError(f"GET {url}: {status}")
    return json.loads(body)


def submit_comment(base: str, period_id: str) -> str:
    """Send a comment to the demo period through the API; return its tracking id."""
    request = urllib.request.Request(
        f"{base}/api/v1/comment-periods/{period_id}/comments/",
        data=json.dumps(
            {"criterion": "DM7", "body": "Please say how often the inventory is reviewed."}
        ).encode(),
        headers={"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["tracking_id"]


def consultation_paths(base: str) -> dict[str, str]:
    """The open demo period's page and the closed 2022 period's, found through the API."""
    periods = get_json(f"{base}/api/v1/comment-periods/?page_size=100")["results"]
    open_periods = [p for p in periods if p["status"] == "open"]
    closed = [p for p in periods if p["status"] == "closed"]
    closed_2022 = [p for p in closed if "2022" in json.dumps(p)] or closed
    if not open_periods or not closed_2022:
        raise RuntimeError("the demo's open period or the 2022 closed period is missing")
    return {
        "consultation-open": f"/comment-periods/{open_periods[0]['id']}/",
        "consultation-closed": f"/comment-periods/{closed_2022[0]['id']}/",
    }


def criterion_history_path(base: str) -> str | None:
    """The criterion history page (``/standards/{std}/criteria/{key}/``) when the version page
    links to one: the first criterion's."""
    _, html = get(base + VERSION)
    for href in re.findall(r'href="([^"]+)"', html):
        if re.match(r"/standards/[^/]+/criteria/[^/]+/", href):
            return href.replace("&amp;", "&")
    return None


@dataclass
class Document:
    """One fetched page for the validator: what was asked, the status expected and received."""

    label: str
    expected: int
    status: int
    html: str


def fetch_pages(base: str, paths: dict[str, tuple[str, int]]) -> dict[str, Document]:
    """GET each ``name: (path, expected status)``."""
    documents = {}
    for name, (path, expected) in paths.items():
        status, html = get(base + path)
        documents[name] = Document(f"{name} ({path})", expected, status, html)
    return documents


class _FormFields(HTMLParser):
    """The first POST form of a page: its action and hidden fields."""

    def __init__(self):
        super().__init__()
        self.action: str | None = None
        self.fields: dict[str, str] = {}
        self._inside = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and self.action is None and attributes.get("method") == "post":
            self.action, self._inside = attributes.get("action") or "", True
        elif tag == "input" and self._inside and attributes.get("type") == "hidden":
            self.fields[attributes.get("name") or ""] = attributes.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._inside = False


def fetch_form_pages(base: str, page_path: str, lang: str) -> dict[str, Document]:
    """The consultation form's answers: with errors (an empty comment, 400), the neutral page of a
    filled honeypot (200) and the page for a missing CSRF token (403). Nothing is stored."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    with opener.open(base + with_lang(page_path, lang), timeout=30) as response:
        form = _FormFields()
        form.feed(response.read().decode("utf-8"))
    if form.action is None:
        return {}
    action = urllib.parse.urljoin(base + page_path, form.action)
    cases = {
        "form-with-errors": ({**form.fields, "body": " "}, 400, opener),
        "form-honeypot": ({**form.fields, "body": "Hello", "website": "x"}, 200, opener),
        "form-csrf-failure": ({**form.fields, "body": "Hello"}, 403, urllib.request.build_opener()),
    }
    documents = {}
    for name, (fields, expected, client) in cases.items():
        request = urllib.request.Request(action, data=urllib.parse.urlencode(fields).encode())
        try:
            with client.open(request, timeout=30) as response:
                status, html = response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            status, html = error.code, error.read().decode("utf-8")
        label = f"{name}-{lang} (POST {page_path})"
        documents[f"{name}-{lang}"] = Document(label, expected, status, html)
    return documents


def run_vnu(documents: dict[str, Document], workdir: Path, timeout: float) -> list[str]:
    """Validate every document in one vnu run; return the errors (and unexpected statuses)."""
    html_dir = workdir / "html"
    html_dir.mkdir()
    problems = []
    labels = {}
    for name, document in documents.items():
        if document.status != document.expected:
            expected, status = document.expected, document.status
            problems.append(f"{document.label}: answered {status}, not {expected}")
        (html_dir / f"{name}.html").write_text(document.html, encoding="utf-8")
        labels[f"{name}.html"] = document.label
    shutil.copytree(html_dir, RESULTS / "html", dirs_exist_ok=True)
    if timeout <= 5:
        return [*problems, "vnu: not run, the time budget is spent"]
    # One short run: the JVM's first compiler tier is enough, and spares the optimising compiler's
    # threads (3.7 CPU-s for the 72 pages, against 1.7 so); that tier needs the larger stack vnu
    # asks for ("requires a java thread stack size of at least 512k").
    command = ["java", "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(VNU)]
    command += ["--errors-only", "--format", "json"]
    command += sorted(str(html_dir / name) for name in labels)
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return [*problems, f"vnu: stopped after {timeout:.0f} s"]
    try:
        messages = json.loads(completed.stderr or completed.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        return [*problems, f"vnu exited {completed.returncode}: {completed.stderr[-800:]}"]
    for message in messages:
        url = message.get("url", "?")  # file:/tmp/.../name.html
        page = labels.get(url.rsplit("/", 1)[-1], url)
        line = message.get("lastLine", "?")
        extract = " ".join(message.get("extract", "").split())[:160]
        problems.append(f"{page} line {line}: {message['message']}\n      {extract}")
    return problems


def check_tools() -> list[str]:
    missing = []
    if not LIGHTHOUSE.exists() or not VNU.exists():
        missing.append("npm packages: run `make axe` (npm ci) to install lighthouse and vnu-jar")
    if not Path(CHROME_PATH).exists():
        missing.append(f"{CHROME_PATH}: install Debian's chromium (`make chromium`)")
    if not shutil.which("java"):
        missing.append("java: install a Java runtime 11+ (apt-get install default-jre-headless)")
    if not shutil.which("node"):
        missing.append("node: install Node.js 18+")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--budget",
        type=float,
        default=DEFAULT_BUDGET_SECONDS,
        help="seconds for the whole run, setup included (default: %(default)s)",
    )
    parser.add_argument(
        "--only", default="", help="comma-separated page names for Lighthouse (default: all)"
    )
    parser.add_argument(
        "--languages",
        default=",".join(LIGHTHOUSE_LANGUAGES),
        help="comma-separated languages for Lighthouse (default: en,es in CI, en elsewhere)",
    )
    parser.add_argument(
        "--skip-lighthouse", action="store_true", help="only the Nu Html Checker (a quick check)"
    )
    args = parser.parse_args(argv)
    missing = check_tools()
    if missing:
        print("audit: cannot run:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    deadline = started + args.budget
    RESULTS.mkdir(exist_ok=True)
    lighthouse_results: list[LighthouseResult] = []
    with tempfile.TemporaryDirectory(prefix="audit-run-") as directory:
        workdir = Path(directory)
        # The fuzzer's server on SQLite always: the pages, not the database, are audited here.
        with scratch_database(None) as database_url:
            print("audit: loading the shipped data into a scratch SQLite database", flush=True)
            env = server_env(database_url)
            load_shipped_data(env)
            with gunicorn(env, log_path=RESULTS / "server.log") as base:
                print(f"audit: gunicorn at {base} (DEBUG=0), {elapsed(started)}", flush=True)
                consultation = consultation_paths(base)
                tracking_id = submit_comment(base, consultation["consultation-open"].split("/")[2])
                audited = {
                    "home": "/",
                    "version": VERSION,
                    "compare": "/standards/wwc/compare/?from=2.0&to=3.0",
                    **consultation,
                }
                validated = {
                    **{name: (path, 200) for name, path in audited.items()},
                    "version-as-of": (f"{VERSION}?as_of=2030-01-01", 200),
                    "version-as-of-invalid": (f"{VERSION}?as_of=not-a-date", 400),
                    "compare-form": ("/standards/wwc/compare/", 200),
                    "compare-unknown": ("/standards/wwc/compare/?from=2.0&to=9.9", 404),
                    "receipt": (f"/comments/{tracking_id}/", 200),
                    "receipt-received": (f"/comments/{tracking_id}/?received=1", 200),
                    "lookup": ("/comments/lookup/", 200),
                    "lookup-unknown": ("/comments/lookup/?tracking_id=zzzz-zzzz", 404),
                    "disposition-report": (f"{VERSION}disposition-report/", 200),
                    "not-found": ("/standards/wwc/versions/9.9/", 404),
                    "subscribe": ("/subscribe/?standard=wwc", 200),
                    "subscribe-sent": ("/subscribe/sent/", 200),
                    "confirm-invalid": ("/subscriptions/confirm/not-a-token/", 400),
                    "unsubscribe-invalid": ("/unsubscribe/not-a-token/", 400),
                }
                # The privacy page when there is one (an error is reported, not skipped).
                if get(base + "/privacy/")[0] != 404:
                    validated["privacy"] = ("/privacy/", 200)
                history = criterion_history_path(base)
                if history:
                    validated["criterion-history"] = (history, 200)
                documents = fetch_pages(
                    base,
                    {
                        f"{name}-{lang}": (with_lang(path, lang), expected)
                        for name, (path, expected) in validated.items()
                        for lang in VNU_LANGUAGES
                    },
                )
                for lang in VNU_LANGUAGES:
                    documents |= fetch_form_pages(base, consultation["consultation-open"], lang)
                print(f"audit: the Nu Html Checker on {len(documents)} pages", flush=True)
                # First (about 15 s): then the Lighthouse runs have the rest of the budget.
                vnu_errors = run_vnu(documents, workdir, deadline - time.monotonic())
                print(f"audit: {len(vnu_errors)} validator errors, {elapsed(started)}", flush=True)

                only = {name for name in args.only.split(",") if name}
                with LighthouseRunner(RESULTS / "lighthouse.log") as runner:
                    for lang in () if args.skip_lighthouse else args.languages.split(","):
                        for name, path in audited.items():
                            if only and name not in only:
                                continue
                            result = run_lighthouse(
                                runner,
                                base,
                                f"{name}-{lang}",
                                with_lang(path, lang),
                                workdir,
                                deadline,
                                results=RESULTS,
                            )
                            lighthouse_results.append(result)
                            print(f"  {format_scores(result)}", flush=True)

    print("\n=== Lighthouse (mobile; performance >= 95, the others 100) ===")
    for result in lighthouse_results:
        print(format_scores(result))
        if result.failed:
            if result.error:
                print(f"    error: {result.error}")
            for line in result.failing:
                print(f"    {line}")
    print(f"\n=== Nu Html Checker: {len(vnu_errors)} errors on {len(documents)} pages ===")
    for error in vnu_errors:
        print(f"  {error}")
    failed_pages = [result.name for result in lighthouse_results if result.failed]
    print(
        f"\naudit: {len(lighthouse_results) - len(failed_pages)}/{len(lighthouse_results)} "
        f"Lighthouse pages pass, {len(vnu_errors)} validator errors, "
        f"{time.monotonic() - started:.0f} s; reports in {RESULTS.relative_to(ROOT)}/"
    )
    if failed_pages:
        print(f"audit: FAILED Lighthouse: {', '.join(failed_pages)}")
    if vnu_errors:
        print("audit: FAILED the Nu Html Checker")
    return 1 if failed_pages or vnu_errors else 0


def elapsed(started: float) -> str:
    return f"at {time.monotonic() - started:.0f} s"


if __name__ == "__main__":
    sys.exit(main())
