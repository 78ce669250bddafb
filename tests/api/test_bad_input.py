"""No request, however malformed, gets a 500; every error has a code and a detail."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/standards/wwc/versions/3.0/criteria/?page=abc",
        "/api/v1/standards/wwc/versions/3.0/criteria/?page=-1",
        "/api/v1/standards/wwc/versions/3.0/criteria/?page=99999999999999999999999",
        "/api/v1/standards/wwc/versions/3.0/criteria/?page_size=abc",
        "/api/v1/standards/wwc/versions/3.0/criteria/?page_size=0",
        "/api/v1/standards/wwc/versions/%00/",
        "/api/v1/standards/%F0%9F%92%A9/versions/3.0/",
        "/api/v1/standards/wwc/versions/" + "9" * 500 + "/",
        "/api/v1/standards/wwc/versions/3.0/criteria/DM1%27%20OR%201=1/",
        "/api/v1/standards/wwc/versions/3.0/?format=xml",
    ],
)
def test_hostile_reads_never_give_a_server_error(api_client, shipped_data, path):
    response = api_client.get(path)
    assert response.status_code < 500
    if response.status_code >= 400:
        assert response.json()["code"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/standards/",
        "/api/v1/standards/wwc/versions/3.0/",
        "/api/v1/standards/wwc/versions/3.0/criteria/DM1/",
    ],
)
def test_anonymous_writes_to_read_endpoints_are_refused_with_a_code(api_client, shipped_data, path):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(api_client, method)(path, {"title": "x"}, format="json")
        assert response.status_code in (401, 403, 405)
        assert response.json()["code"] in {
            "not_authenticated",
            "permission_denied",
            "method_not_allowed",
        }


def test_an_unknown_api_path_is_a_json_404(client, shipped_data):
    response = client.get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_an_unacceptable_accept_header_is_406_with_a_code(api_client, shipped_data):
    response = api_client.get("/api/v1/standards/", HTTP_ACCEPT="application/xml")
    assert response.status_code == 406
    assert response.json()["code"] == "not_acceptable"
