"""The disposition report's charts in a real browser, JavaScript off: each is an image with a
text alternative (its title and a description that states the figures) next to a table of the
same figures, and axe-core finds nothing serious or critical on the page in any language, on a
phone and on a desktop."""

import pytest

from tests.e2e.conftest import DESKTOP, NARROWEST, PHONE, serious_axe_violations
from tests.report.conftest import report_draft, report_period  # noqa: F401 (fixtures)

PAGE = "/standards/big/versions/9.0/disposition-report/"


@pytest.fixture
def report_site(live_server, report_period) -> str:  # noqa: F811 (the fixture)
    return live_server.url


def test_each_chart_has_a_text_alternative_and_a_table(report_site, browser):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(report_site + PAGE)
    charts = page.locator("svg[role=img]")
    assert charts.count() == 3
    names = []
    for n in range(3):
        chart = charts.nth(n)
        title_id, desc_id = chart.get_attribute("aria-labelledby").split()
        title = page.locator(f"[id='{title_id}']").text_content()
        description = page.locator(f"[id='{desc_id}']").text_content()
        assert title and len(description) > 40
        names.append(title)
        # The figure holding the chart holds its table too.
        figure = page.locator("figure.report-chart").nth(n)
        assert figure.locator("table.report-figures tbody tr").count() >= 2
    assert names == [
        "Dispositions by practice area",
        "Comments over the period's days",
        "Share of campaign comments",
    ]
    # What a screen reader is given: the image's accessible name from its title and description.
    tree = page.accessibility.snapshot() if hasattr(page, "accessibility") else None
    if tree is not None:
        images = []

        def walk(node):
            if node.get("role") == "img":
                images.append(node.get("name", ""))
            for child in node.get("children", []):
                walk(child)

        walk(tree)
        assert any("Dispositions by practice area" in name for name in images)
    context.close()


def test_axe_finds_no_serious_or_critical_violations_on_the_report(report_site, new_page):
    found = {}
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport=viewport)
        for lang in ("en", "es", "pt-BR"):
            page.goto(f"{report_site}{PAGE}?lang={lang}")
            assert page.locator("svg[role=img]").count() == 3
            violations = serious_axe_violations(page)
            if violations:
                found[f"{lang} {viewport['width']}px"] = violations
    assert found == {}


def test_the_charts_fit_a_320_px_screen(report_site, new_page):
    page = new_page(viewport=NARROWEST)
    page.goto(report_site + PAGE)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROWEST["width"]
    box = page.locator("svg[role=img]").first.bounding_box()
    assert box["width"] <= NARROWEST["width"]
