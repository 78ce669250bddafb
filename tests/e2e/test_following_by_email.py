"""Following a standard by email, in Chromium, by clicking, in Spanish and without JavaScript:
from the version page to the form, the confirmation mail's link and its button, a mail when the
demo's comment period is extended, and its unsubscribe link and button; then no more mail."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from standard_versions.consultation.periods import extend_period
from standard_versions.management.commands.ensure_demo import ensure_demo
from standard_versions.notifications import outbox
from tests.e2e.conftest import PHONE, serious_axe_violations


def es(message: str) -> str:
    with translation.override("es"):
        return gettext(message)


def deliver() -> None:
    """What the worker does: fan the outbox out and send what is due (to Django's test mailbox)."""
    now = timezone.now()
    outbox.fan_out(now=now)
    outbox.send_claimed(outbox.claim(now=now), clock=timezone.now)


def link_in(message, path: str) -> str:
    (found,) = set(re.findall(rf"https?://[^\s\"<>]+{path}[^\s\"<>]+", message.body))
    return found


@pytest.fixture
def demo(site, settings):
    # Links in mail are absolute, from PUBLIC_BASE_URL: here, the live server.
    settings.PUBLIC_BASE_URL = site
    _draft, period, _created = ensure_demo(standard_slug="wwc", now=timezone.now())
    return period


def test_a_reader_follows_a_standard_confirms_gets_mail_in_spanish_and_leaves(site, browser, demo):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site}/standards/wwc/versions/3.0/?lang=es")
    page.get_by_role("link", name=es("Follow this standard by email")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(es("Follow by email"))
    page.get_by_label(es("Email address")).fill("Lector@Example.org")
    page.get_by_role("button", name=es("Subscribe")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(es("Check your mail"))

    deliver()
    (confirmation,) = mail.outbox
    assert confirmation.to == ["lector@example.org"]
    page.goto(link_in(confirmation, "/subscriptions/confirm/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(es("Confirm your subscription"))
    page.get_by_role("button", name=es("Confirm")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(es("Subscription confirmed"))

    now = timezone.now()
    extend_period(
        period_id=demo.pk,
        closes_at=demo.closes_at + dt.timedelta(days=7),
        user=None,
        reason="Más tiempo",
        now=now,
    )
    deliver()
    news = mail.outbox[1]
    assert news.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Más tiempo" in news.body
    page.goto(link_in(news, "/unsubscribe/(?!all/)"))  # this one, not every one
    page.get_by_role("button", name=es("Unsubscribe")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(es("You are unsubscribed"))

    extend_period(
        period_id=demo.pk,
        closes_at=demo.closes_at + dt.timedelta(days=9),
        user=None,
        reason="Aún más",
        now=timezone.now(),
    )
    deliver()
    assert len(mail.outbox) == 2
    context.close()


def test_the_subscription_pages_have_no_serious_accessibility_violations(site, new_page, demo):
    page = new_page(viewport=PHONE)
    page.goto(f"{site}/subscribe/?standard=wwc&lang=pt-br")
    assert serious_axe_violations(page) == []
    page.get_by_role("button").filter(has_text=re.compile(".")).last.click()  # sent empty
    expect(page.get_by_role("alert")).to_be_visible()
    assert serious_axe_violations(page) == []
    page.get_by_label(re.compile("mail", re.IGNORECASE)).first.fill("leitora@example.org")
    page.locator("form button[type=submit]").click()
    deliver()
    page.goto(link_in(mail.outbox[0], "/subscriptions/confirm/"))
    assert serious_axe_violations(page) == []
