"""The 42-criterion consultation page on a phone: its contents lead to each criterion and back,
with JavaScript off, and the page stays light (one form, not forty-three)."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from standard_versions.management.commands.ensure_demo import ensure_demo
from tests.e2e.conftest import PHONE

NO_SCRIPT_PHONE = {
    "java_script_enabled": False,
    "viewport": PHONE,
    "is_mobile": True,
    "has_touch": True,
}


@pytest.fixture
def demo_page(site, browser):
    _draft, period, _created = ensure_demo(standard_slug="wwc", now=timezone.now())
    context = browser.new_context(**NO_SCRIPT_PHONE)
    page = context.new_page()
    page.goto(f"{site}/comment-periods/{period.pk}/")
    yield page
    context.close()


def _in_view(page, selector: str) -> bool:
    return page.evaluate(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            // A fraction of a pixel above the top still counts as scrolled to.
            return box.top > -2 && box.top < window.innerHeight;
        }""",
        selector,
    )


def test_a_contents_link_lands_on_its_criterion_and_back_to_contents_returns(demo_page):
    page = demo_page
    contents = page.get_by_role("navigation", name="Contents")
    contents.get_by_role("link", name=re.compile(r"^DM7 ")).tap()
    page.wait_for_url(re.compile(r"#DM7$"))
    assert page.evaluate("document.querySelector(':target').id") == "DM7"
    assert _in_view(page, 'article[id="DM7"]')
    assert not _in_view(page, "#contents")

    page.locator('article[id="DM7"]').get_by_role("link", name="Back to contents").tap()
    page.wait_for_url(re.compile(r"#contents$"))
    assert _in_view(page, "#contents")
    assert not _in_view(page, 'article[id="DM7"]')


def test_a_practice_area_link_lands_on_its_section(demo_page):
    page = demo_page
    page.get_by_role("navigation", name="Contents").locator('a[href^="#area-"]').last.tap()
    target = page.evaluate("document.querySelector(':target').id")
    assert target.startswith("area-")
    assert _in_view(page, f'[id="{target}"]')


def test_the_contents_list_every_criterion_with_its_published_comments(demo_page):
    contents = demo_page.get_by_role("navigation", name="Contents")
    criteria = contents.locator(".contents__criteria > li")
    expect(criteria).to_have_count(42)
    expect(criteria.first).to_contain_text("published comments")


def test_the_page_carries_one_form_until_a_criterions_form_is_asked_for(demo_page):
    page = demo_page
    elements = page.evaluate("document.getElementsByTagName('*').length")
    assert page.locator("form[method=post]").count() == 1
    assert elements < 1200, elements
    page.locator('article[id="DM7"]').get_by_role("link", name="Comment on DM7").tap()
    page.wait_for_url(re.compile(r"comment=DM7#comment-DM7$"))
    assert page.locator("form[method=post]").count() == 2
    assert _in_view(page, "#comment-DM7")
    expect(page.locator("#comment-DM7-form").get_by_label("Your comment")).to_be_visible()
