"""load_standard and export_standard: idempotent, validated as a whole, lossless round trip."""

import io
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from standard_versions.models import Criterion, Standard, Version
from standard_versions.standards.datafile import read_document

DATA = Path(__file__).resolve().parents[2] / "standard_versions" / "data"
HISTORY_MODELS = [Standard, Version, Criterion]


def _history_count() -> int:
    return sum(model.history.count() for model in HISTORY_MODELS)


def _load(*paths, **options) -> str:
    out = io.StringIO()
    call_command("load_standard", *[str(p) for p in paths], stdout=out, stderr=out, **options)
    return out.getvalue()


pytestmark = pytest.mark.django_db


def test_loading_the_shipped_data_twice_changes_nothing_and_records_no_history(shipped_data):
    before = _history_count()
    revisions = list(Version.objects.values_list("label", "revision"))
    output = _load()
    assert "wwc 2.0: unchanged" in output and "wwc 3.0: unchanged" in output
    assert _history_count() == before
    assert list(Version.objects.values_list("label", "revision")) == revisions


def test_export_then_load_gives_back_the_same_version(shipped_data, tmp_path):
    exported = tmp_path / "wwc-3.0.yaml"
    call_command("export_standard", "wwc", "3.0", output=str(exported))
    before = _history_count()
    assert "wwc 3.0: unchanged" in _load(DATA / "wwc-2.0.yaml", exported)
    assert _history_count() == before
    assert read_document(exported) == read_document(DATA / "wwc-3.0.yaml")


def test_export_of_a_version_loads_into_an_empty_database_identically(shipped_data, tmp_path):
    files = []
    for label in ("2.0", "3.0"):
        path = tmp_path / f"{label}.yaml"
        call_command("export_standard", "wwc", label, output=str(path))
        files.append(path)
    Criterion.objects.all().delete()
    Version.objects.filter(label="3.0").delete()
    Version.objects.all().delete()
    _load(*files)
    again = tmp_path / "again.yaml"
    call_command("export_standard", "wwc", "3.0", output=str(again))
    assert again.read_text() == files[1].read_text()


def _write(tmp_path, document: dict, name="doc.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    return path


def _document() -> dict:
    return yaml.safe_load((DATA / "wwc-2.0.yaml").read_text())


def test_a_file_with_problems_is_reported_with_locations_and_nothing_is_written(tmp_path):
    document = _document()
    criteria = document["practice_areas"][0]["criteria"]
    criteria[1]["title"] = ""
    criteria[2]["code"] = criteria[0]["code"]
    criteria[3]["colour"] = "blue"
    document["requirements"]["levels"][0]["min_percent"] = 140
    path = _write(tmp_path, document)
    with pytest.raises(CommandError, match="nothing was loaded"):
        _load(path)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("load_standard", str(path), stdout=out, stderr=out)
    report = out.getvalue()
    assert "doc.yaml: criterion DM2.title: must not be empty" in report
    assert "duplicate criterion code 'DM1'" in report
    assert "doc.yaml: criterion DM4.colour: unknown field" in report
    assert "requirements.levels[0].min_percent: must be between 0 and 100" in report
    assert Version.objects.count() == 0 and Standard.objects.count() == 0


def test_one_bad_file_among_several_stops_all_of_them(tmp_path):
    good = _write(tmp_path, _document(), "good.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: [unclosed\n")
    with pytest.raises(CommandError):
        _load(good, bad)
    assert Version.objects.count() == 0


def test_a_file_that_is_not_a_mapping_is_refused(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("- 1\n- 2\n")
    with pytest.raises(CommandError):
        _load(path)


def test_a_missing_file_is_refused():
    with pytest.raises(CommandError, match="no such file"):
        _load("/nonexistent/file.yaml")


def test_with_strict_a_changed_file_for_a_published_version_is_refused_and_changes_nothing(
    shipped_data, tmp_path
):
    document = yaml.safe_load((DATA / "wwc-3.0.yaml").read_text())
    document["practice_areas"][0]["criteria"][0]["title"] = "Something else"
    with pytest.raises(CommandError, match="version_not_editable"):
        _load(_write(tmp_path, document), strict=True)
    assert Criterion.objects.get(version__label="3.0", code="DM1").title == (
        "Implementing Data Strategy and Governance"
    )


def test_a_changed_file_for_a_draft_updates_only_what_changed_with_history(tmp_path):
    document = _document()
    document["version"]["status"] = "draft"
    path = _write(tmp_path, document)
    _load(path)
    before = Criterion.history.count()
    document["practice_areas"][0]["criteria"][0]["title"] = "Data strategy, renamed"
    document["practice_areas"][0]["criteria"].pop()
    output = _load(_write(tmp_path, document))
    assert "change criterion dm1: title" in output
    assert "remove criterion" in output
    assert Criterion.history.count() == before + 2
    dm1 = Criterion.objects.get(code="DM1")
    assert dm1.title == "Data strategy, renamed" and dm1.revision == 2
    assert dm1.history.first().history_change_reason == "load_standard doc.yaml"
