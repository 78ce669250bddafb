"""Comparing versions in a real browser: the form (no JavaScript needed), the redline, and the
accessibility checks of the compare page and the point-in-time view."""

import pytest

from tests.e2e.conftest import DESKTOP, NARROWEST, PHONE, serious_axe_violations
from tests.web.compare_helpers import draft_of_3_0, edit

ADDED_IN_3_0 = {"DM7", "DM8", "DM9", "EVAL4", "OD2", "SI2", "SI3"}


@pytest.mark.parametrize(
    ("lang", "from_label", "to_label", "button", "heading"),
    [
        ("en", "From version", "To version", "Compare", "Changes from version 2.0 to version 3.0"),
        (
            "es",
            "Desde la versión",
            "Hasta la versión",
            "Comparar",
            "Cambios de la versión 2.0 a la versión 3.0",
        ),
        (
            "pt-BR",
            "Da versão",
            "Até a versão",
            "Comparar",
            "Alterações da versão 2.0 para a versão 3.0",
        ),
    ],
)
def test_a_reader_compares_2_0_and_3_0_through_the_form(
    site, new_page, lang, from_label, to_label, button, heading
):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto(f"{site}/standards/wwc/compare/?lang={lang}")
    page.get_by_label(from_label).select_option("2.0")
    page.get_by_label(to_label).select_option("3.0")
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()

    assert "from=2.0" in page.url and "to=3.0" in page.url and f"lang={lang}" in page.url
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == heading
    added = page.locator("article.redline--added")
    assert added.count() == 7
    codes = {added.nth(i).locator("h4 .code").inner_text() for i in range(7)}
    assert codes == ADDED_IN_3_0
    assert page.locator("#requirements li").count() == 5


def test_the_redline_marks_words_and_names_them_for_screen_readers(site, new_page):
    draft = draft_of_3_0()
    edit(draft, "DM7", new_code="DM10", title="Qualitative and Community Data Practices")
    page = new_page()
    page.goto(f"{site}/standards/wwc/compare/?from=3.0&to=4.0")
    heading = page.locator("article.redline--changed h4")
    assert heading.locator("del").first.text_content() == "[removed: DM7]"
    assert heading.locator("ins").first.text_content() == "[added: DM10]"
    # Sighted readers see the lines, not the hidden words.
    style = page.evaluate(
        """() => {
            const ins = document.querySelector('article ins');
            const del = document.querySelector('article del');
            return [getComputedStyle(ins).textDecorationLine,
                    getComputedStyle(del).textDecorationLine];
        }"""
    )
    assert style == ["underline", "line-through"]
    assert heading.locator("ins .visually-hidden").first.bounding_box()["width"] <= 1


PAGES = {
    "compare 2.0 to 3.0": "/standards/wwc/compare/?from=2.0&to=3.0",
    "compare with a redline": "/standards/wwc/compare/?from=3.0&to=4.0",
    "compare form": "/standards/wwc/compare/",
    "compare error": "/standards/wwc/compare/?from=2.0&to=9.9",
    "version as of": "/standards/wwc/versions/4.0/?as_of=2100-01-01",
    "as of error": "/standards/wwc/versions/4.0/?as_of=nonsense",
}


@pytest.fixture
def redline_site(site):
    draft = draft_of_3_0()
    edit(
        draft,
        "DM7",
        new_code="DM10",
        title="Qualitative and Community Data Practices",
        description="Your local government has a published strategy to collect input.",
    )
    return site


def test_axe_finds_no_serious_or_critical_violations_on_the_compare_pages(redline_site, new_page):
    found = {}
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport=viewport)
        for name, path in PAGES.items():
            for lang in ("en", "es", "pt-BR"):
                page.goto(f"{redline_site}{path}&lang={lang}".replace("/&", "/?"))
                violations = serious_axe_violations(page)
                if violations:
                    found[f"{name} {lang} {viewport['width']}px"] = violations
    assert found == {}


def test_the_compare_pages_fit_320_px_without_horizontal_scrolling(redline_site, new_page):
    page = new_page(viewport=NARROWEST)
    widths = {}
    for name, path in PAGES.items():
        page.goto(redline_site + path)
        widths[name] = page.evaluate("document.documentElement.scrollWidth")
    assert {name: w for name, w in widths.items() if w > NARROWEST["width"]} == {}
