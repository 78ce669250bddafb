"""Translated reads cost one query more than English (all translations of the version at once),
whatever the number of criteria; a cached body costs the same one query in every language."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.standards.head_memo import revalidation_heads
from standard_versions.standards.selectors import version_get
from tests.api.test_query_counts import ENDPOINTS, EXPECTED_QUERIES
from tests.factories import build_version
from tests.i18n.conftest import bulk_translate

pytestmark = pytest.mark.django_db

# English is served as stored; another language adds the one query loading its translations.
EXTRA_QUERIES = {"en": 0, "es": 1, "pt-BR": 1}

MORE_ENDPOINTS = {
    "standards list": ("/api/v1/standards/", 2),
    "standard detail": ("/api/v1/standards/big/", 1),
    "versions list": ("/api/v1/standards/big/versions/", 3),
}


def _queries(client, path: str, language: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, response.content
    assert response["Content-Language"] == language
    return len(captured)


def _translated_versions():
    for label, criteria, status in (("small", 40, "superseded"), ("large", 400, "published")):
        build_version(label=label, criteria=criteria, status=status)
        version = version_get(standard_slug="big", label=label)
        bulk_translate(version, "es")
        bulk_translate(version, "pt-BR")


@pytest.mark.parametrize("language", ["en", "es", "pt-BR"])
@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_translated_query_counts_are_pinned_and_do_not_grow(api_client, endpoint, language):
    _translated_versions()
    small = _queries(api_client, ENDPOINTS[endpoint].format(label="small"), language)
    large = _queries(api_client, ENDPOINTS[endpoint].format(label="large"), language)
    assert small == large == EXPECTED_QUERIES[endpoint] + EXTRA_QUERIES[language]


@pytest.mark.parametrize("language", ["en", "es", "pt-BR"])
@pytest.mark.parametrize("endpoint", sorted(MORE_ENDPOINTS))
def test_list_endpoints_cost_one_more_query_in_a_translated_language(
    api_client, endpoint, language
):
    _translated_versions()
    path, english_queries = MORE_ENDPOINTS[endpoint]
    assert _queries(api_client, path, language) == english_queries + EXTRA_QUERIES[language]


@pytest.mark.parametrize("language", ["es", "pt-BR"])
def test_a_cached_translated_version_tree_costs_one_query(api_client, language):
    _translated_versions()
    path = ENDPOINTS["version tree"].format(label="large")
    first = api_client.get(path, HTTP_ACCEPT_LANGUAGE=language)
    revalidation_heads.clear()  # the worker's memo of heads expired (0 queries within it)
    with CaptureQueriesContext(connection) as captured:
        again = api_client.get(path, HTTP_ACCEPT_LANGUAGE=language)
    assert again.status_code == 200
    assert again.content == first.content
    assert len(captured) == 1


@pytest.mark.parametrize("language", ["en", "es", "pt-BR"])
def test_the_coverage_report_costs_a_fixed_number_of_queries(api_client, language):
    _translated_versions()
    small = _queries(api_client, "/api/v1/standards/big/versions/small/translations/", language)
    large = _queries(api_client, "/api/v1/standards/big/versions/large/translations/", language)
    # version, tree (4), translations, and the version's comment periods (their instructions are
    # translatable), read by each of the report's two passes over the version's objects
    assert small == large == 8
