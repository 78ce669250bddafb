"""OPTIONS answers in JSON on every endpoint, whatever ``format`` or ``Accept`` asks for."""

import pytest

pytestmark = pytest.mark.django_db

DIFF = "/api/v1/standards/wwc/diff/?from=2.0&to=3.0"


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        (DIFF + "&format=html", "*/*"),
        (DIFF + "&format=markdown", "*/*"),
        (DIFF, "text/markdown"),
        (DIFF, "text/html"),
        (DIFF + "&format=nonsense", "*/*"),
        ("/api/v1/standards/wwc/versions/3.0/disposition-report/?format=csv", "*/*"),
        ("/api/v1/standards/wwc/versions/3.0/", "application/xml"),
    ],
)
def test_options_is_json_whatever_the_format(api_client, shipped_data, path, accept):
    response = api_client.options(path, HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "GET" in response["Allow"]
    assert response.json()["name"]


@pytest.mark.parametrize(
    ("query", "accept"), [("?format=csv", "*/*"), ("", "text/csv"), ("?format=jsonl", "*/*")]
)
def test_options_on_the_staff_export_is_json(staff, open_period, query, accept):
    response = staff.options(
        f"/api/v1/comment-periods/{open_period.pk}/export/{query}", HTTP_ACCEPT=accept
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["name"]


def test_options_refused_to_an_anonymous_client_is_a_json_error(api_client, open_period):
    response = api_client.options(
        f"/api/v1/comment-periods/{open_period.pk}/export/?format=csv", HTTP_ACCEPT="text/csv"
    )
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
