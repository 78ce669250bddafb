"""A version without comments, or without a period at all, still has a report: its page, JSON
and PDF answer, the charts drawn empty (no division by zero), the figures zero."""

import re

import pytest

from tests.comments.conftest import make_period

pytestmark = pytest.mark.django_db

API = "/api/v1/standards/big/versions/9.0/disposition-report/"
PAGE = "/standards/big/versions/9.0/disposition-report/"
PDF = "/standards/big/versions/9.0/disposition-report.pdf"


def test_a_version_without_a_period(client, api_client, report_draft):
    data = api_client.get(API).json()
    assert data["charts"] is None and data["figures"]["comments"] == 0
    assert client.get(PAGE).status_code == 200
    pdf = client.get(PDF)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")


def test_a_period_without_comments(client, api_client, report_draft):
    make_period(report_draft)
    data = api_client.get(API).json()
    assert data["charts"]["campaign_share"] == {
        "published": 0,
        "campaign": 0,
        "near_duplicate": 0,
        "identical": 0,
    }
    assert all(day["comments"] == 0 for day in data["charts"]["by_day"])
    html = client.get(PAGE).content.decode()
    assert len(re.findall(r"<svg[^>]*role=\"img\"", html)) == 3
    assert client.get(PDF, {"lang": "pt-BR"}).content.startswith(b"%PDF-")
