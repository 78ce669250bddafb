"""A number, a list, an object or null where a string is expected is 400 with the field's error,
on every write; nothing is stored."""

import pytest

from standard_versions.models import Comment, Criterion

pytestmark = pytest.mark.django_db

WRONG = [12, 1.5, True, ["a title"], {"text": "a title"}, None]


@pytest.mark.parametrize("value", WRONG)
def test_a_criterion_title_that_is_not_a_string_is_refused(staff, draft, value):
    response = staff.patch(
        f"/api/v1/standards/wwc/versions/{draft.label}/criteria/DM1/",
        {"title": value, "reason": "Type test"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "title" in response.json()["errors"]
    assert Criterion.objects.get(version=draft, code="DM1").title != str(value)


@pytest.mark.parametrize("value", WRONG)
def test_a_version_title_that_is_not_a_string_is_refused(staff, draft, value):
    response = staff.patch(
        f"/api/v1/standards/wwc/versions/{draft.label}/",
        {"title": value, "reason": "Type test"},
        format="json",
    )
    assert response.status_code == 400
    assert "title" in response.json()["errors"]


@pytest.mark.parametrize("value", [12, ["x"], {"x": 1}])
def test_a_reason_that_is_not_a_string_is_refused(staff, draft, value):
    response = staff.patch(
        f"/api/v1/standards/wwc/versions/{draft.label}/criteria/DM1/",
        {"title": "Fine", "reason": value},
        format="json",
    )
    assert response.status_code == 400
    assert "reason" in response.json()["errors"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("criterion", 12), ("body", 12345), ("name", 7), ("language", 1), ("organization", [1])],
)
def test_a_comment_field_that_is_not_a_string_is_refused(api_client, open_period, field, value):
    payload = {"criterion": "DM1", "body": "A real comment.", field: value}
    response = api_client.post(
        f"/api/v1/comment-periods/{open_period.pk}/comments/", payload, format="json"
    )
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not Comment.objects.exists()


@pytest.mark.parametrize("value", [3, ["UTC"]])
def test_a_period_time_zone_that_is_not_a_string_is_refused(staff, draft, value):
    response = staff.post(
        "/api/v1/comment-periods/",
        {
            "standard": "wwc",
            "version": draft.label,
            "opens_at": "2030-01-01T00:00:00Z",
            "closes_at": "2030-01-10T00:00:00Z",
            "timezone": value,
            "reason": "Type test",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "timezone" in response.json()["errors"]
