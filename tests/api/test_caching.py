"""Published versions are immutable: ETags, 304s and long-lived Cache-Control."""

import pytest

from standard_versions.models import Version

pytestmark = pytest.mark.django_db

TREE = "/api/v1/standards/wwc/versions/3.0/"
CRITERION = "/api/v1/standards/wwc/versions/3.0/criteria/DM7/"
CRITERIA = "/api/v1/standards/wwc/versions/3.0/criteria/"


@pytest.mark.parametrize("path", [TREE, CRITERION, CRITERIA])
def test_published_content_has_an_etag_and_revalidates_to_304(api_client, shipped_data, path):
    first = api_client.get(path)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('"') and "public" in first["Cache-Control"]
    again = api_client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag and again.content == b""


def test_a_stale_etag_gets_the_full_body(api_client, shipped_data):
    response = api_client.get(TREE, HTTP_IF_NONE_MATCH='"1-v0.0-en-tree"')
    assert response.status_code == 200 and response.json()["label"] == "3.0"


def test_cached_body_equals_fresh_body(api_client, shipped_data):
    fresh = api_client.get(TREE).content
    cached = api_client.get(TREE).content
    assert fresh == cached


def test_a_new_revision_changes_the_etag(api_client, shipped_data):
    etag = api_client.get(TREE)["ETag"]
    version = Version.objects.get(label="3.0")
    from standard_versions.standards.revisions import bump_version_revision

    bump_version_revision(version=version)
    response = api_client.get(TREE, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag


def test_different_pages_of_criteria_have_different_etags(api_client, shipped_data):
    first = api_client.get(f"{CRITERIA}?page_size=10")["ETag"]
    second = api_client.get(f"{CRITERIA}?page_size=10&page=2")["ETag"]
    assert first != second


def test_draft_versions_must_revalidate(api_client, shipped_data):
    Version.objects.filter(label="2.0").update(status="draft")
    response = api_client.get("/api/v1/standards/wwc/versions/2.0/")
    assert response["Cache-Control"] == "no-cache" and response["ETag"]
