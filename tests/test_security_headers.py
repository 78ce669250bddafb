"""Every page is sent with a Content-Security-Policy that runs no inline or foreign script, tells
other sites nothing through Referer and forbids MIME sniffing. Public pages and the API docs allow
no inline style either; only the Django admin and DRF's browsable API, which ship inline styles,
may use them."""

import pytest
from django.contrib.auth.models import User

from tests.comments.conftest import make_period
from tests.factories import build_version

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = {
    "home": "/",
    "version": "/standards/wwc/versions/3.0/",
    "compare": "/standards/wwc/compare/?from=2.0&to=3.0",
    "not found": "/standards/wwc/versions/9.9/",
    "API docs": "/api/docs/",
    "API docs script": "/api/docs/?script=",
}
THIRD_PARTY_PAGES = {
    "admin index": "/admin/",
    "admin change list": "/admin/standard_versions/version/",
    "browsable API": "/api/v1/standards/wwc/versions/3.0/criteria/DM7/",
}


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


@pytest.fixture
def get(client, shipped_data):
    """GET as a signed-in superuser (so the admin pages render) and as a browser (HTML)."""
    client.force_login(User.objects.create_superuser("root", password="pw-root-long-enough!"))

    def get(path):
        response = client.get(path, HTTP_ACCEPT="text/html")
        assert response.status_code in (200, 404), (path, response.status_code)
        return response

    return get


@pytest.mark.parametrize("name", sorted(PUBLIC_PAGES | THIRD_PARTY_PAGES))
def test_every_page_runs_only_this_sites_script_files(get, name):
    found = policy(get((PUBLIC_PAGES | THIRD_PARTY_PAGES)[name]))
    assert found["script-src"] == ["'self'"]
    assert found["default-src"] == ["'self'"]
    assert found["object-src"] == ["'none'"]
    assert found["base-uri"] == ["'none'"]
    assert found["form-action"] == ["'self'"]
    assert found["frame-ancestors"] == ["'none'"]
    assert not any("'unsafe-eval'" in sources for sources in found.values())


@pytest.mark.parametrize("name", sorted(PUBLIC_PAGES))
def test_public_pages_and_the_api_docs_allow_no_inline_style(get, name):
    assert policy(get(PUBLIC_PAGES[name]))["style-src"] == ["'self'"]


@pytest.mark.parametrize("name", sorted(THIRD_PARTY_PAGES))
def test_the_admin_and_the_browsable_api_may_use_inline_style_but_never_inline_script(get, name):
    found = policy(get(THIRD_PARTY_PAGES[name]))
    assert found["style-src"] == ["'self'", "'unsafe-inline'"]
    assert found["script-src"] == ["'self'"]


@pytest.mark.parametrize("name", sorted(PUBLIC_PAGES | THIRD_PARTY_PAGES))
def test_every_page_sends_no_referrer_to_other_sites_and_forbids_mime_sniffing(get, name):
    response = get((PUBLIC_PAGES | THIRD_PARTY_PAGES)[name])
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_pages_whose_html_is_cached_carry_no_nonce_in_body_or_policy(client, shipped_data):
    draft = build_version(standard_slug="big", label="9.0", criteria=4, areas=2, status="draft")
    period = make_period(draft)
    for path in ("/standards/wwc/versions/3.0/", f"/comment-periods/{period.pk}/"):
        first, second = client.get(path), client.get(path)
        assert first.status_code == second.status_code == 200, path
        for response in (first, second):
            assert "nonce" not in response["Content-Security-Policy"], path
            assert b"nonce" not in response.content, path
