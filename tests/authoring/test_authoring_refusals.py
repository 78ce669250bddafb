"""Every refusal of a staff write has a status and a code, and stores nothing."""

import pytest

from standard_versions.models import Criterion, Version
from tests.authoring.conftest import BASE

pytestmark = pytest.mark.django_db


def _snapshot():
    return (
        list(Criterion.objects.order_by("pk").values_list("pk", "code", "title", "revision")),
        list(Version.objects.order_by("pk").values_list("pk", "status", "revision")),
        Criterion.history.count(),
    )


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("patch", "3.0/criteria/DM7/", {"title": "New", "reason": "Try"}),
        ("delete", "3.0/criteria/DM7/", {"reason": "Try"}),
        (
            "post",
            "3.0/criteria/",
            {"code": "X1", "title": "X", "description": "X", "practice_area": "DM", "reason": "r"},
        ),
        ("post", "3.0/practice-areas/", {"code": "XX", "name": "X", "reason": "Try"}),
        ("patch", "3.0/practice-areas/DM/", {"name": "X", "reason": "Try"}),
        ("patch", "3.0/requirements/", {"min_outcome_areas": 0, "reason": "Try"}),
        ("post", "3.0/publish/", {"reason": "Try"}),
        ("post", "3.0/withdraw/", {"reason": "Try"}),
    ],
)
def test_a_published_version_is_not_editable_and_nothing_is_stored(
    shipped_data, publisher_client, method, path, body
):
    before = _snapshot()
    response = getattr(publisher_client, method)(f"{BASE}/{path}", body, format="json")
    assert response.status_code == 409, response.content
    assert response.json()["code"] == "version_not_editable"
    assert _snapshot() == before


def test_a_withdrawn_draft_is_not_editable(draft, publisher_client):
    publisher_client.post(f"{BASE}/3.1/withdraw/", {"reason": "Abandoned"}, format="json")
    response = publisher_client.patch(
        f"{BASE}/3.1/criteria/DM7/", {"title": "x", "reason": "r"}, format="json"
    )
    assert response.status_code == 409 and response.json()["code"] == "version_not_editable"


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_an_edit_without_a_reason_is_refused(draft, editor_client, reason):
    body = {"title": "No reason"} if reason is None else {"title": "No reason", "reason": reason}
    before = _snapshot()
    response = editor_client.patch(f"{BASE}/3.1/criteria/DM7/", body, format="json")
    assert response.status_code == 400 and response.json()["code"] == "reason_required"
    assert _snapshot() == before


