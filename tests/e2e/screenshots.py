"""`make screenshots`: every public page at phone and desktop sizes in each language, as PNGs.

Starts the service under gunicorn on a throwaway SQLite database loaded with the shipped data, the
shipped 2022 comment period and the demo draft with its open period (as `make run` does), visits
each page in headless Debian chromium and writes full-page PNGs into screenshots/ (git-ignored):
``{page}-{language}-{phone|desktop}.png``.

Then it signs in to the admin as a staff user it creates on that database and clicks through a
whole consultation (tests/e2e/admin_walkthrough.py: a draft, an edit, a comment period, comments,
moderation, extending and closing early, responses, the disposition report, publishing), at
desktop size, in English, writing ``screenshots/admin/NN-step.png``, the files docs/operations.md
refers to. ``--admin-only`` takes only those.
"""

import json
import secrets
import shutil
import sys
import tempfile
import urllib.request
import uuid
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from playwright.sync_api import sync_playwright

from tests.bench.server import bench_env, gunicorn, manage
from tests.e2e.admin_walkthrough import Walkthrough, walk_through
from tests.e2e.conftest import DESKTOP, PHONE, launch_chromium

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "screenshots"
PORT = 8553

# name: (path, fragment, whole page or only what the reader first sees)
PAGES = {
    "home": ("/", "", True),
    "version-3.0": ("/standards/wwc/versions/3.0/", "", True),
    "version-3.0-first-screen": ("/standards/wwc/versions/3.0/", "", False),
    "version-3.0-at-DM7": ("/standards/wwc/versions/3.0/", "#DM7", False),
    "version-2.0": ("/standards/wwc/versions/2.0/", "", True),
    "not-found": ("/standards/wwc/versions/9.9/", "", True),
    "compare-2.0-3.0": ("/standards/wwc/compare/?from=2.0&to=3.0", "", True),
    "compare-2.0-3.0-first-screen": ("/standards/wwc/compare/?from=2.0&to=3.0", "", False),
    "compare-form": ("/standards/wwc/compare/", "", True),
    "compare-unknown-version": ("/standards/wwc/compare/?from=2.0&to=9.9", "", True),
    # The point-in-time view: 3.0 as stored when the screenshots start (loaded just before).
    "version-3.0-as-of": ("/standards/wwc/versions/3.0/?as_of={now}", "", False),
}


# Added once the demo period and a comment exist (their ids are known only then).
def consultation_pages(base: str) -> dict[str, tuple[str, str, bool]]:
    periods = json.load(urllib.request.urlopen(f"{base}/api/v1/comment-periods/?status=open"))
    demo = periods["results"][0]["id"]
    closed = json.load(urllib.request.urlopen(f"{base}/api/v1/comment-periods/?status=closed"))
    request = urllib.request.Request(
        f"{base}/api/v1/comment-periods/{demo}/comments/",
        data=json.dumps(
            {"criterion": "DM7", "body": "Please say how often the inventory is reviewed."}
        ).encode(),
        headers={"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())},
    )
    tracking_id = json.load(urllib.request.urlopen(request))["tracking_id"]
    return {
        "consultation-open": (f"/comment-periods/{demo}/", "", True),
        "consultation-open-first-screen": (f"/comment-periods/{demo}/", "", False),
        # DM7's "Comment on DM7" link: the page with its form open, at the form.
        "consultation-open-form-open": (
            f"/comment-periods/{demo}/?comment=DM7",
            "#comment-DM7",
            False,
        ),
        "consultation-closed": (f"/comment-periods/{closed['results'][0]['id']}/", "", True),
        "receipt": (f"/comments/{tracking_id}/", "", True),
        "lookup": ("/comments/lookup/", "", True),
        "disposition-report": ("/standards/wwc/versions/3.0/disposition-report/", "", True),
    }


LANGUAGES = ("en", "es", "pt-BR")
SIZES = {"phone": PHONE, "desktop": DESKTOP}
STAFF_USER = "screenshots-staff"


def public_pages(browser, base: str) -> list[Path]:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    pages = {**PAGES, **consultation_pages(base)}
    written = []
    for size, viewport in SIZES.items():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for name, (path, fragment, full_page) in pages.items():
            for lang in LANGUAGES:
                url = base + path.format(now=now)
                url += ("&" if "?" in url else "?") + f"lang={lang}{fragment}"
                page.goto(url)
                target = OUT / f"{name}-{lang}-{size}.png"
                page.screenshot(path=str(target), full_page=full_page)
                written.append(target)
        context.close()
    return written


def admin_walkthrough(browser, base: str, *, password: str) -> list[Path]:
    """The consultation of docs/operations.md clicked through the admin, one PNG per step."""
    (OUT / "admin").mkdir(exist_ok=True)
    written = []
    # English, whatever the machine's locale: the doc quotes the English labels.
    context = browser.new_context(viewport=DESKTOP, locale="en-US")
    page = context.new_page()

    def shoot(name: str, full_page: bool) -> None:
        target = OUT / "admin" / f"{name}.png"
        page.screenshot(path=str(target), full_page=full_page)
        written.append(target)

    today = datetime.now(ZoneInfo("America/New_York")).date()
    walk_through(
        Walkthrough(page=page, base=base, shoot=shoot),
        username=STAFF_USER,
        password=password,
        today=today,
    )
    context.close()
    return written


def main(argv: list[str]) -> int:
    """``make screenshots ARGS="--port 8601"`` (or ``--port=8601``) serves on another port;
    ``ARGS=--admin-only`` takes only the admin walkthrough."""
    port = PORT
    for index, arg in enumerate(argv):
        if arg.startswith("--port="):
            port = int(arg.split("=", 1)[1])
        elif arg == "--port":
            port = int(argv[index + 1])
    admin_only = "--admin-only" in argv
    OUT.mkdir(exist_ok=True)
    written = []
    tmp = tempfile.mkdtemp(prefix="screenshots-")
    password = secrets.token_urlsafe(16)
    env = bench_env(
        f"sqlite:///{tmp}/screenshots.sqlite3",
        DJANGO_SUPERUSER_USERNAME=STAFF_USER,
        DJANGO_SUPERUSER_EMAIL="staff@example.org",
        DJANGO_SUPERUSER_PASSWORD=password,
    )
    for command in (
        "migrate --noinput",
        "load_standard",
        "import_translations standard_versions/data/translations",
        "load_comment_periods",
        "ensure_demo",
        "createsuperuser --noinput",
    ):
        manage(env, *command.split())
    with gunicorn(port=port, workers=1, env=env) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        if not admin_only:
            written += public_pages(browser, base)
        # Last: it publishes a new version, which changes the public pages above.
        written += admin_walkthrough(browser, base, password=password)
        browser.close()
    shutil.rmtree(tmp, ignore_errors=True)
    for target in written:
        print(target.relative_to(ROOT))
    print(f"{len(written)} screenshots in {OUT.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
