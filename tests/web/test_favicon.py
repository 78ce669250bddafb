"""A favicon: ``/favicon.ico`` (what browsers ask for unprompted) and an SVG icon, both linked
from every page; no page's first visit ends in a 404 for it."""

import pytest

pytestmark = pytest.mark.django_db


def test_favicon_ico_is_served_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # an icon file with one image...
    assert body[22:30] == b"\x89PNG\r\n\x1a\n"  # ...a 32x32 PNG
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    assert "max-age=" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/", "/standards/wwc/versions/3.0/", "/comments/lookup/"])
def test_every_page_links_both_icons_and_they_load(client, shipped_data, path):
    html = client.get(path).content.decode()
    assert '<link rel="icon" href="/favicon.ico" sizes="32x32">' in html
    assert '<link rel="icon" href="/static/web/favicon.svg" type="image/svg+xml">' in html
    svg = client.get("/static/web/favicon.svg")
    assert svg.status_code == 200
    assert svg["Content-Type"].startswith("image/svg+xml")
