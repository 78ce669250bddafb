"""A reader follows links from the home page to the 2022 comment period in each language: its
deadline reads "April 27" (the last day it accepted comments), never "April 28", and its calendar
file, downloaded by clicking, has the same deadline."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.ics import parse_ics, prop, unescape

SWITCHER = {"en": "English", "es": "Español", "pt-BR": "Português (Brasil)"}
VERSION_LINK = {"en": "Version 3.0", "es": "Versión 3.0", "pt-BR": "Versão 3.0"}
PERIOD_LINK = {
    "en": "Public comment on version 3.0",
    "es": "Consulta pública sobre la versión 3.0",
    "pt-BR": "Consulta pública sobre a versão 3.0",
}
DEADLINE = {
    "en": "until the end of Wednesday, April 27, 2022, New York time",
    "es": "hasta el final del miércoles, 27 de abril de 2022, hora de Nueva York",
    "pt-BR": "até o fim de quarta-feira, 27 de abril de 2022, horário de Nova York",
}
THE_28TH = {"en": "April 28", "es": "28 de abril", "pt-BR": "28 de abril"}


@pytest.fixture
def site_with_2022(site) -> str:
    call_command("load_comment_periods", stdout=open("/dev/null", "w"))
    return site


@pytest.mark.parametrize("lang", ["en", "es", "pt-BR"])
def test_the_2022_deadline_reads_april_27_from_the_first_click(new_page, site_with_2022, lang):
    page = new_page(java_script_enabled=False, accept_downloads=True)
    page.goto(f"{site_with_2022}/")
    page.get_by_role("link", name=SWITCHER[lang], exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.get_by_role("link", name=VERSION_LINK[lang], exact=True).first.click()
    page.locator('a[href*="/disposition-report/"]').first.click()

    report = page.locator("main").inner_text()
    assert DEADLINE[lang] in report
    assert THE_28TH[lang] not in report

    page.get_by_role("link", name=PERIOD_LINK[lang], exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/comment-periods/\d+/"))
    expect(page.locator("html")).to_have_attribute("lang", lang)
    header = page.locator("header.page-header").inner_text()
    assert DEADLINE[lang] in header
    assert THE_28TH[lang] not in page.locator("main").inner_text()

    with page.expect_download() as download_info:
        page.locator('a[href*="calendar.ics"]').click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    (calendar,) = parse_ics(open(download.path(), "rb").read())
    (event,) = calendar["children"]
    assert prop(event, "DTEND") == "20220428T040000Z"
    assert DEADLINE[lang] in unescape(prop(event, "DESCRIPTION"))
