"""An error from an endpoint that renders CSV or JSON Lines is the JSON error body, not a row."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "accept"),
    [("?format=csv", "*/*"), ("?format=jsonl", "*/*"), ("", "text/csv"), ("", "application/jsonl")],
)
def test_an_anonymous_export_is_refused_in_json(api_client, open_period, query, accept):
    response = api_client.get(
        f"/api/v1/comment-periods/{open_period.pk}/export/{query}", HTTP_ACCEPT=accept
    )
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "not_authenticated"


def test_an_unknown_versions_csv_report_is_a_json_404(api_client, shipped_data):
    response = api_client.get("/api/v1/standards/wwc/versions/7.7/disposition-report/?format=csv")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"]


def test_a_csv_export_still_comes_as_csv_for_staff(staff, open_period):
    response = staff.get(f"/api/v1/comment-periods/{open_period.pk}/export/?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
