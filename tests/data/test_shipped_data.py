"""The shipped WWC data says what its sources say."""

import re
from pathlib import Path

import pytest

from standard_versions.models import Criterion, Version
from standard_versions.standards.datafile import read_document

DATA = Path(__file__).resolve().parents[2] / "standard_versions" / "data"
SOURCE = DATA / "sources" / "004_6b3a25f365dffa4a.txt"
NEW_IN_3 = {"DM7", "DM8", "DM9", "EVAL4", "OD2", "SI2", "SI3"}


def _criteria_in_source() -> dict[str, tuple[str, str]]:
    lines = [
        line.strip() for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    found = {}
    for index, line in enumerate(lines):
        match = re.match(r"^((?:DM|LC|PA|BF|OD|EVAL|SI|RDC|RD)\d+) (.+)$", line)
        if match:
            found[match.group(1)] = (match.group(2), lines[index + 1])
    return found


def _criteria_in_file(name: str) -> dict[str, tuple[str, str]]:
    document = read_document(DATA / name)
    return {
        c.code: (c.title, c.description) for area in document.practice_areas for c in area.criteria
    }


def test_version_3_holds_the_42_criteria_of_the_source_word_for_word():
    source = _criteria_in_source()
    assert len(source) == 42
    assert _criteria_in_file("wwc-3.0.yaml") == source


def test_reconstructed_version_2_is_version_3_without_the_seven_new_criteria():
    three = _criteria_in_file("wwc-3.0.yaml")
    two = _criteria_in_file("wwc-2.0.yaml")
    assert set(three) - set(two) == NEW_IN_3
    assert set(two) <= set(three)
    assert all(two[code] == three[code] for code in two)


def test_both_versions_say_where_their_text_comes_from():
    three = read_document(DATA / "wwc-3.0.yaml")
    two = read_document(DATA / "wwc-2.0.yaml")
    assert "42 criteria" in three.provenance and "43" in three.provenance
    assert two.provenance.startswith("RECONSTRUCTED")


def test_requirements_of_version_3_match_the_announcements():
    three = read_document(DATA / "wwc-3.0.yaml")
    assert [(lvl.name, lvl.min_percent) for lvl in three.levels] == [
        ("Silver", 51),
        ("Gold", 68),
        ("Platinum", 85),
    ]
    core = {c.code for area in three.practice_areas for c in area.criteria if c.is_core}
    assert core == {"LC1", "DM1", "PA1"}
    assert {area.key for area in three.outcome_areas} >= {"air-quality", "broadband-access"}
    assert three.min_outcome_areas == 1


def test_requirements_of_version_2_are_the_older_bands_without_core_or_outcomes():
    two = read_document(DATA / "wwc-2.0.yaml")
    assert [(lvl.name, lvl.min_percent) for lvl in two.levels] == [
        ("Silver", 51),
        ("Gold", 67),
        ("Platinum", 84),
    ]
    assert not any(c.is_core for area in two.practice_areas for c in area.criteria)
    assert two.outcome_areas == [] and two.min_outcome_areas == 0


@pytest.mark.django_db
def test_loaded_versions_share_criterion_keys_and_have_their_statuses(shipped_data):
    two = Version.objects.get(label="2.0")
    three = Version.objects.get(label="3.0")
    assert (two.status, three.status) == ("superseded", "published")
    assert three.based_on == two
    keys_two = set(Criterion.objects.filter(version=two).values_list("key", flat=True))
    keys_three = set(Criterion.objects.filter(version=three).values_list("key", flat=True))
    assert len(keys_two) == 35 and len(keys_three) == 42
    assert keys_two < keys_three
    assert Criterion.objects.filter(version=three).values("practice_area").distinct().count() == 8
