"""The version page's per-criterion history links resolve: the history page, and the API's change
records as a second link."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_every_history_link_answers_the_criterions_change_records(client, api_client, shipped_data):
    html = client.get("/standards/wwc/versions/3.0/").content.decode()
    links = re.findall(r'<a href="([^"]+/history/)">Change history of', html)
    assert len(links) == 42
    assert "/api/v1/standards/wwc/versions/3.0/criteria/DM7/history/" in links
    response = api_client.get("/api/v1/standards/wwc/versions/3.0/criteria/DM7/history/")
    assert response.status_code == 200
    records = response.json()["results"]
    assert records and records[0]["type"] == "created"
    for link in links[:3] + links[-3:]:
        assert api_client.get(link).status_code == 200


def test_every_criterion_links_to_its_history_page_before_the_api(client, shipped_data):
    html = client.get("/standards/wwc/versions/3.0/").content.decode()
    links = re.findall(r'<a href="(/standards/wwc/criteria/[^"]+/)">History of ([^<]+)</a>', html)
    assert len(links) == 42
    assert ("/standards/wwc/criteria/dm7/", "DM7") in links
    # The API's change records stay, as the second link.
    assert re.search(
        r'<a href="/standards/wwc/criteria/dm7/">History of DM7</a>\s*'
        r'<a href="/api/v1/standards/wwc/versions/3.0/criteria/DM7/history/">'
        r"Change history of DM7 \(API\)</a>",
        html,
    )
    for path, code in links[:3] + links[-3:]:
        page = client.get(path)
        assert page.status_code == 200
        assert f'<span class="code">{code}</span>' in page.content.decode()
