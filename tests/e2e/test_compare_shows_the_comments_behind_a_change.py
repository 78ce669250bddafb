"""The diff knows why, in Chromium: a reader comparing 3.0 with a draft finds, on the criterion a
response changed, the public comment behind it, follows its link to the receipt and reads there
the change the response names; both pages pass the accessibility checks."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from standard_versions.consultation.comments import submit_comment
from standard_versions.consultation.moderation import moderate_comment, respond_to_comment
from standard_versions.consultation.response_links import link_response_change
from standard_versions.consultation.tracking_ids import grouped
from standard_versions.models import Criterion
from tests.comments.conftest import make_period
from tests.e2e.conftest import DESKTOP, PHONE, serious_axe_violations
from tests.web.compare_helpers import draft_of_3_0, edit, editor

NEW_TEXT = "Your local government publishes its open data inventory every quarter."


@pytest.fixture
def comment_behind_a_change(site) -> tuple[str, str]:
    draft = draft_of_3_0(label="4.0")
    period = make_period(draft)
    now = timezone.now()
    tracking_id = submit_comment(
        period_id=period.pk, criterion_code="DM7", body="Say how often.", now=now
    ).comment.tracking_id
    moderate_comment(tracking_id=tracking_id, state="published", user=editor(), now=now)
    respond_to_comment(
        tracking_id=tracking_id,
        disposition="accepted",
        response="We now say how often.",
        user=editor(),
        now=now,
    )
    edit(draft, "DM7", description=NEW_TEXT)
    key = Criterion.objects.get(version=draft, code="DM7").key
    link_response_change(
        tracking_id=tracking_id,
        standard_slug="wwc",
        label="4.0",
        target="criterion",
        target_key=key,
        change_class="substantive",
        user=editor(),
        now=timezone.now(),
    )
    return tracking_id, key


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_reader_follows_a_change_to_the_comment_behind_it(
    site, new_page, comment_behind_a_change, viewport
):
    tracking_id, key = comment_behind_a_change
    page = new_page(viewport=viewport)
    page.goto(f"{site}/standards/wwc/compare/?from=3.0&to=4.0")
    change = page.locator(f"#change-{key}")
    expect(change.locator(".compare-comments__count")).to_have_text(
        "Changed in response to 1 public comment:"
    )
    assert serious_axe_violations(page) == []
    change.get_by_role("link", name=grouped(tracking_id)).click()
    page.wait_for_url(re.compile(rf"/comments/{tracking_id}/"))
    links = page.locator(".response-links")
    expect(links.get_by_role("heading", level=3)).to_have_text("The change made in response")
    expect(links.locator("ins").first).to_be_visible()
    assert "every quarter" in links.inner_text()
    assert serious_axe_violations(page) == []
