"""``If-Match`` uses the strong comparison (RFC 9110): a weak ETag never matches, 412."""

import pytest

pytestmark = pytest.mark.django_db


def _criterion(staff, draft):
    return staff.get(f"/api/v1/standards/wwc/versions/{draft.label}/criteria/DM1/")


def test_a_weak_form_of_the_current_etag_is_412(staff, draft):
    etag = _criterion(staff, draft)["ETag"]
    assert not etag.startswith("W/")
    response = staff.patch(
        f"/api/v1/standards/wwc/versions/{draft.label}/criteria/DM1/",
        {"title": "A new title", "reason": "Clearer"},
        format="json",
        HTTP_IF_MATCH=f"W/{etag}",
    )
    assert response.status_code == 412
    assert response.json()["code"] == "precondition_failed"


def test_the_strong_current_etag_matches(staff, draft):
    etag = _criterion(staff, draft)["ETag"]
    response = staff.patch(
        f"/api/v1/standards/wwc/versions/{draft.label}/criteria/DM1/",
        {"title": "A new title", "reason": "Clearer"},
        format="json",
        HTTP_IF_MATCH=f'W/"nothing", {etag}',
    )
    assert response.status_code == 200
