"""Accessibility in a real browser: axe-core finds nothing serious or critical, every page fits a
320 px screen without horizontal scrolling, and keyboard focus is visible."""

import pytest

from tests.e2e.conftest import DESKTOP, NARROWEST, PHONE, serious_axe_violations

PAGES = {
    "home": "/",
    "version 3.0": "/standards/wwc/versions/3.0/",
    "version 2.0": "/standards/wwc/versions/2.0/",
    "not found": "/standards/wwc/versions/9.9/",
}


LANGUAGES = ["en", "es", "pt-BR"]


# One test per page (the shipped data is loaded once per test), every language and viewport in it.
@pytest.mark.parametrize("name", sorted(PAGES))
def test_axe_finds_no_serious_or_critical_violations(site, new_page, name):
    found = {}
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport=viewport)
        for lang in LANGUAGES:
            page.goto(f"{site}{PAGES[name]}?lang={lang}")
            violations = serious_axe_violations(page)
            if violations:
                found[f"{lang} {viewport['width']}px"] = violations
    assert found == {}


def test_every_page_fits_320_px_without_horizontal_scrolling(site, new_page):
    page = new_page(viewport=NARROWEST)
    widths = {}
    for name, path in PAGES.items():
        page.goto(site + path)
        widths[name] = page.evaluate("document.documentElement.scrollWidth")
        assert serious_axe_violations(page) == [], name
    too_wide = {name: width for name, width in widths.items() if width > NARROWEST["width"]}
    assert too_wide == {}


def _focus_style(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {tag: el.tagName, cls: el.className, text: el.textContent.trim(),
                    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
                    visible: box.width > 0 && box.height > 0 && box.bottom > 0
                             && box.top < window.innerHeight};
        }"""
    )


def test_keyboard_focus_is_visible_from_the_skip_link_through_the_header_links(site, new_page):
    page = new_page(viewport=PHONE)
    page.goto(site + PAGES["version 3.0"])

    page.keyboard.press("Tab")
    skip = _focus_style(page)
    assert skip["cls"] == "skip-link"
    assert skip["visible"], "the skip link appears when focused"
    assert skip["outlineStyle"] == "solid" and skip["outlineWidth"] >= 2

    for _ in range(4):  # site name, then the three languages
        page.keyboard.press("Tab")
        focused = _focus_style(page)
        assert focused["tag"] == "A"
        assert focused["visible"]
        assert focused["outlineStyle"] == "solid" and focused["outlineWidth"] >= 2, focused


def test_the_skip_link_moves_focus_to_the_main_content(site, new_page):
    page = new_page(viewport=PHONE)
    page.goto(site + PAGES["version 3.0"])
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    focused = _focus_style(page)
    assert focused["tag"] == "A"
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)")


def test_printing_hides_navigation_and_keeps_the_criteria(site, new_page):
    page = new_page()
    page.goto(site + PAGES["version 3.0"])
    page.emulate_media(media="print")
    assert not page.get_by_role("navigation", name="Language").is_visible()
    assert not page.locator("nav.toc").is_visible()
    assert page.locator("#DM7").is_visible()
    assert page.locator("#provenance").is_visible()
