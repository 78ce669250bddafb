"""?as_of= gives the text as it was stored at that instant."""

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.authoring.conftest import BASE

pytestmark = pytest.mark.django_db

BEFORE_DRAFT = "2020-01-01T00:00:00Z"
AFTER_DRAFT = "2030-01-01T00:00:00Z"
AFTER_FIRST_EDIT = "2030-02-01T00:00:00Z"


@pytest.fixture
def edited(draft, editor_client):
    with time_machine.travel("2030-01-15T00:00:00Z", tick=False):
        response = editor_client.patch(
            f"{BASE}/3.1/criteria/DM7/", {"title": "Edited once", "reason": "one"}, format="json"
        )
        assert response.status_code == 200
    with time_machine.travel("2030-03-01T00:00:00Z", tick=False):
        response = editor_client.patch(
            f"{BASE}/3.1/criteria/DM7/",
            {"title": "Edited twice", "code": "DM70", "reason": "two"},
            format="json",
        )
        assert response.status_code == 200
        editor_client.delete(f"{BASE}/3.1/criteria/DM8/", {"reason": "gone"}, format="json")
    return draft


def test_criterion_detail_as_of_gives_the_text_of_that_moment(edited, api_client):
    original = api_client.get(f"{BASE}/3.0/criteria/DM7/").json()["title"]
    path = f"{BASE}/3.1/criteria/DM7/?as_of="
    assert api_client.get(path + AFTER_DRAFT).json()["title"] == original
    assert api_client.get(path + AFTER_FIRST_EDIT).json()["title"] == "Edited once"
    now = api_client.get(f"{BASE}/3.1/criteria/DM70/?as_of=2031-01-01").json()
    assert now["title"] == "Edited twice" and now["practice_area"]["code"] == "DM"


def test_a_criterion_is_found_by_the_code_it_had_then(edited, api_client):
    response = api_client.get(f"{BASE}/3.1/criteria/DM70/?as_of={AFTER_FIRST_EDIT}")
    assert response.status_code == 404 and response.json()["code"] == "not_found_at_time"


def test_as_of_before_the_version_existed_is_404(edited, api_client):
    for path in ("", "criteria/", "criteria/DM7/"):
        response = api_client.get(f"{BASE}/3.1/{path}?as_of={BEFORE_DRAFT}")
        assert response.status_code == 404, path
        assert response.json()["code"] == "not_found_at_time"


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01", "2026-01-01T25:00", "x" * 100, ""])
def test_a_malformed_as_of_is_400(edited, api_client, value):
    response = api_client.get(f"{BASE}/3.1/?as_of={value}")
    assert response.status_code == 400 and response.json()["code"] == "invalid_as_of"


def test_an_unencoded_plus_offset_is_understood(edited, api_client):
    response = api_client.get(f"{BASE}/3.1/criteria/DM7/?as_of=2030-02-01T01:00:00+01:00")
    assert response.status_code == 200 and response.json()["title"] == "Edited once"


def test_the_version_tree_as_of_shows_removed_criteria_and_old_codes(edited, api_client):
    tree = api_client.get(f"{BASE}/3.1/?as_of={AFTER_FIRST_EDIT}").json()
    codes = [c["code"] for area in tree["practice_areas"] for c in area["criteria"]]
    assert "DM8" in codes and "DM7" in codes and "DM70" not in codes
    assert tree["requirements"]["levels"] and tree["label"] == "3.1"
    current = api_client.get(f"{BASE}/3.1/").json()
    now_codes = [c["code"] for area in current["practice_areas"] for c in area["criteria"]]
    assert "DM8" not in now_codes and "DM70" in now_codes


def test_the_criteria_list_as_of(edited, api_client):
    body = api_client.get(f"{BASE}/3.1/criteria/?as_of={AFTER_FIRST_EDIT}").json()
    assert body["count"] == 42
    titles = {c["code"]: c["title"] for c in body["results"]}
    assert titles["DM7"] == "Edited once"


def test_as_of_reads_have_pinned_query_counts(edited, api_client):
    counts = {}
    for name, path in {
        "tree": f"{BASE}/3.1/?as_of={AFTER_FIRST_EDIT}",
        "list": f"{BASE}/3.1/criteria/?as_of={AFTER_FIRST_EDIT}",
        "detail": f"{BASE}/3.1/criteria/DM7/?as_of={AFTER_FIRST_EDIT}",
    }.items():
        with CaptureQueriesContext(connection) as captured:
            assert api_client.get(path).status_code == 200
        counts[name] = len(captured)
    assert counts == {"tree": 6, "list": 4, "detail": 3}


def test_plain_reads_are_unchanged_by_the_as_of_views(edited, api_client):
    response = api_client.get(f"{BASE}/3.1/criteria/DM70/")
    assert response.status_code == 200 and response["ETag"]
    assert (
        api_client.get(
            f"{BASE}/3.1/criteria/DM70/", HTTP_IF_NONE_MATCH=response["ETag"]
        ).status_code
        == 304
    )
