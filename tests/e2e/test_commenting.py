"""Commenting in a real browser with JavaScript switched off on a phone-sized touch screen: the
form, the receipt, the look-up, the too-late refusal; axe-core on every consultation page."""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from standard_versions.consultation.comments import submit_comment
from standard_versions.management.commands.ensure_demo import ensure_demo
from standard_versions.models import CommentPeriod
from tests.e2e.conftest import DESKTOP, NARROWEST, PHONE, serious_axe_violations

NO_SCRIPT_PHONE = {
    "java_script_enabled": False,
    "viewport": PHONE,
    "is_mobile": True,
    "has_touch": True,
}
# As receipts show it: in groups of four (k5q3-w7pz-...-ne).
TRACKING_ID = re.compile(r"^(?:[a-z2-7]{4}-){6}[a-z2-7]{2}$")


@pytest.fixture
def demo(site):
    """The demo draft with its open period (as `make run` makes it), on the live server."""
    _draft, period, _created = ensure_demo(standard_slug="wwc", now=timezone.now())
    return period


def _open_form(page, code: str, *, tap: bool = False):
    """Follow the criterion's "Comment on" link: the page again, with that form open, at it."""
    link = page.locator(f'article[id="{code}"] a.comment-link')  # "Comment on DM7", "Comentar..."
    link.tap() if tap else link.click()
    page.wait_for_url(re.compile(rf"comment={re.escape(code)}#comment-{re.escape(code)}$"))
    return page.locator(f'article[id="{code}"] form')


def _write_comment(page, code: str, body: str):
    form = _open_form(page, code, tap=True)
    form.get_by_label("Your comment").fill(body)
    form.get_by_label("Technical: what the criterion asks of cities").check()
    form.get_by_label("Email").fill("commenter@example.org")
    return form


def test_a_phone_without_javascript_comments_gets_a_receipt_and_looks_it_up(site, browser, demo):
    context = browser.new_context(**NO_SCRIPT_PHONE)
    page = context.new_page()
    page.goto(f"{site}/comment-periods/{demo.pk}/")
    form = _write_comment(page, "DM7", "Please say how often the inventory is reviewed.")
    form.get_by_role("button", name="Send your comment on DM7").tap()

    page.wait_for_url(re.compile(r"/comments/[a-z2-7]{26}/"))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Thank you")
    shown_id = page.locator("#tracking-id").inner_text()
    assert TRACKING_ID.match(shown_id)
    tracking_id = shown_id.replace("-", "")
    assert "commenter@example.org" not in page.content()
    assert "Please say how often the inventory is reviewed." in page.content()

    page.get_by_role("link", name="Look up another comment").tap()
    page.get_by_label("Tracking id").fill(tracking_id.upper())
    page.get_by_role("button", name="Look up").tap()
    page.wait_for_url(re.compile(rf"/comments/{tracking_id}/"))
    assert page.locator("#tracking-id").inner_text() == shown_id
    assert page.get_by_role("heading", level=1).inner_text() == "Receipt for your comment"
    context.close()


def test_a_form_sent_after_the_period_closed_is_refused_as_too_late(site, browser, demo):
    context = browser.new_context(**NO_SCRIPT_PHONE)
    page = context.new_page()
    page.goto(f"{site}/comment-periods/{demo.pk}/")
    form = _write_comment(page, "DM7", "Written while it was open, sent too late.")
    now = timezone.now()
    CommentPeriod.objects.filter(pk=demo.pk).update(
        opens_at=now - dt.timedelta(days=1), closes_at=now - dt.timedelta(seconds=1)
    )
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        form.get_by_role("button", name="Send your comment on DM7").tap()
    assert posted.value.status == 403
    page.wait_for_load_state()
    expect(
        page.get_by_role("heading", name="Too late: this comment period has closed")
    ).to_be_visible()
    assert "Written while it was open, sent too late." in page.content()
    assert page.locator("form[method=post]").count() == 0
    assert demo.comments.count() == 0
    context.close()


@pytest.fixture
def pages(site, demo) -> dict[str, str]:
    """Every consultation page: open and closed periods, a receipt, the look-up, the report."""
    call_command("load_comment_periods", stdout=open("/dev/null", "w"))
    closed = CommentPeriod.objects.get(version__label="3.0")
    receipt = submit_comment(
        period_id=demo.pk,
        criterion_code="DM7",
        body="A comment for the receipt page.",
        now=timezone.now(),
    ).comment
    return {
        "open period": f"/comment-periods/{demo.pk}/",
        "closed period": f"/comment-periods/{closed.pk}/",
        "receipt": f"/comments/{receipt.tracking_id}/?received=1",
        "lookup": "/comments/lookup/",
        "lookup, unknown id": "/comments/lookup/?tracking_id=unknown",
        "disposition report": "/standards/wwc/versions/3.0/disposition-report/",
    }


def test_axe_finds_nothing_serious_on_the_consultation_pages_at_phone_and_desktop_sizes(
    site, new_page, pages
):
    found = {}
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport=viewport)
        for name, path in pages.items():
            for lang in ("en", "es"):
                separator = "&" if "?" in path else "?"
                page.goto(f"{site}{path}{separator}lang={lang}")
                if name == "open period":
                    # Open two forms, so their fields are checked too.
                    _open_form(page, "DM7")
                    page.locator(".whole-version summary").click()
                violations = serious_axe_violations(page)
                if violations:
                    found[f"{name} {lang} {viewport['width']}px"] = violations
    assert found == {}


def test_a_form_with_errors_is_accessible_and_its_summary_links_to_the_field(site, new_page, demo):
    page = new_page(viewport=PHONE)
    page.goto(f"{site}/comment-periods/{demo.pk}/")
    form = _open_form(page, "DM7")
    form.get_by_label("Your comment").fill("   ")  # passes `required`, refused by the service
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        form.get_by_role("button", name="Send your comment on DM7").click()
    assert posted.value.status == 400
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    expect(summary.get_by_role("link", name="The comment is empty.")).to_be_visible()
    summary.get_by_role("link", name="The comment is empty.").click()
    assert page.evaluate("document.activeElement.id") == "comment-DM7-body"
    assert serious_axe_violations(page) == []


def test_the_consultation_pages_fit_320_px_without_horizontal_scrolling(site, new_page, pages):
    page = new_page(viewport=NARROWEST)
    widths = {}
    for name, path in pages.items():
        page.goto(site + path)
        if name == "open period":
            _open_form(page, "DM7")
        widths[name] = page.evaluate("document.documentElement.scrollWidth")
    assert {name: w for name, w in widths.items() if w > NARROWEST["width"]} == {}
