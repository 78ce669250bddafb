"""Two ways a comment used to go wrong, in Chromium, by clicking: Back then Send again stored a
second comment; an overlong paste was cut and stored. Now, JavaScript off on a 360 px phone, the
second sending gets the first receipt and an overlong comment is refused with its whole text
kept; with JavaScript on, each form's counter speaks through its own polite live region."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from standard_versions.management.commands.ensure_demo import ensure_demo
from standard_versions.models import Comment
from tests.e2e.conftest import PHONE, serious_axe_violations

NARROW_PHONE = {"width": 360, "height": 740}
NO_SCRIPT_360 = {
    "java_script_enabled": False,
    "viewport": NARROW_PHONE,
    "is_mobile": True,
    "has_touch": True,
}
RECEIPT_URL = re.compile(r"/comments/[a-z2-7]{26}/\?(?:lang=[^&]+&)?(?:received|resent)=1")
OVERLONG = "Ação é ótima.\n" + "x" * (10_001 - len("Ação é ótima.\n"))


@pytest.fixture
def demo(site):
    _draft, period, _created = ensure_demo(standard_slug="wwc", now=timezone.now())
    return period


def _open_form(page, code: str):
    page.locator(f'article[id="{code}"] a.comment-link').click()
    page.wait_for_url(re.compile(rf"comment={re.escape(code)}#comment-{re.escape(code)}$"))
    return page.locator(f'article[id="{code}"] form')


def _send(form, code: str):
    form.get_by_role("button", name=f"Send your comment on {code}").click()


def test_back_then_send_again_without_javascript_stores_one_comment_and_shows_its_receipt(
    site, browser, demo
):
    context = browser.new_context(**NO_SCRIPT_360)
    page = context.new_page()
    page.goto(f"{site}/comment-periods/{demo.pk}/")
    text = "Please say how often the data inventory is reviewed."
    form = _open_form(page, "DM7")
    form.get_by_label("Your comment").fill(text)
    _send(form, "DM7")
    page.wait_for_url(RECEIPT_URL)
    first_id = page.locator("#tracking-id").inner_text()

    page.go_back()
    page.wait_for_url(re.compile(r"comment=DM7"))
    form = page.locator('article[id="DM7"] form')
    # Whatever the browser restored, the same text goes again.
    form.get_by_label("Your comment").fill(text)
    _send(form, "DM7")
    page.wait_for_url(RECEIPT_URL)

    assert "resent=1" in page.url
    expect(page.get_by_role("heading", level=1)).to_have_text("You had already sent this comment")
    assert page.locator("#tracking-id").inner_text() == first_id
    assert Comment.objects.filter(period=demo).count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW_PHONE["width"]
    context.close()


def test_an_overlong_paste_without_javascript_is_refused_and_the_whole_text_kept(
    site, browser, demo
):
    context = browser.new_context(**NO_SCRIPT_360)
    page = context.new_page()
    page.goto(f"{site}/comment-periods/{demo.pk}/")
    form = _open_form(page, "DM7")
    form.get_by_label("Your comment").fill(OVERLONG)
    assert len(form.get_by_label("Your comment").input_value()) == 10_001  # nothing cut here
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        _send(form, "DM7")
    assert posted.value.status == 400
    page.wait_for_load_state()

    message = "The comment has 10,001 characters; the limit is 10,000."
    expect(page.locator(".error-summary").get_by_role("link", name=message)).to_be_visible()
    kept = page.locator('article[id="DM7"] form').get_by_label("Your comment")
    assert kept.input_value() == OVERLONG
    assert Comment.objects.filter(period=demo).count() == 0
    context.close()


def test_the_counter_announces_going_over_the_limit_and_back_in_the_readers_language(
    site, new_page, demo
):
    page = new_page(viewport=PHONE)
    page.goto(f"{site}/comment-periods/{demo.pk}/?lang=es")
    form = _open_form(page, "DM7")
    body = form.locator("textarea[name=body]")
    counter = page.locator("#comment-DM7-body-count")
    live = page.locator("#comment-DM7-body-count-live")
    expect(counter).to_have_text("0 de 10.000 caracteres")
    assert live.get_attribute("aria-live") == "polite"
    assert "comment-DM7-body-count" in body.get_attribute("aria-describedby")
    assert live.inner_text() == ""  # nothing said before anyone types

    body.fill(OVERLONG)
    over = "10.001 caracteres: supera el límite de 10.000. Acorte el texto antes de enviarlo."
    expect(live).to_have_text(over)
    expect(counter).to_have_text(over)
    body.fill("Corto")
    expect(live).to_have_text("5 de 10.000 caracteres")  # back under the limit, said once
    expect(counter).to_have_text("5 de 10.000 caracteres")
    # The other form on the page has its own counter.
    whole = page.locator('textarea[name="body"]:not([id="comment-DM7-body"])')
    assert whole.count() == 1
    expect(page.locator(f"#{whole.get_attribute('id')}-count")).to_have_text(
        "0 de 10.000 caracteres"
    )
    assert serious_axe_violations(page) == []


def test_the_counter_stays_quiet_while_the_text_is_well_under_the_limit(site, new_page, demo):
    page = new_page(viewport=PHONE)
    page.goto(f"{site}/comment-periods/{demo.pk}/")
    form = _open_form(page, "DM7")
    body = form.locator("textarea[name=body]")
    body.press_sequentially("Short and sweet.")
    page.wait_for_timeout(1_800)  # longer than the pause after which a near-limit count is said
    expect(page.locator("#comment-DM7-body-count")).to_have_text("16 of 10,000 characters")
    assert page.locator("#comment-DM7-body-count-live").inner_text() == ""
