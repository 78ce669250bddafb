"""Who changed what, when and why: criterion history, version history and timelines."""

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.authoring.conftest import BASE
from tests.staff import client_for

pytestmark = pytest.mark.django_db


def _edit(client, criterion, **body):
    response = client.patch(f"{BASE}/3.1/criteria/{criterion}/", body, format="json")
    assert response.status_code == 200, response.content
    return response


def test_criterion_history_is_newest_first_with_who_why_and_each_changed_field(
    draft, editor_client
):
    with time_machine.travel("2030-05-02T10:00:00Z", tick=False):
        _edit(editor_client, "DM7", title="Open data", reason="Shorter title")
    with time_machine.travel("2030-05-03T10:00:00Z", tick=False):
        _edit(editor_client, "DM7", code="DM10", is_core=True, reason="Renumbered")
    response = editor_client.get(f"{BASE}/3.1/criteria/DM10/history/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    newest, older, created = body["results"]
    assert newest["changed_at"] == "2030-05-03T10:00:00Z"
    assert newest["changed_by"] == "eddie" and newest["reason"] == "Renumbered"
    assert newest["type"] == "changed"
    assert {c["field"]: (c["old"], c["new"]) for c in newest["changes"]} == {
        "code": ("DM7", "DM10"),
        "is_core": (False, True),
    }
    assert older["changes"][0]["field"] == "title" and older["changes"][0]["new"] == "Open data"
    assert created["type"] == "created" and created["reason"] == "Next version"
    assert {"field": "practice_area", "old": None, "new": "DM"} in created["changes"]


def test_a_move_shows_practice_area_codes(draft, editor_client):
    _edit(editor_client, "DM7", practice_area="PA", reason="Move")
    entry = editor_client.get(f"{BASE}/3.1/criteria/DM7/history/").json()["results"][0]
    assert entry["changes"] == [{"field": "practice_area", "old": "DM", "new": "PA"}]


def test_anonymous_history_has_no_user_when_loaded_by_command(shipped_data, api_client):
    entry = api_client.get(f"{BASE}/3.0/criteria/DM7/history/").json()["results"][-1]
    assert entry["changed_by"] is None and entry["type"] == "created"


def test_version_history_lists_every_kind_of_change(draft, editor_client, publisher):
    _edit(editor_client, "DM7", title="x", reason="Criterion edit")
    editor_client.patch(
        f"{BASE}/3.1/practice-areas/DM/", {"name": "Data", "reason": "Area edit"}, format="json"
    )
    editor_client.patch(
        f"{BASE}/3.1/requirements/",
        {"levels": [{"key": "silver", "name": "Silver", "min_percent": 40}], "reason": "Levels"},
        format="json",
    )
    client_for(publisher).post(f"{BASE}/3.1/publish/", {"reason": "Publish"}, format="json")
    results = editor_client.get(f"{BASE}/3.1/history/?page_size=1000").json()["results"]
    reasons = [entry["reason"] for entry in results[:5]]
    assert reasons[0] == "Publish"
    kinds = {entry["object_type"] for entry in results}
    assert kinds == {"version", "practice_area", "criterion", "level", "outcome_area"}
    publish = results[0]
    assert publish["object_type"] == "version" and publish["code"] == "3.1"
    assert {"field": "status", "old": "draft", "new": "published"} in publish["changes"]
    removed = [e for e in results if e["type"] == "removed"]
    assert removed and all(e["object_type"] == "level" for e in removed)


def test_timeline_follows_one_criterion_through_every_version(draft, editor_client):
    _edit(editor_client, "DM7", code="DM10", title="Open data", reason="Renumber")
    key = editor_client.get(f"{BASE}/3.1/criteria/DM10/").json()["key"]
    response = editor_client.get(f"/api/v1/standards/wwc/criteria/{key}/timeline/")
    assert response.status_code == 200
    items = response.json()["results"]
    assert [(i["label"], i["status"], i["code"]) for i in items] == [
        ("3.0", "published", "DM7"),
        ("3.1", "draft", "DM10"),
    ]
    assert items[1]["title"] == "Open data" and items[0]["description"]


def test_timeline_of_an_unknown_key_is_404(shipped_data, api_client):
    response = api_client.get("/api/v1/standards/wwc/criteria/no-such-key/timeline/")
    assert response.status_code == 404 and response.json()["code"] == "criterion_key_not_found"


def test_history_of_an_unknown_criterion_is_404(shipped_data, api_client):
    response = api_client.get(f"{BASE}/3.0/criteria/ZZ9/history/")
    assert response.status_code == 404 and response.json()["code"] == "criterion_not_found"


def _queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(captured), response.json()["count"]


def test_history_query_counts_are_pinned_and_do_not_grow(draft, editor_client, api_client):
    history = f"{BASE}/3.1/criteria/DM7/history/"
    version_history = f"{BASE}/3.1/history/"
    timeline = "/api/v1/standards/wwc/criteria/{key}/timeline/"
    key = editor_client.get(f"{BASE}/3.1/criteria/DM7/").json()["key"]
    _edit(editor_client, "DM7", title="one", reason="r")
    editor_client.patch(
        f"{BASE}/3.1/practice-areas/DM/", {"name": "Data", "reason": "Area"}, format="json"
    )
    counts = [
        _queries(api_client, history)[0],
        _queries(api_client, version_history)[0],
        _queries(api_client, timeline.format(key=key))[0],
    ]
    for n in range(20):
        _edit(
            editor_client,
            "DM7",
            title=f"title {n}",
            practice_area="PA" if n % 2 else "DM",
            reason="r",
        )
    editor_client.patch(
        f"{BASE}/3.1/practice-areas/DM/", {"name": "Data 2", "reason": "Area"}, format="json"
    )
    later = [
        _queries(api_client, history),
        _queries(api_client, version_history),
        _queries(api_client, timeline.format(key=key)),
    ]
    assert later[0][1] > 20 and later[1][1] > 60
    # history: version, criterion, count, page, records, practice area codes
    # version history: version, count, page, records of each of the 5 kinds, practice area codes
    # timeline: standard, count, page
    assert counts == [n for n, _count in later] == [6, 9, 3]
