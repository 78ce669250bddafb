"""/api/docs/ works without internet: the Swagger UI page loads only this site's own static files
(drf-spectacular-sidecar, pinned in pyproject.toml) and has no inline script or style, so it runs
under the site's Content-Security-Policy."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db


class _Assets(HTMLParser):
    """Every URL the page loads (script src, link href) and every inline script or style."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.inline: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.urls.append(attributes["src"])
        elif tag in ("script", "style"):
            self._open = tag
        elif tag == "link" and attributes.get("href"):
            self.urls.append(attributes["href"])
        if any(name.startswith("on") for name in attributes) or "style" in attributes:
            self.inline.append(f"<{tag}> attribute")

    def handle_data(self, data):
        if self._open and data.strip():
            self.inline.append(f"<{self._open}>{data.strip()[:60]}")

    def handle_endtag(self, tag):
        self._open = None


def _assets(client) -> _Assets:
    response = client.get("/api/docs/")
    assert response.status_code == 200
    parser = _Assets()
    parser.feed(response.content.decode())
    return parser


def test_the_docs_page_loads_only_same_origin_assets(client):
    urls = _assets(client).urls
    assert urls, "the page loads Swagger UI from somewhere"
    elsewhere = [url for url in urls if urlsplit(url).netloc or not url.startswith("/")]
    assert elsewhere == []
    assert any(url.endswith("/swagger-ui-bundle.js") for url in urls)
    assert all(url.startswith(("/static/", "/api/docs/")) for url in urls), urls


def test_every_asset_of_the_docs_page_is_served(client):
    for url in _assets(client).urls:
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
