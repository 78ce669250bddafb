"""Every unparseable or unrepresentable ``as_of`` is 400 invalid_as_of (the page: its 400 page).

Offsets beyond PostgreSQL's ±15:59 and instants that leave years 1 to 9999 once converted to UTC
crashed both the API and the version page."""

import pytest

pytestmark = pytest.mark.django_db

VERSION = "/api/v1/standards/wwc/versions/3.0/"
UNREPRESENTABLE = [
    "0001-01-01T00:00:00+01:00",
    "0001-01-01T00:30:00+23:59",
    "9999-12-31T23:59:59-05:00",
    "9999-12-31T20:00:00-23:59",
    "2026-01-01T00:00:00+24:00",
    "2026-01-01T00:00:00+99:99",
]
# After the test data is loaded, so the version existed at that instant.
FAR_OFFSETS = ["2100-04-14T12:00:00+23:00", "2100-04-14T12:00:00-16:30"]


@pytest.mark.parametrize("as_of", UNREPRESENTABLE)
def test_an_instant_outside_the_representable_years_is_invalid_as_of_in_the_api(
    api_client, shipped_data, as_of
):
    for path in (
        "/api/v1/standards/wwc/versions/3.0/",
        "/api/v1/standards/wwc/versions/3.0/criteria/DM1/",
    ):
        response = api_client.get(path, {"as_of": as_of})
        assert response.status_code == 400, (path, as_of)
        assert response.json()["code"] == "invalid_as_of"


@pytest.mark.parametrize("as_of", UNREPRESENTABLE)
def test_an_instant_outside_the_representable_years_is_the_version_pages_400(
    client, shipped_data, as_of
):
    response = client.get("/standards/wwc/versions/3.0/", {"as_of": as_of})
    assert response.status_code == 400
    assert "text/html" in response["Content-Type"]


@pytest.mark.parametrize("as_of", FAR_OFFSETS)
def test_an_offset_beyond_fifteen_hours_is_read_as_the_instant_it_names(
    api_client, shipped_data, as_of
):
    response = api_client.get("/api/v1/standards/wwc/versions/3.0/", {"as_of": as_of})
    assert response.status_code == 200
    page = api_client.get("/standards/wwc/versions/3.0/", {"as_of": as_of})
    assert page.status_code == 200


@pytest.mark.parametrize("as_of", ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z"])
def test_the_first_and_last_representable_instants_are_answered(api_client, shipped_data, as_of):
    response = api_client.get("/api/v1/standards/wwc/versions/3.0/", {"as_of": as_of})
    assert response.status_code in (200, 404)
    assert response.json()["code" if response.status_code == 404 else "label"]
    page = api_client.get("/standards/wwc/versions/3.0/", {"as_of": as_of})
    assert page.status_code in (200, 404)
