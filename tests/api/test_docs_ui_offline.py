"""/api/docs/ works without internet: the Swagger UI page loads only this site's own static files
(drf-spectacular-sidecar, pinned in pyproject.toml) and has no inline script or style, so it runs
under the site's Content-Security-Policy."""

from urllib.parse import urlsplit

import pytest

from tests.inline_code import PageCode

pytestmark = pytest.mark.django_db


def _assets(client) -> PageCode:
    response = client.get("/api/docs/")
    assert response.status_code == 200
    return PageCode(response.content.decode())


def test_the_docs_page_loads_only_same_origin_assets(client):
    urls = _assets(client).loads
    assert urls, "the page loads Swagger UI from somewhere"
    elsewhere = [url for url in urls if urlsplit(url).netloc or not url.startswith("/")]
    assert elsewhere == []
    assert any(url.endswith("/swagger-ui-bundle.js") for url in urls)
    assert all(url.startswith(("/static/", "/api/docs/")) for url in urls), urls


def test_every_asset_of_the_docs_page_is_served(client):
    for url in _assets(client).loads:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response) if response.streaming else response.content
        assert body, url
        response.close()


def test_the_docs_page_has_no_inline_script_or_style(client):
    assert _assets(client).inline == []


def test_the_docs_init_script_is_javascript_that_points_at_the_schema(client):
    response = client.get("/api/docs/?script=")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert '"/api/schema/"' in response.content.decode()
