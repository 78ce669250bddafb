"""Diff responses: immutable and public between published versions, revalidated with drafts."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.models import Version
from standard_versions.standards.revisions import bump_version_revision
from tests.diff.versions import copy_version, edit_criterion
from tests.factories import build_version

pytestmark = pytest.mark.django_db

DIFF = "/api/v1/standards/wwc/diff/"
PUBLISHED = {"from": "2.0", "to": "3.0"}


@pytest.mark.parametrize("format", ["json", "html", "markdown"])
def test_a_published_diff_has_a_public_etag_and_revalidates_to_304(
    api_client, shipped_data, format
):
    first = api_client.get(DIFF, {**PUBLISHED, "format": format})
    etag = first["ETag"]
    assert first.status_code == 200 and etag.startswith('"')
    assert first["Cache-Control"] == "public, max-age=3600"
    again = api_client.get(DIFF, {**PUBLISHED, "format": format}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag


def test_each_format_and_direction_has_its_own_etag(api_client, shipped_data):
    etags = {
        api_client.get(DIFF, {**PUBLISHED, "format": "json"})["ETag"],
        api_client.get(DIFF, {**PUBLISHED, "format": "html"})["ETag"],
        api_client.get(DIFF, {**PUBLISHED, "format": "markdown"})["ETag"],
        api_client.get(DIFF, {"from": "3.0", "to": "2.0"})["ETag"],
    }
    assert len(etags) == 4


def test_a_cached_body_is_byte_identical_to_a_fresh_one_and_costs_one_query(
    api_client, shipped_data
):
    fresh = api_client.get(DIFF, PUBLISHED).content
    with CaptureQueriesContext(connection) as captured:
        cached = api_client.get(DIFF, PUBLISHED).content
    assert cached == fresh and len(captured) == 1


def test_a_diff_with_a_draft_must_be_revalidated_and_follows_its_edits(api_client, shipped_data):
    draft = copy_version(Version.objects.get(label="3.0"), label="3.1")
    first = api_client.get(DIFF, {"from": "3.0", "to": "3.1"})
    assert first["Cache-Control"] == "no-cache" and first["ETag"]
    assert first.json()["changed"] == []

    edit_criterion(draft, "DM7", code="DM10")
    bump_version_revision(version=draft)
    second = api_client.get(DIFF, {"from": "3.0", "to": "3.1"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and second["ETag"] != first["ETag"]
    [change] = second.json()["changed"]
    assert (change["old_code"], change["code"]) == ("DM7", "DM10")


def _queries(client, query) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/api/v1/standards/big/diff/", query)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.mark.parametrize("format", ["json", "html", "markdown"])
def test_the_query_count_is_pinned_and_the_same_for_40_and_400_criteria(api_client, format):
    build_version(label="small-a", criteria=40, status="superseded")
    build_version(label="small-b", criteria=40, status="withdrawn")
    build_version(label="large-a", criteria=400, status="superseded")
    build_version(label="large-b", criteria=400)
    small = _queries(api_client, {"from": "small-a", "to": "small-b", "format": format})
    large = _queries(api_client, {"from": "large-a", "to": "large-b", "format": format})
    assert small == large == 5
