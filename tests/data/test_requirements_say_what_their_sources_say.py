"""The shipped requirements say what the sources say, no more: the outcome rule in the final
release's words, every figure without a source cited or called an inference."""

import re
from pathlib import Path

from standard_versions.standards.datafile import read_document

DATA = Path(__file__).resolve().parents[2] / "standard_versions" / "data"
SOURCES = DATA / "sources"
DRAFT_NOTICE = SOURCES / "002_5117ac366e5a4ebd.txt"
FINAL_RELEASE = SOURCES / "003_6fdf1610f0d49c1a.txt"
CRITERIA_LIST = SOURCES / "004_6b3a25f365dffa4a.txt"


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _version_3():
    return read_document(DATA / "wwc-3.0.yaml")


def test_each_outcome_area_is_the_final_releases_requirement_to_meet_a_recognized_standard():
    release = _normalised(FINAL_RELEASE.read_text(encoding="utf-8"))
    assert "meet an internationally recognized standard on at least one of three outcomes" in (
        release
    )
    outcomes = {area.key: area for area in _version_3().outcome_areas}
    expected_subjects = {
        "air-quality": "air pollution",
        "broadband-access": "the percentage of households with high-speed broadband subscriptions",
        "city-priority-outcome": "a high-priority outcome the city chooses that aligns with the "
        "united nations sustainable development goals (unsdgs)",
    }
    assert set(outcomes) == set(expected_subjects)
    for key, subject in expected_subjects.items():
        description = _normalised(outcomes[key].description)
        assert description == f"meet an internationally recognized standard on {subject}."
        assert subject in release


def test_no_outcome_area_has_a_name_that_no_source_gives():
    notice = DRAFT_NOTICE.read_text(encoding="utf-8")
    release = _normalised(FINAL_RELEASE.read_text(encoding="utf-8"))
    for area in _version_3().outcome_areas:
        assert area.name in notice or _normalised(area.name) in release, area.name
    assert "City-Chosen Priority Outcome" not in (DATA / "wwc-3.0.yaml").read_text()


def test_the_provenance_records_the_draft_notices_other_outcome_and_the_evaluation_name():
    notice = DRAFT_NOTICE.read_text(encoding="utf-8")
    provenance = _normalised(_version_3().provenance)
    assert "Youth Not in Education, Employment, or Training" in notice
    assert "youth not in education, employment, or training" in provenance
    assert "Rigorous Evaluation (EVAL)" in notice
    assert "Rigorous Evaluations:" in CRITERIA_LIST.read_text(encoding="utf-8")
    assert '"rigorous evaluation" where the list has "rigorous evaluations"' in provenance


def test_platinum_85_percent_is_cited_to_a_public_report_since_no_source_held_here_gives_it():
    levels = {level.key: level.min_percent for level in _version_3().levels}
    assert levels == {"silver": 51, "gold": 68, "platinum": 85}
    for source in SOURCES.glob("*.txt"):
        assert not re.search(r"85\s*(%|percent)", source.read_text(encoding="utf-8")), source
    provenance = _normalised(_version_3().provenance)
    assert "platinum 85 % and above is in none of these sources" in provenance
    assert "https://www.govtech.com/analytics/9-munis-named-what-works-cities" in provenance


def test_the_reconstructed_2_0_is_flagged_and_calls_its_bands_an_inference():
    document = read_document(DATA / "wwc-2.0.yaml")
    assert document.reconstructed is True
    assert _version_3().reconstructed is False
    provenance = _normalised(document.provenance)
    assert provenance.startswith("reconstructed.")
    assert "are an inference, not a copy" in provenance
    assert {level.key: level.min_percent for level in document.levels} == {
        "silver": 51,
        "gold": 67,
        "platinum": 84,
    }
