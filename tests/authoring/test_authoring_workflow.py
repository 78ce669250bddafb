"""The staff workflow end to end through the API: draft, edit, add, move, remove, publish."""

import pytest

from standard_versions.models import Criterion, Version
from tests.authoring.conftest import BASE

pytestmark = pytest.mark.django_db


def test_a_draft_copies_practice_areas_criteria_and_requirements_with_their_keys(draft):
    source = Version.objects.get(label="3.0")
    copy = Version.objects.get(label="3.1")
    assert copy.status == "draft" and copy.based_on == source
    assert sorted(copy.criteria.values_list("key", "code", "title", "is_core")) == sorted(
        source.criteria.values_list("key", "code", "title", "is_core")
    )
    assert sorted(copy.practice_areas.values_list("key", "code")) == sorted(
        source.practice_areas.values_list("key", "code")
    )
    assert list(copy.levels.values_list("key", "min_percent")) == list(
        source.levels.values_list("key", "min_percent")
    )
    assert copy.min_outcome_areas == source.min_outcome_areas
    assert copy.outcome_areas.count() == source.outcome_areas.count() > 0
    record = Criterion.history.filter(version_id=copy.pk).first()
    assert (
        record.history_user.username == "eddie" and record.history_change_reason == "Next version"
    )


def test_editing_a_draft_criterion_changes_it_and_returns_a_new_etag(draft, editor_client):
    path = f"{BASE}/3.1/criteria/DM7/"
    etag = editor_client.get(path)["ETag"]
    response = editor_client.patch(
        path,
        {"title": "Open data portal", "reason": "Clearer title"},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Open data portal"
    assert response["ETag"] != etag
    assert editor_client.get(path)["ETag"] == response["ETag"]
    criterion = Criterion.objects.get(version__label="3.1", code="DM7")
    assert criterion.revision == 2
    assert Criterion.objects.get(version__label="3.0", code="DM7").title != "Open data portal"


def test_renumbering_and_moving_a_criterion_keeps_its_key(draft, editor_client):
    key = Criterion.objects.get(version__label="3.1", code="DM7").key
    response = editor_client.patch(
        f"{BASE}/3.1/criteria/DM7/",
        {"code": "PA9", "practice_area": "PA", "reason": "Moved to performance analytics"},
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["code"] == "PA9" and body["key"] == key and body["practice_area"]["code"] == "PA"
    assert editor_client.get(f"{BASE}/3.1/criteria/DM7/").status_code == 404


def test_adding_and_removing_criteria_and_practice_areas(draft, editor_client):
    area = editor_client.post(
        f"{BASE}/3.1/practice-areas/",
        {"code": "AI", "name": "Artificial Intelligence", "reason": "New practice"},
        format="json",
    )
    assert area.status_code == 201, area.content
    added = editor_client.post(
        f"{BASE}/3.1/criteria/",
        {
            "code": "AI1",
            "title": "Responsible AI",
            "description": "Your local government *governs* its use of AI.",
            "practice_area": "AI",
            "reason": "New criterion",
        },
        format="json",
    )
    assert added.status_code == 201, added.content
    assert added.json()["key"] == "ai1"
    assert added["Location"].endswith("/3.1/criteria/AI1/")
    # A practice area that still has criteria cannot be removed.
    refused = editor_client.delete(f"{BASE}/3.1/practice-areas/AI/?reason=Not+now")
    assert refused.status_code == 409 and refused.json()["code"] == "practice_area_not_empty"
    removed = editor_client.delete(
        f"{BASE}/3.1/criteria/AI1/", {"reason": "Not ready"}, format="json"
    )
    assert removed.status_code == 204
    assert editor_client.delete(f"{BASE}/3.1/practice-areas/AI/?reason=Not+now").status_code == 204
    assert not Criterion.objects.filter(version__label="3.1", code="AI1").exists()


def test_renaming_a_practice_area(draft, editor_client):
    response = editor_client.patch(
        f"{BASE}/3.1/practice-areas/DM/",
        {"name": "Data Governance", "code": "DG", "reason": "Renamed"},
        format="json",
    )
    assert response.status_code == 200, response.content
    tree = editor_client.get(f"{BASE}/3.1/").json()
    assert "DG" in [area["code"] for area in tree["practice_areas"]]


def test_changing_requirements(draft, editor_client):
    response = editor_client.patch(
        f"{BASE}/3.1/requirements/",
        {
            "levels": [
                {"key": "silver", "name": "Silver", "min_percent": 50},
                {"key": "gold", "name": "Gold", "min_percent": 70},
                {"key": "platinum", "name": "Platinum", "min_percent": 90},
            ],
            "outcome_areas": [{"name": "Water Quality", "description": "Clean water."}],
            "min_outcome_areas": 1,
            "core_criteria": ["DM1", "DM7"],
            "reason": "New bands",
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert [(level["name"], level["min_percent"]) for level in body["levels"]] == [
        ("Silver", 50),
        ("Gold", 70),
        ("Platinum", 90),
    ]
    assert body["core_criteria"] == ["DM1", "DM7"]
    assert [area["key"] for area in body["outcome_areas"]] == ["water-quality"]


def test_swapping_level_percentages_is_stored(draft, editor_client):
    path = f"{BASE}/3.1/requirements/"
    levels = editor_client.get(path).json()["levels"]
    swapped = [
        {
            "key": levels[0]["key"],
            "name": levels[0]["name"],
            "min_percent": levels[1]["min_percent"],
        },
        {
            "key": levels[1]["key"],
            "name": levels[1]["name"],
            "min_percent": levels[0]["min_percent"],
        },
    ] + [{k: level[k] for k in ("key", "name", "min_percent")} for level in levels[2:]]
    response = editor_client.patch(path, {"levels": swapped, "reason": "Swap"}, format="json")
    assert response.status_code == 200, response.content
    stored = {level["key"]: level["min_percent"] for level in response.json()["levels"]}
    assert stored[levels[0]["key"]] == levels[1]["min_percent"]


def test_publishing_supersedes_the_published_version(draft, publisher_client):
    response = publisher_client.post(
        f"{BASE}/3.1/publish/", {"effective_from": "2027-01-01"}, format="json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "published" and body["published_at"]
    assert body["effective_from"] == "2027-01-01"
    assert Version.objects.get(label="3.0").status == "superseded"
    assert Version.history.filter(id=Version.objects.get(label="3.0").pk).first().history_user


def test_withdrawing_a_draft(draft, publisher_client):
    response = publisher_client.post(
        f"{BASE}/3.1/withdraw/", {"reason": "Abandoned"}, format="json"
    )
    assert response.status_code == 200 and response.json()["status"] == "withdrawn"
