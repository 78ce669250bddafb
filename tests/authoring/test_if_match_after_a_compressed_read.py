"""A staff client that read a compressed body (its ETag ``"...;gzip"``, as Python's requests gets
by default) can write with that tag in ``If-Match``; once stale it is refused, and its weak form is
refused as every weak tag is (If-Match compares strongly)."""

import gzip
import json

from tests.authoring.conftest import BASE

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate"}


def test_a_coded_etag_of_an_old_revision_gets_the_new_body(draft, editor_client):
    path = f"{BASE}/3.1/criteria/DM7/"
    etag = editor_client.get(path, **GZIP)["ETag"]
    editor_client.patch(path, {"title": "Changed", "reason": "r"}, format="json")
    again = editor_client.get(path, HTTP_IF_NONE_MATCH=etag, **GZIP)
    assert again.status_code == 200
    assert json.loads(gzip.decompress(again.content))["title"] == "Changed"


def test_a_staff_client_writes_with_the_etag_of_a_compressed_read(draft, editor_client):
    path = f"{BASE}/3.1/criteria/DM7/"
    read = editor_client.get(path, **GZIP)
    assert read["Content-Encoding"] == "gzip" and read["ETag"].endswith(';gzip"')
    response = editor_client.patch(
        path, {"title": "Mine", "reason": "r"}, format="json", HTTP_IF_MATCH=read["ETag"], **GZIP
    )
    assert response.status_code == 200
    stale = editor_client.patch(
        path, {"title": "Lost", "reason": "r"}, format="json", HTTP_IF_MATCH=read["ETag"]
    )
    assert stale.status_code == 412


def test_a_version_write_accepts_the_coded_etag_and_refuses_it_weak(draft, publisher_client):
    etag = publisher_client.get(f"{BASE}/3.1/", **GZIP)["ETag"]
    assert etag.endswith(';gzip"')
    weak = publisher_client.post(
        f"{BASE}/3.1/publish/", {}, format="json", HTTP_IF_MATCH=f"W/{etag}"
    )
    assert weak.status_code == 412
    response = publisher_client.post(f"{BASE}/3.1/publish/", {}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.content


def test_a_coded_criterion_etag_is_still_read_as_the_criterions_own(draft, editor_client):
    """It stays valid when another criterion changes, as the identity tag does."""
    etag = editor_client.get(f"{BASE}/3.1/criteria/DM7/", **GZIP)["ETag"]
    editor_client.patch(f"{BASE}/3.1/criteria/DM1/", {"title": "x", "reason": "r"}, format="json")
    response = editor_client.patch(
        f"{BASE}/3.1/criteria/DM7/",
        {"title": "y", "reason": "r"},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200
