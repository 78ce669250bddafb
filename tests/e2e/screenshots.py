"""`make screenshots`: every public page at phone and desktop sizes in each language, as PNGs.

Starts the service under gunicorn on a throwaway SQLite database loaded with the shipped data,
visits each page in headless Debian chromium and writes full-page PNGs into screenshots/
(git-ignored): ``{page}-{language}-{phone|desktop}.png``.
"""

import sys
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
}
LANGUAGES = ("en", "es", "pt-BR")
SIZES = {"phone": PHONE, "desktop": DESKTOP}


def main(argv: list[str]) -> int:
    OUT.mkdir(exist_ok=True)
    written = []
    with gunicorn(port=PORT, workers=1) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for size, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            for name, (path, fragment, full_page) in PAGES.items():
                for lang in LANGUAGES:
                    page.goto(f"{base}{path}?lang={lang}{fragment}")
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
