"""Reading the Standard: standards, versions, the version tree, criteria."""

import pytest

pytestmark = pytest.mark.django_db

BASE = "/api/v1/standards"


def test_standards_list_is_paginated_and_names_wwc(api_client, shipped_data):
    body = api_client.get(f"{BASE}/").json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["results"][0]["slug"] == "wwc"
    assert body["results"][0]["language"] == "en"


def test_standard_detail(api_client, shipped_data):
    body = api_client.get(f"{BASE}/wwc/").json()
    assert body["name"] == "What Works Cities Certification Standard"
    assert body["versions_url"].endswith("/api/v1/standards/wwc/versions/")


def test_versions_list_gives_label_status_title_and_published_at(api_client, shipped_data):
    results = api_client.get(f"{BASE}/wwc/versions/").json()["results"]
    assert [(v["label"], v["status"]) for v in results] == [
        ("2.0", "superseded"),
        ("3.0", "published"),
    ]
    assert {"label", "status", "title", "published_at"} <= set(results[0])


def test_version_tree_has_practice_areas_criteria_and_requirements(api_client, shipped_data):
    body = api_client.get(f"{BASE}/wwc/versions/3.0/").json()
    assert body["label"] == "3.0" and body["status"] == "published"
    codes = [area["code"] for area in body["practice_areas"]]
    assert codes == ["DM", "LC", "PA", "BF", "OD", "EVAL", "SI", "RDC"]
    criteria = [c for area in body["practice_areas"] for c in area["criteria"]]
    assert len(criteria) == 42
    dm7 = next(c for c in criteria if c["code"] == "DM7")
    assert set(dm7) >= {"code", "key", "title", "description", "description_html", "is_core"}
    assert dm7["title"] == "Qualitative Data Practices"
    assert dm7["description_html"].startswith("<p>Your local government")
    requirements = body["requirements"]
    assert [(lvl["name"], lvl["min_percent"]) for lvl in requirements["levels"]] == [
        ("Silver", 51),
        ("Gold", 68),
        ("Platinum", 85),
    ]
    assert sorted(requirements["core_criteria"]) == ["DM1", "LC1", "PA1"]
    assert len(requirements["outcome_areas"]) == 3


def test_criteria_list_is_paginated_and_carries_the_practice_area(api_client, shipped_data):
    body = api_client.get(f"{BASE}/wwc/versions/3.0/criteria/").json()
    assert body["count"] == 42 and len(body["results"]) == 42
    assert body["results"][0]["practice_area"]["code"] == "DM"
    small = api_client.get(f"{BASE}/wwc/versions/3.0/criteria/?page_size=10&page=5").json()
    assert [c["code"] for c in small["results"]] == ["RDC7", "RDC8"]
    assert small["next"] is None and small["previous"].endswith("page=4&page_size=10")


def test_criterion_detail(api_client, shipped_data):
    body = api_client.get(f"{BASE}/wwc/versions/2.0/criteria/DM1/").json()
    assert body["key"] == "dm1" and body["practice_area"]["code"] == "DM"
    assert body["version"] == "2.0" and body["is_core"] is False


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/nope/", "standard_not_found"),
        ("/wwc/versions/9.9/", "version_not_found"),
        ("/nope/versions/3.0/", "standard_not_found"),
        ("/wwc/versions/3.0/criteria/ZZ99/", "criterion_not_found"),
        ("/wwc/versions/9.9/criteria/DM1/", "version_not_found"),
    ],
)
def test_unknown_objects_are_404_with_a_code(api_client, shipped_data, path, code):
    response = api_client.get(f"{BASE}{path}")
    assert response.status_code == 404
    assert response.json()["code"] == code and response.json()["detail"]


def test_an_unknown_page_is_404_with_a_code(api_client, shipped_data):
    response = api_client.get(f"{BASE}/wwc/versions/3.0/criteria/?page=99")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_responses_carry_content_language_and_vary(api_client, shipped_data):
    response = api_client.get(f"{BASE}/wwc/versions/3.0/")
    assert response["Content-Language"] == "en"
    assert "Accept-Language" in response["Vary"]


def test_a_version_without_levels_or_criteria_has_an_empty_requirements_section(api_client):
    from tests.factories import VersionFactory

    version = VersionFactory(standard__slug="empty", label="0.1")
    body = api_client.get(f"{BASE}/empty/versions/{version.label}/").json()
    assert body["practice_areas"] == []
    assert body["requirements"] == {
        "levels": [],
        "core_criteria": [],
        "outcome_areas": [],
        "min_outcome_areas": 0,
    }
