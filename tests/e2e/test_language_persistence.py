"""A reader on an English browser chooses Spanish (or Portuguese) once, on the home page, and every
page they then reach by clicking speaks it: a version, the comparison, a criterion, the
consultation, the receipt of the comment they send, the look-up; choosing English again sticks."""

import re

import pytest
from django.utils import timezone

from standard_versions.management.commands.ensure_demo import ensure_demo
from tests.e2e.conftest import DESKTOP

# Visible text of every page (the footer's first link), in each language.
FOOTER_LINK = {
    "en": "All standards and versions",
    "es": "Todos los estándares y versiones",
    "pt-BR": "Todos os padrões e versões",
}
SWITCHER_NAME = {"en": "English", "es": "Español", "pt-BR": "Português (Brasil)"}


@pytest.fixture
def demo(site):
    _draft, period, _created = ensure_demo(standard_slug="wwc", now=timezone.now())
    return period


def _assert_speaks(page, language: str, where: str):
    assert page.locator("html").get_attribute("lang") == language, where
    footer = page.locator("footer").inner_text()
    assert FOOTER_LINK[language] in footer, where
    current = page.locator('nav.language-switcher a[aria-current="true"]')
    assert current.get_attribute("hreflang") == language, where


def _choose(page, language: str):
    page.locator("nav.language-switcher").get_by_role("link", name=SWITCHER_NAME[language]).click()
    page.wait_for_url(re.compile(rf"[?&]lang={re.escape(language)}(&|$)"))


def _click(page, selector: str):
    with page.expect_navigation():
        page.locator(selector).first.click()


@pytest.mark.parametrize("language", ["es", "pt-BR"])
def test_a_chosen_language_is_kept_on_every_page_reached_by_clicking(
    site, new_page, demo, language
):
    page = new_page(viewport=DESKTOP, locale="en-US")
    page.goto(site + "/")
    _assert_speaks(page, "en", "the home page before choosing")

    _choose(page, language)
    _assert_speaks(page, language, "the home page after choosing")

    _click(page, 'main a[href="/standards/wwc/versions/3.0/"]')
    assert "lang=" not in page.url
    _assert_speaks(page, language, "a version")

    _click(page, 'main a[href*="/standards/wwc/compare/?"]')
    assert "/compare/" in page.url
    _assert_speaks(page, language, "the comparison")

    _click(page, "main .criterion__links a")
    assert re.search(r"/versions/3\.0/#", page.url)
    _assert_speaks(page, language, "a criterion")

    _click(page, "a.site-name")
    _click(page, f'main a[href="/comment-periods/{demo.pk}/"]')
    _assert_speaks(page, language, "the consultation")

    article = page.locator('article[id="DM7"]')
    # "Comment on DM7" opens the page again with DM7's form (test_consultation_contents.py).
    article.locator("a.comment-link").click()
    page.wait_for_url(re.compile(r"comment=DM7#comment-DM7$"))
    form = article.locator("form")
    form.locator('textarea[name="body"]').fill("Un comentario en mi idioma.")
    form.locator('input[name="type"][value="general"]').check()
    with page.expect_navigation(url=re.compile(r"/comments/[a-z2-7]{26}/")):
        form.locator('button[type="submit"]').click()
    _assert_speaks(page, language, "the receipt")
    # Shown in groups for reading aloud ("abcd-efgh-..."); the address has it whole.
    shown_id = page.locator("#tracking-id").inner_text()
    tracking_id = re.sub(r"[^a-z0-9]", "", shown_id.lower())

    _click(page, 'main a[href^="/comments/lookup/"]')
    _assert_speaks(page, language, "the look-up")
    page.locator('input[name="tracking_id"]').fill(shown_id)
    with page.expect_navigation(url=re.compile(rf"/comments/{tracking_id}/")):
        page.locator('main form button[type="submit"]').click()
    _assert_speaks(page, language, "the receipt found by the look-up")

    # Choosing English again sticks, even on pages the browser has kept in the other language.
    _choose(page, "en")
    _assert_speaks(page, "en", "the receipt after choosing English")
    _click(page, "a.site-name")
    _assert_speaks(page, "en", "the home page after choosing English")
    _click(page, 'main a[href="/standards/wwc/versions/3.0/"]')
    _assert_speaks(page, "en", "the version after choosing English")
