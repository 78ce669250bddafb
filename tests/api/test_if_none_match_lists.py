"""``If-None-Match`` with several tags, with ``*`` and with our coded tags, on the fast path, the
ordinary API path and the pages alike (RFC 9110, 13.1.2)."""

import pytest

pytestmark = pytest.mark.django_db

TREE = "/api/v1/standards/wwc/versions/3.0/"  # answered on the fast path
CRITERIA = "/api/v1/standards/wwc/versions/3.0/criteria/"  # the ordinary path
PAGE = "/standards/wwc/versions/3.0/"
COMPARE = "/standards/wwc/compare/?from=2.0&to=3.0"
PATHS = [TREE, CRITERIA, PAGE, COMPARE]


@pytest.mark.parametrize("path", PATHS)
def test_a_list_holding_the_current_tag_is_a_304(client, shipped_data, path):
    etag = client.get(path)["ETag"]
    response = client.get(path, HTTP_IF_NONE_MATCH=f'"old-1", W/"old-2", {etag}')
    assert response.status_code == 304 and response.content == b""
    assert response["ETag"] == etag


@pytest.mark.parametrize("path", PATHS)
def test_a_list_of_other_tags_is_the_full_response(client, shipped_data, path):
    first = client.get(path)
    response = client.get(path, HTTP_IF_NONE_MATCH='"old-1", "old-2"')
    assert response.status_code == 200 and response.content == first.content


@pytest.mark.parametrize("path", PATHS)
def test_a_star_matches_whatever_is_current(client, shipped_data, path):
    etag = client.get(path)["ETag"]
    response = client.get(path, HTTP_IF_NONE_MATCH="*")
    assert response.status_code == 304 and response["ETag"] == etag


@pytest.mark.parametrize("path", PATHS)
def test_the_coded_tag_in_a_list_is_a_304_naming_it(client, shipped_data, path):
    gzip = {"HTTP_ACCEPT_ENCODING": "gzip"}
    coded = client.get(path, **gzip)["ETag"]
    assert coded.endswith(';gzip"')
    response = client.get(path, HTTP_IF_NONE_MATCH=f'"old", {coded}', **gzip)
    assert response.status_code == 304 and response["ETag"] == coded
