"""The version page: a fixed number of queries whatever the number of criteria; its HTML is cached
for versions that no longer change and revalidated with an ETag."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.standards.head_memo import revalidation_heads
from standard_versions.standards.revisions import bump_version_revision
from tests.factories import build_version

pytestmark = pytest.mark.django_db

URL = "/standards/big/versions/{label}/"
# version head + version with standard + practice areas, criteria, levels, outcome areas + whether
# the version had a comment period
EXPECTED_QUERIES = 7


def _queries(client, path: str, **headers) -> tuple[int, object]:
    """Queries of one request once the worker's memo of heads has expired (head_memo.py; a
    request within REVALIDATION_MEMO_MS of the last costs one query fewer: below)."""
    revalidation_heads.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    return len(captured), response


def test_query_count_is_pinned_and_the_same_for_40_and_400_criteria(client):
    build_version(label="small", criteria=40, status="superseded")
    build_version(label="large", criteria=400)
    small, small_response = _queries(client, URL.format(label="small"))
    large, large_response = _queries(client, URL.format(label="large"))
    assert small_response.status_code == large_response.status_code == 200
    assert small_response.content.decode().count("<article ") == 40
    assert large_response.content.decode().count("<article ") == 400
    assert small == large == EXPECTED_QUERIES


def test_a_cached_page_costs_one_query_and_a_draft_is_never_cached(client):
    build_version(label="large", criteria=400)
    build_version(label="draft", criteria=40, status="draft")
    path = URL.format(label="large")
    first = client.get(path)
    queries, second = _queries(client, path)
    assert queries == 1
    assert second.content == first.content
    client.get(URL.format(label="draft"))
    queries, _ = _queries(client, URL.format(label="draft"))
    assert queries == EXPECTED_QUERIES


def test_the_etag_answers_304_after_one_query_and_changes_with_the_revision(client):
    version = build_version(label="large", criteria=40)
    path = URL.format(label="large")
    etag = client.get(path)["ETag"]
    queries, response = _queries(client, path, HTTP_IF_NONE_MATCH=etag)
    assert (queries, response.status_code) == (1, 304)
    bump_version_revision(version=version)
    response = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_each_language_has_its_own_etag_and_cached_page(client, monkeypatch):
    from standard_versions.web import language as web_language

    build_version(label="large", criteria=40)
    path = URL.format(label="large")
    english = client.get(path)
    monkeypatch.setattr(web_language, "response_language", lambda request: "es")
    spanish = client.get(path)
    assert english["ETag"] != spanish["ETag"]
    assert '<html lang="es">' in spanish.content.decode()


def test_pages_asked_with_other_query_parameters_are_not_cached(client):
    build_version(label="large", criteria=40)
    path = URL.format(label="large")
    cache.clear()
    for index in range(3):
        client.get(f"{path}?x={index}")
    queries, response = _queries(client, f"{path}?x=9")
    assert queries == EXPECTED_QUERIES
    html = response.content.decode()
    assert 'href="/language/?lang=es&amp;next=/standards/big/versions/large/%3Fx%3D9"' in html


def test_within_the_memo_a_cached_page_costs_no_query_and_a_bump_is_seen_at_once(client):
    version = build_version(label="large", criteria=40)
    path = URL.format(label="large")
    first = client.get(path)
    with CaptureQueriesContext(connection) as captured:
        again = client.get(path)
    assert (len(captured), again.content) == (0, first.content)
    bump_version_revision(version=version)  # clears this worker's memo at its commit
    assert client.get(path)["ETag"] != first["ETag"]
