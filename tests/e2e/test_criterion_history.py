"""A criterion's history page in a real browser: reached from the version page by clicking, with
its versions and a redline; accessible in every language at phone and desktop sizes."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from standard_versions.standards import criteria as criterion_services
from standard_versions.standards import drafts as draft_services
from standard_versions.standards.selectors import version_get
from tests.e2e.conftest import DESKTOP, NARROWEST, PHONE, serious_axe_violations

NO_SCRIPT_PHONE = {
    "java_script_enabled": False,
    "viewport": PHONE,
    "is_mobile": True,
    "has_touch": True,
}


@pytest.fixture
def reworded(site, shipped_translations):
    """Draft 4.0 of 3.0 (translations carried) in which DM1 is renumbered DM10 and reworded."""
    editor = get_user_model().objects.create(username="ana")
    now = timezone.now()
    draft = draft_services.create_draft(
        based_on=version_get(standard_slug="wwc", label="3.0"),
        label="4.0",
        title="Draft 4.0",
        user=editor,
        reason="Next revision",
        now=now - dt.timedelta(hours=1),
    )
    criterion_services.update_criterion(
        version=draft,
        code="DM1",
        new_code="DM10",
        description="Your local government maintains a published list of data strategy and "
        "governance responsibilities and meets at least monthly to carry them out.",
        user=editor,
        reason="Cities asked for a monthly cadence",
        now=now,
    )
    return draft


def test_from_the_version_page_a_reader_opens_a_criterions_history_and_sees_the_redline(
    site, browser, reworded
):
    context = browser.new_context(**NO_SCRIPT_PHONE)
    page = context.new_page()
    page.goto(f"{site}/standards/wwc/versions/4.0/")
    page.locator('article[id="DM10"]').get_by_role("link", name="History of DM10", exact=True).tap()
    page.wait_for_url(re.compile(r"/standards/wwc/criteria/dm1/$"))

    expect(page.get_by_role("heading", level=1)).to_contain_text("DM10")
    versions = page.get_by_role("navigation", name="Versions").get_by_role("link")
    expect(versions).to_have_text(["Version 2.0: DM1", "Version 3.0: DM1", "Version 4.0: DM10"])

    versions.last.tap()
    latest = page.locator('section[id="version-4.0"]')
    expect(latest.get_by_text("Renumbered: DM1 is now DM10.").first).to_be_visible()
    inserted = latest.locator("article ins", has_text="published").first
    deleted = latest.locator("article del", has_text="documented").first
    expect(inserted).to_be_visible()
    expect(deleted).to_be_visible()
    assert "underline" in inserted.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert "line-through" in deleted.evaluate("el => getComputedStyle(el).textDecorationLine")
    expect(latest.get_by_text("Cities asked for a monthly cadence")).to_be_visible()
    context.close()


def test_axe_finds_nothing_serious_on_the_history_page_in_any_language_or_size(
    site, new_page, reworded
):
    found = {}
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport=viewport)
        for lang in ("en", "es", "pt-BR"):
            for path in ("/standards/wwc/criteria/dm1/", "/standards/wwc/criteria/nope/"):
                page.goto(f"{site}{path}?lang={lang}")
                violations = serious_axe_violations(page)
                if violations:
                    found[f"{path} {lang} {viewport['width']}px"] = violations
    assert found == {}


def test_the_history_page_fits_320_px_without_horizontal_scrolling(site, new_page, reworded):
    page = new_page(viewport=NARROWEST)
    page.goto(f"{site}/standards/wwc/criteria/dm1/?lang=pt-BR")
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROWEST["width"]
