"""Under the Content-Security-Policy, in a real browser with no internet: no page logs a violation,
nothing is requested from another origin, and what needs script still works (Swagger UI renders
the API at /api/docs/, the admin and DRF's browsable API run their JavaScript)."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import expect

from standard_versions.management.commands.ensure_demo import ensure_demo

# Registered before any page script runs (init scripts are not subject to the page's policy).
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${where}`);
});
"""


@pytest.fixture
def offline_page(browser, site):
    """A page that records CSP violations and refuses (and records) every other origin."""
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    foreign = []
    origin = urlsplit(site).netloc

    def only_this_site(route):
        if urlsplit(route.request.url).netloc in (origin, ""):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", only_this_site)
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.problems = lambda: {
        "violations": page.evaluate("window.__csp || []"),
        "console": console,
        "foreign requests": foreign,
    }
    yield page
    context.close()


NOTHING = {"violations": [], "console": [], "foreign requests": []}


def test_the_public_pages_log_no_csp_violation(offline_page, site):
    _draft, period, _created = ensure_demo(standard_slug="wwc", now=timezone.now())
    for path in [
        "/",
        "/standards/wwc/versions/3.0/?lang=pt-BR",
        "/standards/wwc/compare/?from=2.0&to=3.0",
        f"/comment-periods/{period.pk}/",
        "/standards/wwc/versions/9.9/",
    ]:
        offline_page.goto(site + path)
        offline_page.wait_for_load_state("load")
        assert offline_page.problems() == NOTHING, path


def test_the_api_docs_render_the_api_offline_without_a_csp_violation(offline_page, site):
    offline_page.goto(f"{site}/api/docs/")
    expect(offline_page.locator(".swagger-ui .info .title")).to_contain_text("WWC Standard")
    expect(offline_page.locator(".opblock-summary-path").first).to_be_visible()
    offline_page.locator(".opblock-summary-path", has_text="/api/v1/standards/").first.click()
    expect(offline_page.get_by_role("button", name="Try it out").first).to_be_visible()
    assert offline_page.problems() == NOTHING


def test_the_admin_works_under_the_policy(offline_page, site):
    User.objects.create_superuser("root", "root@example.org", "pw-root-long-enough!")
    offline_page.goto(f"{site}/admin/")
    offline_page.get_by_label("Username").fill("root")
    offline_page.get_by_label("Password").fill("pw-root-long-enough!")
    offline_page.get_by_role("button", name="Log in").click()
    offline_page.wait_for_url(re.compile(r"/admin/$"))
    # The theme button is wired up by the admin's JavaScript (admin/js/theme.js).
    before = offline_page.evaluate("document.documentElement.dataset.theme")
    offline_page.locator("button.theme-toggle").first.click()
    assert offline_page.evaluate("document.documentElement.dataset.theme") != before
    offline_page.goto(f"{site}/admin/standard_versions/version/")
    offline_page.get_by_role("link", name=re.compile("3.0")).first.click()
    expect(offline_page.locator("#content h1")).to_contain_text("version")
    # django-simple-history's history page has a style="" attribute: why /admin/ may inline styles.
    offline_page.get_by_role("link", name="History").first.click()
    expect(offline_page.locator(".paginator")).to_be_attached()
    assert offline_page.problems() == NOTHING


def test_the_browsable_api_works_under_the_policy(offline_page, site):
    offline_page.goto(f"{site}/api/v1/standards/wwc/versions/3.0/criteria/DM7/?format=api")
    expect(offline_page.locator(".response-info")).to_contain_text("DM7")
    # The format menu is a Bootstrap dropdown: it opens only if the page's scripts ran.
    offline_page.locator(".format-selection .dropdown-toggle").first.click()
    expect(offline_page.locator(".format-selection .dropdown-menu").first).to_be_visible()
    assert offline_page.problems() == NOTHING
