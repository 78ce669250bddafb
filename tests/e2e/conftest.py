"""Browser tests: headless Debian chromium driven by Playwright's sync API against live_server.

Playwright's sync API runs an event loop in the test thread, which Django's async-safety check
would take for async code calling the ORM; nothing here is async, so the check is switched off.
"""

import os
from pathlib import Path

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ROOT = Path(__file__).resolve().parents[2]
# Debian's chromium-headless-shell: the same Chromium build (its Blink, V8 and network stack) as
# /usr/bin/chromium without the browser's windowing layers, and the binary Playwright itself
# drives for headless runs. A new page, a navigation and an axe sweep cost a third to a half of
# the CPU they cost in the full browser (docs/benchmarks.md, "The suite, 2026-12-04"). Lighthouse
# still drives the full browser: its scores are measured as users load the pages
# (tests/audit/lighthouse_runs.py). ``E2E_CHROMIUM=/usr/bin/chromium`` runs the browser tests in
# the full browser too: CI's PostgreSQL pass does (.ci/run), so CI clicks through both.
CHROMIUM = Path(os.environ.get("E2E_CHROMIUM") or "/usr/bin/chromium-headless-shell")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
NARROWEST = {"width": 320, "height": 640}


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


def launch_chromium(playwright):
    if not CHROMIUM.exists():
        pytest.fail(
            f"The browser tests need Debian's headless Chromium at {CHROMIUM}: run `make "
            "chromium` (apt-get install chromium chromium-headless-shell).",
            pytrace=False,
        )
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """``new_page(viewport=...)``: a fresh page in its own context (no shared cookies)."""
    contexts = []

    def make(viewport=DESKTOP, **options):
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def site(live_server, shipped_data) -> str:
    """The base URL of the live server, loaded with the shipped WWC versions."""
    return live_server.url


# Only the rules that can report a serious or critical violation are run. In axe-core 4.x a rule's
# own impact is the impact of everything it reports (_finalizeRuleResult in axe.js), so a rule
# whose impact is minor or moderate could only add results that the filter below throws away;
# skipping those (28 of the 96 rules axe runs by default) takes about a sixth off each sweep.
# Rules with no impact of their own still run.
# tests/e2e/test_axe_runs_only_the_rules_that_can_fail_it.py holds it to the full run.
AXE_LOW_IMPACT_RULES = (
    "() => axe._audit.rules.filter(r => ['minor', 'moderate'].includes(r.impact)).map(r => r.id)"
)
AXE_RUN_SERIOUS_RULES = f"""async () => {{
    const low = ({AXE_LOW_IMPACT_RULES})();
    const rules = Object.fromEntries(low.map(id => [id, {{enabled: false}}]));
    return await axe.run(document, {{resultTypes: ['violations'], rules}});
}}"""


def serious_axe_violations(page) -> list[dict]:
    """axe-core's serious and critical violations on the page as it stands."""
    if not AXE.exists():
        pytest.fail(
            f"axe-core is missing ({AXE}): run `npm ci` at the repository root (`make test` "
            "does it).",
            pytrace=False,
        )
    # Evaluated through the DevTools protocol rather than added as an inline <script>, which the
    # site's Content-Security-Policy (script-src 'self') blocks, as it should.
    page.evaluate(AXE.read_text())
    results = page.evaluate(AXE_RUN_SERIOUS_RULES)
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"][:5]],
        }
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
