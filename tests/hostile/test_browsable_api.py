"""Every API endpoint renders in a browser (``Accept: text/html``, DRF's browsable API)."""

import pytest

pytestmark = pytest.mark.django_db

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
READS = [
    "/api/v1/standards/",
    "/api/v1/standards/wwc/",
    "/api/v1/standards/wwc/versions/",
    "/api/v1/standards/wwc/versions/3.0/",
    "/api/v1/standards/wwc/versions/3.0/criteria/",
    "/api/v1/standards/wwc/versions/3.0/criteria/DM1/",
    "/api/v1/standards/wwc/versions/3.0/history/",
    "/api/v1/standards/wwc/versions/3.0/criteria/DM1/history/",
    "/api/v1/standards/wwc/criteria/dm1/timeline/",
    "/api/v1/standards/wwc/versions/3.0/translations/",
    "/api/v1/standards/wwc/diff/?from=2.0&to=3.0",
    "/api/v1/comment-periods/",
    "/api/v1/standards/wwc/versions/3.0/disposition-report/",
]


@pytest.mark.parametrize("path", READS)
def test_every_public_read_renders_in_a_browser(client, shipped_data, path):
    response = client.get(path, HTTP_ACCEPT=BROWSER_ACCEPT)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("text/html")
    assert b"<html" in response.content


@pytest.mark.parametrize("path", READS)
def test_every_public_read_renders_in_a_browser_for_staff(staff, shipped_data, path):
    response = staff.get(path, HTTP_ACCEPT=BROWSER_ACCEPT)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("text/html")


def test_the_version_pages_history_links_open_in_a_browser(client, shipped_data):
    page = client.get("/standards/wwc/versions/3.0/").content.decode()
    link = "/api/v1/standards/wwc/versions/3.0/criteria/DM1/history/"
    assert f'href="{link}"' in page
    assert client.get(link, HTTP_ACCEPT=BROWSER_ACCEPT).status_code == 200