def test_a_reason_over_1000_characters_is_refused(draft, editor_client):
    before = _snapshot()
    response = editor_client.patch(
        f"{BASE}/3.1/criteria/DM7/", {"title": "x", "reason": "r" * 1001}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == "reason_too_long"
    assert _snapshot() == before


def test_a_reason_of_a_whole_paragraph_is_kept_whole_in_the_history(draft, editor_client):
    reason = (
        "Aligns the wording with the 2022 consultation's comments on data inventories. " * 13
    )[:1000]
    response = editor_client.patch(
        f"{BASE}/3.1/criteria/DM7/", {"title": "x", "reason": reason}, format="json"
    )
    assert response.status_code == 200
    latest = Criterion.history.filter(version__label="3.1", code="DM7").latest("history_date")
    assert latest.history_change_reason == reason.strip()


def test_a_stale_if_match_is_refused_with_412_and_changes_nothing(draft, editor_client):
    path = f"{BASE}/3.1/criteria/DM7/"
    stale = editor_client.get(path)["ETag"]
    editor_client.patch(path, {"title": "First", "reason": "One"}, format="json")
    before = _snapshot()
    response = editor_client.patch(
        path, {"title": "Second", "reason": "Two"}, format="json", HTTP_IF_MATCH=stale
    )
    assert response.status_code == 412 and response.json()["code"] == "precondition_failed"
    assert _snapshot() == before


def test_an_etag_of_another_criterion_does_not_match(draft, editor_client):
    other = editor_client.get(f"{BASE}/3.1/criteria/DM1/")["ETag"]
    response = editor_client.patch(
        f"{BASE}/3.1/criteria/DM7/",
        {"title": "x", "reason": "r"},
        format="json",
        HTTP_IF_MATCH=other,
    )
    assert response.status_code == 412


def test_a_criterion_etag_stays_valid_when_another_criterion_changes(draft, editor_client):
    etag = editor_client.get(f"{BASE}/3.1/criteria/DM7/")["ETag"]
    editor_client.patch(f"{BASE}/3.1/criteria/DM1/", {"title": "x", "reason": "r"}, format="json")
    response = editor_client.patch(
        f"{BASE}/3.1/criteria/DM7/",
        {"title": "y", "reason": "r"},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200


def test_a_stale_version_etag_is_refused_for_version_writes(draft, publisher_client):
    etag = publisher_client.get(f"{BASE}/3.1/")["ETag"]
    publisher_client.patch(
        f"{BASE}/3.1/criteria/DM1/", {"title": "x", "reason": "r"}, format="json"
    )
    response = publisher_client.post(f"{BASE}/3.1/publish/", {}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    assert Version.objects.get(label="3.1").status == "draft"
    fresh = publisher_client.get(f"{BASE}/3.1/")["ETag"]
    response = publisher_client.post(f"{BASE}/3.1/publish/", {}, format="json", HTTP_IF_MATCH=fresh)
    assert response.status_code == 200


@pytest.mark.parametrize("header", ['"garbage"', "nonsense", '"1-v1.1-en"'])
def test_an_if_match_that_is_not_ours_fails(draft, editor_client, header):
    response = editor_client.patch(
        f"{BASE}/3.1/criteria/DM7/",
        {"title": "x", "reason": "r"},
        format="json",
        HTTP_IF_MATCH=header,
    )
    assert response.status_code == 412


def test_if_match_star_matches(draft, editor_client):
    response = editor_client.patch(
        f"{BASE}/3.1/criteria/DM7/",
        {"title": "x", "reason": "r"},
        format="json",
        HTTP_IF_MATCH="*",
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("patch", "3.1/criteria/NOPE1/"),
        ("delete", "3.1/criteria/NOPE1/"),
        ("patch", "3.1/practice-areas/NOPE/"),
        ("delete", "3.1/practice-areas/NOPE/"),
        ("patch", "9.9/criteria/DM7/"),
        ("post", "9.9/publish/"),
    ],
)
def test_an_unknown_code_is_404(draft, publisher_client, method, path):
    response = getattr(publisher_client, method)(
        f"{BASE}/{path}", {"title": "x", "name": "x", "reason": "r"}, format="json"
    )
    assert response.status_code == 404
    assert response.json()["code"] in {
        "criterion_not_found",
        "practice_area_not_found",
        "version_not_found",
    }


def test_a_duplicate_criterion_code_is_refused(draft, editor_client):
    before = _snapshot()
    response = editor_client.patch(
        f"{BASE}/3.1/criteria/DM7/", {"code": "DM1", "reason": "Clash"}, format="json"
    )
    assert response.status_code == 409 and response.json()["code"] == "criterion_code_taken"
    added = editor_client.post(
        f"{BASE}/3.1/criteria/",
        {"code": "DM1", "title": "t", "description": "d", "practice_area": "DM", "reason": "r"},
        format="json",
    )
    assert added.status_code == 409 and added.json()["code"] == "criterion_code_taken"
    assert _snapshot() == before


def test_a_duplicate_practice_area_code_is_refused(draft, editor_client):
    response = editor_client.post(
        f"{BASE}/3.1/practice-areas/",
        {"code": "DM", "name": "Again", "reason": "r"},
        format="json",
    )
    assert response.status_code == 409 and response.json()["code"] == "practice_area_code_taken"


def test_a_duplicate_version_label_is_refused(draft, editor_client):
    response = editor_client.post(
        f"{BASE}/", {"label": "3.0", "title": "Again", "based_on": "3.0"}, format="json"
    )
    assert response.status_code == 409 and response.json()["code"] == "version_label_taken"


def test_an_unknown_based_on_is_refused(shipped_data, editor_client):
    response = editor_client.post(
        f"{BASE}/", {"label": "4.0", "title": "x", "based_on": "9.9"}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == "based_on_not_found"


def test_moving_to_an_unknown_practice_area_is_refused(draft, editor_client):
    response = editor_client.patch(
        f"{BASE}/3.1/criteria/DM7/", {"practice_area": "ZZ", "reason": "Move"}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == "practice_area_not_found"


@pytest.mark.parametrize(
    "body",
    [
        {"code": "not a code", "reason": "r"},
        {"position": -1, "reason": "r"},
        {"is_core": "maybe", "reason": "r"},
        {"title": "x" * 301, "reason": "r"},
        {"description": "x" * 30_000, "reason": "r"},
    ],
)
def test_invalid_fields_are_400_with_a_code(draft, editor_client, body):
    response = editor_client.patch(f"{BASE}/3.1/criteria/DM7/", body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["code"] in {"invalid", "invalid_code", "description_too_long"}


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (
            {"levels": [{"name": "A", "min_percent": 50}, {"name": "B", "min_percent": 50}]},
            "duplicate_level_percent",
        ),
        ({"core_criteria": ["NOPE9"]}, "criterion_not_found"),
        ({"min_outcome_areas": 99}, "min_outcome_areas_too_high"),
    ],
)
def test_invalid_requirements_are_refused(draft, editor_client, body, code):
    before = _snapshot()
    response = editor_client.patch(
        f"{BASE}/3.1/requirements/", {**body, "reason": "r"}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == code
    assert _snapshot() == before
