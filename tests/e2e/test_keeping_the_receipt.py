"""Keeping a receipt, in Chromium, by clicking: the tracking id in groups of four, found again
through the look-up however it is written; Copy and Print with JavaScript (and neither button
without it); the printed page; the privacy page reached from the form, in three languages."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from standard_versions.consultation.comments import submit_comment
from standard_versions.management.commands.ensure_demo import ensure_demo
from tests.e2e.conftest import DESKTOP, NARROWEST, PHONE, serious_axe_violations

GROUPED = re.compile(r"^(?:[a-z2-7]{4}-){6}[a-z2-7]{2}$")


@pytest.fixture
def demo(site):
    _draft, period, _created = ensure_demo(standard_slug="wwc", now=timezone.now())
    return period


@pytest.fixture
def receipt(demo) -> str:
    comment = submit_comment(
        period_id=demo.pk, criterion_code="DM7", body="Keep this one.", now=timezone.now()
    ).comment
    return comment.tracking_id


def test_the_receipt_shows_the_id_in_groups_and_the_lookup_takes_it_back_as_written(
    site, browser, receipt
):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site}/comments/{receipt}/")
    shown = page.locator("#tracking-id").inner_text()
    assert GROUPED.match(shown) and shown.replace("-", "") == receipt
    # Without JavaScript neither button is there; the id can still be selected and copied.
    expect(page.get_by_role("button", name="Copy the tracking id")).to_have_count(0)
    expect(page.get_by_role("button", name="Print this receipt")).to_have_count(0)

    for written in (shown.upper(), " ".join(shown.split("-")), shown.replace("-", "\u2013")):
        page.get_by_role("link", name="Look up another comment").click()
        page.get_by_label("Tracking id").fill(written)
        page.get_by_role("button", name="Look up").click()
        page.wait_for_url(re.compile(rf"/comments/{receipt}/\?lang=en$"))
        assert page.locator("#tracking-id").inner_text() == shown
    context.close()


def test_copy_puts_the_grouped_id_on_the_clipboard_and_says_so(site, browser, receipt):
    context = browser.new_context(viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site}/comments/{receipt}/")
    shown = page.locator("#tracking-id").inner_text()
    page.get_by_role("button", name="Copy the tracking id").click()
    expect(page.get_by_role("status").filter(has_text="copied")).to_have_text(
        "The tracking id was copied."
    )
    assert page.evaluate("navigator.clipboard.readText()") == shown
    assert serious_axe_violations(page) == []
    context.close()


def test_print_opens_the_print_dialog_and_the_printed_page_keeps_only_what_paper_needs(
    site, new_page, receipt
):
    page = new_page(viewport=DESKTOP)
    page.goto(f"{site}/comments/{receipt}/")
    # A stand-in for the dialog, which a headless browser cannot show ("; 0": Playwright would
    # call an expression whose value is a function).
    page.evaluate("window.printed = 0; window.print = () => { window.printed += 1; }; 0")
    page.get_by_role("button", name="Print this receipt").click()
    assert page.evaluate("window.printed") == 1

    lookup_line = page.locator(".print-only")
    expect(lookup_line).to_be_hidden()
    page.emulate_media(media="print")
    expect(lookup_line).to_be_visible()
    expect(lookup_line).to_have_text(f"Look up your comment at {site}/comments/lookup/")
    expect(page.locator("#tracking-id")).to_be_visible()
    expect(page.get_by_role("button", name="Print this receipt")).to_be_hidden()
    expect(page.locator(".language-switcher")).to_be_hidden()


def test_the_form_links_to_the_privacy_page_in_the_readers_language(site, browser, demo):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site}/comment-periods/{demo.pk}/?lang=pt-BR")
    page.locator('article[id="DM7"] a.comment-link').click()
    form = page.locator('article[id="DM7"] form')
    form.get_by_role("link", name="O que é publicado e o que fica privado (privacidade)").click()
    page.wait_for_url(re.compile(r"/privacy/\?lang=pt-BR$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Privacidade: seu comentário e seus dados"
    )
    expect(page.get_by_role("heading", level=2)).to_have_count(5)
    context.close()


@pytest.mark.parametrize("lang", ["en", "es", "pt-BR"])
def test_the_privacy_page_is_accessible_and_fits_320_px(site, new_page, db, lang):
    for viewport in (NARROWEST, DESKTOP):
        page = new_page(viewport=viewport)
        page.goto(f"{site}/privacy/?lang={lang}")
        assert serious_axe_violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
