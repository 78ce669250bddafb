"""Reading the Standard in a real browser: the switcher, <html lang>, anchors."""

from django.test import RequestFactory

from standard_versions.http.language import response_language
from tests.e2e.conftest import PHONE

VERSION = "/standards/wwc/versions/3.0/"
LANGUAGES = [("en", "English"), ("es", "Español"), ("pt-BR", "Português (Brasil)")]


def _served_language(code: str) -> str:
    """The language the server answers ``?lang=code`` with (English until translations merge)."""
    return response_language(RequestFactory().get("/", {"lang": code}))


def test_a_reader_switches_language_and_stays_on_the_version_page(site, new_page):
    page = new_page(viewport=PHONE)
    page.goto(site + VERSION)
    # Round trip through every language, starting and ending in English.
    for code, name in [*LANGUAGES[1:], LANGUAGES[0]]:
        _switch(page, site, code, name)


def _switch(page, site, code, name):
    # The switcher's label is in the page's language ("Language", "Idioma").
    switcher = page.locator("nav.language-switcher")
    # Through /language/, which remembers the choice, back to the same page in that language.
    target = f"{site}{VERSION}?lang={code}"
    with page.expect_response(lambda r: r.url == target) as response_info:
        switcher.get_by_role("link", name=name).click()
    response = response_info.value
    assert response.status == 200

    assert page.url == target
    served = _served_language(code)
    assert response.headers["content-language"] == served
    assert page.locator("html").get_attribute("lang") == served
    current = switcher.locator('a[aria-current="true"]')
    assert current.get_attribute("hreflang") == served
    for other_code, other_name in LANGUAGES:
        link = switcher.get_by_role("link", name=other_name)
        assert link.get_attribute("lang") == other_code
    assert page.locator("article.criterion").count() == 42
    assert page.locator("article.criterion--core").count() == 3


def test_a_criterion_anchor_scrolls_to_the_criterion(site, new_page):
    page = new_page(viewport=PHONE)
    page.goto(f"{site}{VERSION}#DM7")
    assert page.evaluate("document.querySelector(':target').id") == "DM7"
    top = page.evaluate("document.getElementById('DM7').getBoundingClientRect().top")
    assert 0 <= top < PHONE["height"] / 2
    heading = page.locator("#DM7 h3")
    assert heading.is_visible()
    assert "DM7" in heading.inner_text()


def test_the_contents_and_core_criteria_links_lead_to_their_anchors(site, new_page):
    page = new_page()
    page.goto(site + VERSION)
    page.locator("#requirements").get_by_role("link", name="LC1").first.click()
    assert page.url.endswith("#LC1")
    assert page.evaluate("document.querySelector(':target').id") == "LC1"


def test_the_home_page_leads_to_each_version(site, new_page):
    page = new_page(viewport=PHONE)
    page.goto(site + "/")
    page.get_by_role("heading", name="Version 2.0").get_by_role("link").click()
    assert page.url == f"{site}/standards/wwc/versions/2.0/"
    assert page.locator("h1").inner_text().startswith("What Works Cities")
