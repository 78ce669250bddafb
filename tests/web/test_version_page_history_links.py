"""The version page's per-criterion change-history links resolve to the API's history endpoint."""

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
