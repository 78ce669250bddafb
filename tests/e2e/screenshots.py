"""`make screenshots`: every public page at phone and desktop sizes in each language, as PNGs.

Starts the service under gunicorn on a throwaway SQLite database loaded with the shipped data,
visits each page in headless Debian chromium and writes full-page PNGs into screenshots/
(git-ignored): ``{page}-{language}-{phone|desktop}.png``.
"""

import sys
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.bench.server import gunicorn
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
LANGUAGES = ("en", "es", "pt-BR")
SIZES = {"phone": PHONE, "desktop": DESKTOP}


def main(argv: list[str]) -> int:
    """``make screenshots ARGS="--port 8601"`` serves on another port."""
    port = int(argv[argv.index("--port") + 1]) if "--port" in argv else PORT
    OUT.mkdir(exist_ok=True)
    written = []
    with gunicorn(port=port, workers=1) as base, sync_playwright() as playwright:
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        browser = launch_chromium(playwright)
        for size, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            for name, (path, fragment, full_page) in PAGES.items():
                for lang in LANGUAGES:
                    url = base + path.format(now=now)
                    url += ("&" if "?" in url else "?") + f"lang={lang}{fragment}"
                    page.goto(url)
                    target = OUT / f"{name}-{lang}-{size}.png"
                    page.screenshot(path=str(target), full_page=full_page)
                    written.append(target)
            context.close()
        browser.close()
    for target in written:
        print(target.relative_to(ROOT))
    print(f"{len(written)} screenshots in {OUT.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
