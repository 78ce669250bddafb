"""The API's JSON is gzip-compressed for clients that accept it, with a strong ETag of its own
(``"...;gzip"``): revalidating with it gives a 304 that names it. (Writing with it:
tests/authoring/test_if_match_after_a_compressed_read.py.)"""

import gzip
import json

import pytest

from tests.authoring.conftest import BASE

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def _vary(response) -> set[str]:
    return {value.strip().lower() for value in response.get("Vary", "").split(",")}


@pytest.mark.parametrize(
    "path",
    [f"{BASE}/3.0/", f"{BASE}/3.0/criteria/DM7/", "/api/v1/standards/wwc/diff/?from=2.0&to=3.0"],
)
def test_published_json_is_compressed_with_a_strong_coded_etag(client, shipped_data, path):
    plain = client.get(path)
    compressed = client.get(path, **GZIP)
    assert compressed["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(compressed.content)) == plain.json()
    assert len(compressed.content) < len(plain.content)
    assert compressed["ETag"] == plain["ETag"][:-1] + ';gzip"'
    assert "accept-encoding" in _vary(compressed) and "accept-encoding" in _vary(plain)
    assert "cookie" not in _vary(compressed)
    assert compressed["Cache-Control"] == "public, max-age=3600"


@pytest.mark.parametrize("path", [f"{BASE}/3.0/", f"{BASE}/3.0/criteria/DM7/"])
def test_revalidating_with_the_coded_etag_is_a_304_naming_it(client, shipped_data, path):
    etag = client.get(path, **GZIP)["ETag"]
    again = client.get(path, HTTP_IF_NONE_MATCH=etag, **GZIP)
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert "accept-encoding" in _vary(again)
    weak = client.get(path, HTTP_IF_NONE_MATCH=f"W/{etag}", **GZIP)
    assert weak.status_code == 304


def test_revalidating_with_the_identity_etag_still_names_the_identity_etag(client, shipped_data):
    etag = client.get(f"{BASE}/3.0/")["ETag"]
    again = client.get(f"{BASE}/3.0/", HTTP_IF_NONE_MATCH=etag, **GZIP)
    assert again.status_code == 304 and again["ETag"] == etag
