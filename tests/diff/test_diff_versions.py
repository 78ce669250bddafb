"""Diffs of stored versions: the shipped 2.0 -> 3.0, and a renumbered, moved, reworded copy."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.diff.selectors import version_diff, version_pair_get, version_snapshots
from standard_versions.models import PracticeArea, Version
from tests.diff.versions import copy_version, edit_criterion
from tests.factories import build_version

pytestmark = pytest.mark.django_db

NEW_IN_3_0 = ["DM7", "DM8", "DM9", "EVAL4", "OD2", "SI2", "SI3"]


def _diff(old_label: str, new_label: str, **kwargs) -> dict:
    old, new = version_pair_get(standard_slug="wwc", from_label=old_label, to_label=new_label)
    return version_diff(old=old, new=new, **kwargs).to_dict()


def _draft_of_3_0() -> Version:
    return copy_version(Version.objects.get(label="3.0"), label="3.1")


def test_2_0_to_3_0_adds_exactly_the_seven_new_criteria_and_removes_none(shipped_data):
    diff = _diff("2.0", "3.0")
    assert sorted(item["code"] for item in diff["added"]) == NEW_IN_3_0
    assert diff["removed"] == [] and diff["changed"] == []
    assert diff["summary"]["added"] == 7 and diff["summary"]["removed"] == 0
    assert {item["key"] for item in diff["added"]} == {code.lower() for code in NEW_IN_3_0}


def test_2_0_to_3_0_adds_the_core_criteria_and_the_outcome_requirement(shipped_data):
    requirements = _diff("2.0", "3.0")["requirements"]
    assert sorted(ref["code"] for ref in requirements["core_criteria"]["added"]) == [
        "DM1",
        "LC1",
        "PA1",
    ]
    assert requirements["core_criteria"]["removed"] == []
    assert [area["key"] for area in requirements["outcome_areas"]["added"]] == [
        "air-quality",
        "broadband-access",
        "city-priority-outcome",
    ]
    assert requirements["min_outcome_areas"] == {"old": 0, "new": 1}


def test_2_0_to_3_0_raises_gold_and_platinum_by_one_point(shipped_data):
    levels = _diff("2.0", "3.0")["requirements"]["levels"]
    assert levels["added"] == levels["removed"] == []
    assert [
        (
            level["name"],
            level["changes"]["min_percent"]["old"],
            level["changes"]["min_percent"]["new"],
        )
        for level in levels["changed"]
    ] == [("Gold", 67, 68), ("Platinum", 84, 85)]


def test_a_version_diffed_with_itself_is_empty(shipped_data):
    diff = _diff("3.0", "3.0")
    assert not any(diff["summary"].values())
    assert diff["added"] == diff["removed"] == diff["changed"] == []


def test_a_renumbered_criterion_is_one_change_with_old_and_new_code(shipped_data):
    draft = _draft_of_3_0()
    edit_criterion(draft, "DM7", code="DM10")
    diff = _diff("3.0", "3.1")
    assert diff["added"] == [] and diff["removed"] == []
    [change] = diff["changed"]
    assert (change["key"], change["code"], change["old_code"]) == ("dm7", "DM10", "DM7")
    assert change["fields"] == ["code"]
    assert change["changes"]["code"] == {"old": "DM7", "new": "DM10"}
    assert diff["summary"]["renumbered"] == 1 and diff["summary"]["changed"] == 1


def test_a_reworded_criterion_gives_the_exact_words_changed(shipped_data):
    draft = _draft_of_3_0()
    dm7 = edit_criterion(draft, "DM7")
    old_description = dm7.description
    new_description = old_description.replace(
        "external stakeholder to inform", "external stakeholders to inform"
    )
    edit_criterion(draft, "DM7", description=new_description, title="Qualitative Data Practice")
    [change] = _diff("3.0", "3.1")["changed"]
    assert change["fields"] == ["title", "description"]
    description = change["changes"]["description"]
    assert (description["old"], description["new"]) == (old_description, new_description)
    assert [op for op in description["ops"] if op["op"] != "equal"] == [
        {"op": "delete", "text": "stakeholder"},
        {"op": "insert", "text": "stakeholders"},
    ]
    assert change["changes"]["title"]["ops"] == [
        {"op": "equal", "text": "Qualitative Data "},
        {"op": "delete", "text": "Practices"},
        {"op": "insert", "text": "Practice"},
    ]


def test_a_criterion_moved_to_another_practice_area_keeps_its_key(shipped_data):
    draft = _draft_of_3_0()
    stakeholder_impact = PracticeArea.objects.get(version=draft, code="SI")
    edit_criterion(draft, "OD3", code="SI4", practice_area=stakeholder_impact, position=99)
    diff = _diff("3.0", "3.1")
    assert diff["added"] == [] and diff["removed"] == []
    [change] = diff["changed"]
    assert (change["key"], change["old_code"], change["code"]) == ("od3", "OD3", "SI4")
    assert change["fields"] == ["code", "practice_area", "position"]
    assert change["changes"]["practice_area"]["old"]["code"] == "OD"
    assert change["changes"]["practice_area"]["new"]["code"] == "SI"
    assert change["changes"]["position"] == {"old": 2, "new": 3}
    assert diff["summary"]["moved"] == 1


class _Shouting:
    """A stand-in for the translation layer: every text upper-cased, in language "xx"."""

    language = "xx"

    def text(self, obj, field):
        return getattr(obj, field).upper()

    def language_of(self, obj):
        return "xx"

    def status(self, obj):
        return "draft"


def test_texts_come_from_the_content_given(shipped_data):
    diff = _diff("2.0", "3.0", content=_Shouting())
    assert diff["language"] == "xx"
    assert diff["added"][0]["title"] == "QUALITATIVE DATA PRACTICES"


def test_snapshots_of_two_versions_take_four_queries_whatever_their_size(db):
    build_version(standard_slug="big", label="small", criteria=40, status="superseded")
    build_version(standard_slug="big", label="large", criteria=400)
    for labels in (("small", "small"), ("small", "large")):
        versions = version_pair_get(standard_slug="big", from_label=labels[0], to_label=labels[1])
        with CaptureQueriesContext(connection) as captured:
            snapshots = version_snapshots(versions=list(versions))
        assert len(captured) == 4
        assert sum(1 for _ in snapshots[1].criteria()) == (40 if labels[1] == "small" else 400)
