"""Read endpoints issue a fixed number of queries, whatever the number of criteria."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.standards.head_memo import revalidation_heads
from tests.factories import build_version

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "version tree": "/api/v1/standards/big/versions/{label}/",
    "criteria list": "/api/v1/standards/big/versions/{label}/criteria/?page_size=1000",
    "criterion detail": "/api/v1/standards/big/versions/{label}/criteria/A0.0/",
}

EXPECTED_QUERIES = {"version tree": 6, "criteria list": 3, "criterion detail": 4}


def _queries(client, path: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_query_count_is_pinned_and_the_same_for_40_and_400_criteria(api_client, endpoint):
    build_version(label="small", criteria=40, status="superseded")
    build_version(label="large", criteria=400)
    small = _queries(api_client, ENDPOINTS[endpoint].format(label="small"))
    large = _queries(api_client, ENDPOINTS[endpoint].format(label="large"))
    assert small == large == EXPECTED_QUERIES[endpoint]


def test_a_cached_version_tree_costs_one_query(api_client):
    build_version(label="large", criteria=400)
    path = ENDPOINTS["version tree"].format(label="large")
    api_client.get(path)
    revalidation_heads.clear()  # the worker's memo of heads expired (0 queries within it)
    with CaptureQueriesContext(connection) as captured:
        assert api_client.get(path).status_code == 200
    assert len(captured) == 1


def test_a_cached_criterion_costs_two_queries(api_client):
    build_version(label="large", criteria=400)
    path = ENDPOINTS["criterion detail"].format(label="large")
    api_client.get(path)
    revalidation_heads.clear()  # the worker's memo of heads expired (0 queries within it)
    with CaptureQueriesContext(connection) as captured:
        assert api_client.get(path).status_code == 200
    assert len(captured) == 2
