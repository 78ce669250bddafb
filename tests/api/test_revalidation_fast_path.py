"""Revalidations of the version tree and of a criterion are answered before DRF runs, with the
same headers as the ordinary path, and only when nothing else could change the answer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.standards.head_memo import revalidation_heads

pytestmark = pytest.mark.django_db

TREE = "/api/v1/standards/wwc/versions/3.0/"
CRITERION = "/api/v1/standards/wwc/versions/3.0/criteria/DM7/"


@pytest.mark.parametrize(("path", "queries"), [(TREE, 1), (CRITERION, 2)])
def test_a_matching_revalidation_is_a_304_with_the_ordinary_headers(
    client, shipped_data, path, queries
):
    first = client.get(path)
    revalidation_heads.clear()  # the memo expired: the head is read again
    with CaptureQueriesContext(connection) as captured:
        again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert len(captured) == queries
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert len(captured) == 0  # within REVALIDATION_MEMO_MS
    for header in ("ETag", "Cache-Control", "Content-Language"):
        assert again[header] == first[header]
    assert "Accept-Language" in again["Vary"]


def test_a_revalidation_in_spanish_does_not_match_the_english_etag(client, shipped_data):
    english = client.get(TREE)["ETag"]
    response = client.get(f"{TREE}?lang=es", HTTP_IF_NONE_MATCH=english)
    assert response.status_code == 200 and response["Content-Language"] == "es"


def test_a_revalidation_with_a_bad_token_is_still_refused(client, shipped_data):
    etag = client.get(TREE)["ETag"]
    response = client.get(TREE, HTTP_IF_NONE_MATCH=etag, HTTP_AUTHORIZATION="Token nonsense")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_a_revalidation_of_an_unknown_version_is_a_404_with_its_code(client, shipped_data):
    response = client.get("/api/v1/standards/wwc/versions/9.9/", HTTP_IF_NONE_MATCH='"x"')
    assert response.status_code == 404
    assert response.json()["code"] == "version_not_found"
