"""JSON nested deeper than Python can parse is a malformed body: 400 parse_error, never a 500."""

import pytest

pytestmark = pytest.mark.django_db

DEEP = "[" * 1000
DEEPER_AND_CLOSED = "[" * 50_000 + "]" * 50_000


@pytest.mark.parametrize("body", [DEEP, DEEPER_AND_CLOSED, '{"body": ' + "{" * 5000])
def test_a_deeply_nested_comment_body_is_a_parse_error(api_client, open_period, body):
    response = api_client.generic(
        "POST",
        f"/api/v1/comment-periods/{open_period.pk}/comments/",
        body,
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_deeply_nested_json_to_a_staff_endpoint_is_a_parse_error(staff, draft):
    response = staff.generic(
        "PATCH",
        f"/api/v1/standards/wwc/versions/{draft.label}/criteria/DM1/",
        DEEP,
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_the_parse_error_is_in_the_readers_language(api_client, open_period):
    response = api_client.generic(
        "POST",
        f"/api/v1/comment-periods/{open_period.pk}/comments/?lang=es",
        DEEP,
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response["Content-Language"] == "es"
    assert "JSON" in response.json()["detail"]
    assert "nested too deeply" not in response.json()["detail"]


def test_nan_is_not_json(api_client, open_period):
    response = api_client.generic(
        "POST",
        f"/api/v1/comment-periods/{open_period.pk}/comments/",
        '{"body": NaN}',
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
