"""The compare page: a fixed number of queries whatever the number of criteria; pages of two
versions that are not drafts are cached and revalidated with an ETag."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.models import Criterion
from standard_versions.standards.revisions import bump_version_revision
from tests.factories import build_version

# Requests as after the worker's moment of remembered heads (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_heads_read_every_time")]

URL = "/standards/big/compare/?from={old}&to={new}"
# the standard's versions' heads (raw SQL, for the cache key), the versions themselves +
# practice areas, criteria, levels and outcome areas of the two
EXPECTED_QUERIES = 6


def _queries(client, path: str, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    return len(captured), response


def _pair(size: int, *, old: str, new: str, status: str = "published"):
    build_version(label=old, criteria=size, status="superseded")
    version = build_version(label=new, criteria=size, status=status)
    # Reword every criterion of the newer version, so the redline has work to do.
    for criterion in Criterion.objects.filter(version=version):
        criterion.description += " Now reworded."
        criterion.save()
    return version


def test_query_count_is_pinned_and_the_same_for_40_and_400_criteria(client):
    _pair(40, old="1.0", new="2.0", status="superseded")
    _pair(400, old="3.0", new="4.0")
    small, small_response = _queries(client, URL.format(old="1.0", new="2.0"))
    large, large_response = _queries(client, URL.format(old="3.0", new="4.0"))
    assert small_response.status_code == large_response.status_code == 200
    assert small_response.content.decode().count("<article ") == 40
    assert large_response.content.decode().count("<article ") == 400
    assert small == large == EXPECTED_QUERIES


def test_a_translated_page_costs_one_more_query_for_the_translations(client):
    _pair(40, old="1.0", new="2.0")
    queries, response = _queries(client, URL.format(old="1.0", new="2.0") + "&lang=es")
    assert response.status_code == 200
    assert queries == EXPECTED_QUERIES + 1


def test_a_cached_page_costs_one_query_and_the_etag_gives_304(client):
    _pair(40, old="1.0", new="2.0")
    path = URL.format(old="1.0", new="2.0")
    first = client.get(path)
    queries, second = _queries(client, path)
    assert queries == 1
    assert second.content == first.content
    assert first["Cache-Control"] == "public, max-age=3600"
    queries, response = _queries(client, path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert (queries, response.status_code) == (1, 304)


def test_the_etag_changes_when_either_version_changes(client):
    version = _pair(40, old="1.0", new="2.0")
    path = URL.format(old="1.0", new="2.0")
    etag = client.get(path)["ETag"]
    bump_version_revision(version=version)
    response = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_a_draft_is_revalidated_but_never_cached(client):
    _pair(40, old="1.0", new="2.0", status="draft")
    path = URL.format(old="1.0", new="2.0")
    first = client.get(path)
    assert first["Cache-Control"] == "no-cache"
    queries, _ = _queries(client, path)
    assert queries == EXPECTED_QUERIES


def test_other_query_parameters_or_odd_language_values_do_not_fill_the_cache(client):
    from django.core.cache import cache

    _pair(40, old="1.0", new="2.0")
    path = URL.format(old="1.0", new="2.0")
    client.get(path + "&x=1")
    queries, _ = _queries(client, path + "&x=1")
    assert queries == EXPECTED_QUERIES
    cache.clear()
    client.get(path + "&lang=zz-aaaa")
    queries, response = _queries(client, path + "&lang=zz-bbbb")
    assert queries == 1  # the same page: lang's value does not enter the key
    assert 'href="/language/?lang=es&amp;next=/standards/big/compare/%3Ffrom%3D1.0%26to%3D2.0"' in (
        response.content.decode()
    )
