"""A draft's title, provenance note and planned effective date are edited through the API with a
reason, recorded in its history; published versions refuse, and a refusal stores nothing."""

import pytest

from standard_versions.models import Version
from tests.authoring.conftest import BASE

pytestmark = pytest.mark.django_db


def _patch(client, label, body, **headers):
    return client.patch(f"{BASE}/{label}/", body, format="json", **headers)


def test_a_drafts_title_provenance_and_date_are_changed_with_their_reason_in_the_history(
    draft, editor_client, editor
):
    before = editor_client.get(f"{BASE}/3.1/")["ETag"]
    response = _patch(
        editor_client,
        "3.1",
        {
            "title": "Version 3.1 (consultation draft)",
            "provenance": "Drafted by the WWC standards team from 3.0.",
            "effective_from": "2027-01-01",
            "reason": "Name the consultation draft",
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["title"] == "Version 3.1 (consultation draft)"
    assert body["provenance"] == "Drafted by the WWC standards team from 3.0."
    assert body["effective_from"] == "2027-01-01"
    assert response["ETag"] != before
    record = Version.history.filter(label="3.1").latest("history_date")
    assert record.history_change_reason == "Name the consultation draft"
    assert record.history_user == editor
    tree = editor_client.get(f"{BASE}/3.1/").json()
    assert tree["title"] == "Version 3.1 (consultation draft)"
    assert tree["effective_from"] == "2027-01-01"


def test_null_clears_the_effective_date_and_absent_fields_stay(draft, editor_client):
    _patch(editor_client, "3.1", {"effective_from": "2027-01-01", "reason": "Plan"})
    response = _patch(editor_client, "3.1", {"effective_from": None, "reason": "Not yet known"})
    assert response.status_code == 200
    assert response.json()["effective_from"] is None
    assert response.json()["title"] == "Version 3.1"


def test_a_patch_that_changes_nothing_records_nothing(draft, editor_client):
    records = Version.history.filter(label="3.1").count()
    revision = Version.objects.get(label="3.1").revision
    response = _patch(editor_client, "3.1", {"title": "Version 3.1", "reason": "Same"})
    assert response.status_code == 200
    assert Version.history.filter(label="3.1").count() == records
    assert Version.objects.get(label="3.1").revision == revision


def test_a_published_version_refuses_and_keeps_its_details(shipped_data, editor_client):
    before = Version.objects.values("title", "provenance", "effective_from", "revision").get(
        label="3.0"
    )
    response = _patch(editor_client, "3.0", {"title": "Renamed", "reason": "Try"})
    assert response.status_code == 409
    assert response.json()["code"] == "version_not_editable"
    after = Version.objects.values("title", "provenance", "effective_from", "revision").get(
        label="3.0"
    )
    assert after == before


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"title": "x"}, 400, "reason_required"),
        ({"title": "", "reason": "Empty"}, 400, "invalid"),
        ({"title": "x" * 301, "reason": "Long"}, 400, "invalid"),
        ({"effective_from": "next spring", "reason": "Vague"}, 400, "invalid"),
        ({"provenance": "p" * 20001, "reason": "Long"}, 400, "invalid"),
    ],
)
def test_bad_details_are_refused_with_a_code_and_store_nothing(
    draft, editor_client, body, status, code
):
    before = Version.objects.values("title", "provenance", "effective_from", "revision").get(
        label="3.1"
    )
    response = _patch(editor_client, "3.1", body)
    assert response.status_code == status
    assert response.json()["code"] == code
    after = Version.objects.values("title", "provenance", "effective_from", "revision").get(
        label="3.1"
    )
    assert after == before


def test_a_stale_if_match_is_refused_with_412(draft, editor_client):
    stale = editor_client.get(f"{BASE}/3.1/")["ETag"]
    _patch(editor_client, "3.1", {"title": "First", "reason": "One"})
    response = _patch(
        editor_client, "3.1", {"title": "Second", "reason": "Two"}, HTTP_IF_MATCH=stale
    )
    assert response.status_code == 412
    assert Version.objects.get(label="3.1").title == "First"


def test_only_editors_may_change_a_draft(draft, api_client, outsider):
    anonymous = _patch(api_client, "3.1", {"title": "Mine", "reason": "Try"})
    assert anonymous.status_code == 401
    api_client.force_authenticate(outsider)
    forbidden = _patch(api_client, "3.1", {"title": "Mine", "reason": "Try"})
    assert forbidden.status_code == 403
    assert Version.objects.get(label="3.1").title == "Version 3.1"
