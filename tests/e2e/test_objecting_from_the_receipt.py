"""Objecting to a response in a real browser with JavaScript switched off: the comment sent from
the form, the receipt it lands on (its URL carries the answer key), the response published by
staff, then the objection typed and sent from the receipt's plain form, and recorded on the page;
axe-core on the receipt with its answer form and after."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from standard_versions.consultation.moderation import moderate_comment, respond_to_comment
from standard_versions.management.commands.ensure_demo import ensure_demo
from standard_versions.models import CommenterAnswer
from tests.e2e.conftest import PHONE, serious_axe_violations

NO_SCRIPT_PHONE = {"java_script_enabled": False, "viewport": PHONE}


@pytest.fixture(autouse=True)
def _generous_throttle(settings):
    settings.COMMENT_THROTTLE_RATE = "100000/min"


@pytest.fixture
def demo(site):
    _draft, period, _created = ensure_demo(standard_slug="wwc", now=timezone.now())
    return period


def _send_a_comment(page, site, period) -> str:
    page.goto(f"{site}/comment-periods/{period.pk}/")
    page.locator('article[id="DM7"] a.comment-link').click()
    page.wait_for_url(re.compile(r"comment=DM7#comment-DM7$"))
    form = page.locator('article[id="DM7"] form')
    form.get_by_label("Your comment").fill("Please say how often the inventory is reviewed.")
    form.get_by_role("button", name="Send your comment on DM7").click()
    page.wait_for_url(re.compile(r"/comments/[a-z2-7]{26}/\?lang=en&received=1&key="))
    return re.search(r"/comments/([a-z2-7]{26})/", page.url).group(1)


def test_a_commenter_objects_from_the_receipt_without_javascript(site, browser, demo):
    context = browser.new_context(**NO_SCRIPT_PHONE)
    page = context.new_page()
    tracking_id = _send_a_comment(page, site, demo)
    receipt_with_key = page.url
    # No response yet: nothing to answer.
    expect(page.locator("#answer-form")).to_have_count(0)

    now = timezone.now()
    moderate_comment(tracking_id=tracking_id, state="published", user=None, now=now)
    respond_to_comment(
        tracking_id=tracking_id,
        disposition="accepted",
        response="We will say it in the next draft.",
        user=None,
        now=now,
    )
    page.goto(receipt_with_key)
    expect(page.locator("#answer-status")).to_contain_text("until")
    form = page.locator("#answer-form")
    expect(form).to_be_visible()

    # An objection without its text is refused on the page; the choice is kept.
    form.get_by_label("I object to the response").check()
    form.get_by_role("button", name="Send my answer").click()
    expect(page.locator("#answer-error")).to_contain_text("Say why you object to the response.")
    expect(page.get_by_label("I object to the response")).to_be_checked()
    assert serious_axe_violations_without_script(browser, page.url, page.content()) == []

    page.get_by_label("Why you object").fill("It does not say how often, only that it will.")
    page.get_by_role("button", name="Send my answer").click()
    page.wait_for_url(re.compile(rf"/comments/{tracking_id}/\?.*answered=1"))
    expect(page.get_by_role("status").filter(has_text="recorded")).to_have_text(
        "Thank you: your answer was recorded."
    )
    expect(page.locator("#answer-status")).to_contain_text("objected to the response")
    expect(page.locator("#answer-form")).to_have_count(0)
    answer = CommenterAnswer.objects.get(comment__tracking_id=tracking_id)
    assert (answer.kind, answer.text) == (
        "objected",
        "It does not say how often, only that it will.",
    )
    context.close()

    # The same page, checked by axe in a browser that runs scripts (axe is one).
    checker = browser.new_context(viewport=PHONE)
    checked = checker.new_page()
    checked.goto(page.url)
    assert serious_axe_violations(checked) == []
    checker.close()


def serious_axe_violations_without_script(browser, url: str, html: str) -> list[dict]:
    """axe on the refused form as the no-script browser showed it (the HTML of a POST's answer
    cannot be fetched again by URL): the same markup, in a context that runs axe."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.route(url, lambda route: route.fulfill(status=200, body=html, content_type="text/html"))
    page.goto(url)
    found = serious_axe_violations(page)
    context.close()
    return found
