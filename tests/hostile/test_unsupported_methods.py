"""A method a URL does not offer is 405 with ``Allow``, for anyone, before authentication."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("method", ["PUT", "TRACE", "FROBNICATE", "DELETE", "PATCH"])
@pytest.mark.parametrize(
    "path",
    ["/api/v1/standards/", "/api/v1/standards/wwc/", "/api/v1/standards/wwc/diff/"],
)
def test_an_unsupported_method_on_a_read_only_endpoint_is_405_with_allow(
    api_client, shipped_data, method, path
):
    response = api_client.generic(method, path)
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}


def test_an_unsupported_method_is_405_for_staff_too(staff, shipped_data):
    response = staff.generic("PUT", "/api/v1/standards/wwc/versions/3.0/criteria/DM1/")
    assert response.status_code == 405
    assert "PATCH" in response["Allow"]


def test_an_offered_write_still_asks_anonymous_clients_to_authenticate(api_client, shipped_data):
    response = api_client.patch(
        "/api/v1/standards/wwc/versions/3.0/criteria/DM1/", {"title": "x"}, format="json"
    )
    assert response.status_code == 401


@pytest.mark.parametrize("method", ["TRACE", "PUT", "DELETE", "FROBNICATE"])
@pytest.mark.parametrize(
    "path",
    ["/", "/standards/wwc/versions/3.0/", "/standards/wwc/compare/?from=2.0&to=3.0", "/healthz"],
)
def test_a_page_answers_an_unsupported_method_with_405(client, shipped_data, method, path):
    response = client.generic(method, path)
    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert "POST" not in response["Allow"]


def test_the_405_page_is_in_the_readers_language(client, shipped_data):
    response = client.generic("TRACE", "/?lang=es")
    assert response.status_code == 405
    assert response["Content-Language"] == "es"
    assert 'lang="es"' in response.content.decode()


def test_the_consultation_page_allows_get_and_post(client, open_period):
    response = client.generic("PUT", f"/comment-periods/{open_period.pk}/")
    assert response.status_code == 405
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "POST"}


def test_head_is_answered_like_get_on_pages(client, shipped_data):
    assert client.head("/").status_code == 200
