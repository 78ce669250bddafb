"""A Spanish or Portuguese reader who clicks through to the demo consultation (as `make run` sets
it up) reads the demo's own name and its DEMO warning in their language, never "3.0"; on the
2022 period's page the instructions are in their language too."""

import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from standard_versions.management.commands.ensure_demo import DEMO_TRANSLATIONS, ensure_demo
from tests.e2e.conftest import PHONE

SWITCHER_NAME = {"es": "Español", "pt-BR": "Português (Brasil)"}
COMMENT_ON_DEMO = {"es": "Comente la versión demo", "pt-BR": "Comente a versão demo"}
WARNING = {"es": "Esto es una demostración.", "pt-BR": "Isto é uma demonstração."}
INSTRUCTIONS_2022 = {
    "es": "What Works Cities publicó el borrador",
    "pt-BR": "A What Works Cities divulgou o rascunho",
}


class _Sink:
    def write(self, *args):
        pass

    def flush(self):
        pass


@pytest.fixture
def demo(site, shipped_translations):
    """The shipped translations, periods and the demo, in `make run`'s order."""
    call_command("load_comment_periods", stdout=_Sink())
    _draft, period, _created = ensure_demo(standard_slug="wwc", now=timezone.now())
    return period


def _open_in(page, site: str, language: str):
    page.goto(site + "/")
    page.locator("nav.language-switcher").get_by_role("link", name=SWITCHER_NAME[language]).click()
    page.wait_for_url(re.compile(rf"[?&]lang={re.escape(language)}(&|$)"))


@pytest.mark.parametrize("language", ["es", "pt-BR"])
def test_the_demo_consultation_names_itself_and_warns_in_the_readers_language(
    site, new_page, demo, language
):
    page = new_page(viewport=PHONE, locale="en-US")
    _open_in(page, site, language)
    with page.expect_navigation():
        page.locator(f'main a[href="/comment-periods/{demo.pk}/"]').first.click()

    header = page.locator("header.page-header")
    assert header.locator("p.lead").inner_text() == DEMO_TRANSLATIONS[language]["title"]
    assert "DEMO" in header.inner_text()
    assert "3.0" not in page.locator("main").inner_text()
    assert WARNING[language] in page.locator("main").inner_text()
    assert page.locator(".note--stale, .note--missing").count() == 0
    assert COMMENT_ON_DEMO[language] in page.locator("h1").inner_text()


@pytest.mark.parametrize("language", ["es", "pt-BR"])
def test_the_2022_period_page_gives_its_instructions_in_the_readers_language(
    site, new_page, demo, language
):
    page = new_page(viewport=PHONE, locale="en-US")
    _open_in(page, site, language)
    period = demo.__class__.objects.get(reference="wwc-3.0-2022")
    page.goto(f"{site}/comment-periods/{period.pk}/")
    main = page.locator("main").inner_text()
    assert INSTRUCTIONS_2022[language] in main
    assert "This period is recorded for history" not in main
    assert page.locator(".note--missing").count() == 0
