"""The compare page names, on each changed criterion, the published comments that led to it, each
a link to its receipt, at one query more whatever their number (none before any link); the
cached page follows the links."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.consultation.tracking_ids import grouped
from standard_versions.models import Version
from tests.response_links.conftest import answered, comment_on, link

pytestmark = pytest.mark.django_db

URL = "/standards/big/compare/?from=9.0&to=9.1"


def _page(client) -> tuple[int, str, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL)
    assert response.status_code == 200
    return len(captured), response.content.decode(), response


def _article(html: str, key: str) -> str:
    start = html.index(f'id="change-{key}"')
    return html[start : html.index("</article>", start)]


def test_the_changed_criterion_links_to_the_comments_behind_it(client, api_client, period, later):
    tracking_id = comment_on(api_client, period)
    answered(tracking_id)
    link(tracking_id, later, key="k0")
    _count, html, _response = _page(client)
    article = _article(html, "k0")
    assert "Changed in response to 1 public comment:" in article
    assert f'<a href="/comments/{tracking_id}/"' in article
    assert grouped(tracking_id) in article
    assert "public comment" not in _article(html, "k1")


def test_the_page_costs_one_query_more_whatever_the_number_of_comments(
    client, api_client, period, later
):
    before, html, _response = _page(client)
    assert "compare-comments" not in html
    for i in range(4):
        tracking_id = comment_on(api_client, period, body=f"Comment {i}.")
        answered(tracking_id)
        link(tracking_id, later, key="k0")
        link(tracking_id, later, key="k1")
    after, html, _response = _page(client)
    assert after == before + 1
    assert "Changed in response to 4 public comments:" in _article(html, "k0")


def test_the_cached_page_follows_the_links(client, api_client, period, draft, later):
    tracking_id = comment_on(api_client, period)
    answered(tracking_id)
    Version.objects.filter(pk=draft.pk).update(status="superseded")
    Version.objects.filter(pk=later.pk).update(status="published")
    _count, html, first = _page(client)
    assert tracking_id not in html
    link(tracking_id, later)
    response = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200 and response["ETag"] != first["ETag"]
    assert f"/comments/{tracking_id}/" in response.content.decode()
