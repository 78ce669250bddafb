"""Pages are gzip-compressed for browsers that accept it; a cached page's coded ETag revalidates to
a 304; the consultation page's per-response tokens survive compression (Django masks the CSRF
token afresh in every response, so compressing a page with forms leaks nothing: BREACH)."""

import gzip
import re

import pytest

from tests.factories import build_version
from tests.web.consultation.conftest import make_period, page_url

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br, zstd"}


@pytest.mark.parametrize(
    "path",
    ["/", "/standards/wwc/versions/3.0/", "/standards/wwc/compare/?from=2.0&to=3.0", "/nope/"],
)
def test_pages_are_compressed_for_browsers_that_accept_gzip(client, shipped_data, path):
    plain = client.get(path)
    compressed = client.get(path, **GZIP)
    assert compressed.status_code == plain.status_code
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert "Accept-Encoding" in compressed["Vary"]


def test_a_browser_that_does_not_accept_gzip_gets_the_page_as_it_is(client, shipped_data):
    response = client.get("/", HTTP_ACCEPT_ENCODING="identity")
    assert "Content-Encoding" not in response
    assert response.content.startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize(
    "path", ["/standards/wwc/versions/3.0/", "/standards/wwc/compare/?from=2.0&to=3.0"]
)
def test_a_cached_page_revalidates_with_its_coded_etag(client, shipped_data, path):
    etag = client.get(path, **GZIP)["ETag"]
    assert etag.endswith(';gzip"')
    again = client.get(path, HTTP_IF_NONE_MATCH=etag, **GZIP)
    assert again.status_code == 304 and again["ETag"] == etag


def test_each_compressed_consultation_page_carries_its_own_tokens(client):
    period = make_period(build_version(label="9.0", criteria=4, areas=2, status="draft"))
    pages = [gzip.decompress(client.get(page_url(period), **GZIP).content) for _ in range(2)]
    tokens = [re.findall(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page) for page in pages]
    assert tokens[0] and tokens[1]
    assert set(tokens[0]).isdisjoint(tokens[1])  # masked afresh: no repeated secret bytes
