"""`load_standard` (run by `make run` and on every deploy) against a database staff have used: it
adds what is missing, leaves what staff have changed since, and says so in one line; it never
stops start-up because staff published a version."""

import io
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.utils import timezone

from standard_versions.models import Criterion, Version
from standard_versions.standards.criteria import update_criterion
from standard_versions.standards.drafts import create_draft, publish_version

DATA = Path(__file__).resolve().parents[2] / "standard_versions" / "data"

pytestmark = pytest.mark.django_db


def _load(*paths, **options) -> str:
    out = io.StringIO()
    call_command("load_standard", *[str(p) for p in paths], stdout=out, stderr=out, **options)
    return out.getvalue()


def _history() -> int:
    return Version.history.count() + Criterion.history.count()


def _publish_3_1() -> Version:
    now = timezone.now()
    draft = create_draft(
        based_on=Version.objects.get(label="3.0"),
        label="3.1",
        title="WWC Standard, Version 3.1",
        user=None,
        reason="Start of the 2027 revision",
        now=now,
    )
    return publish_version(version=draft, user=None, reason="Approved", now=now)


def _write(tmp_path: Path, document: dict, name: str) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    return path


def test_after_staff_publish_a_version_loading_the_shipped_data_leaves_3_0_superseded(
    shipped_data,
):
    _publish_3_1()
    before = (_history(), list(Version.objects.values_list("label", "status", "revision")))
    output = _load()
    assert "wwc 2.0: unchanged" in output
    assert "wwc-3.0.yaml: 3.0 is superseded (published 3.1 since); left as it is" in output
    assert (_history(), list(Version.objects.values_list("label", "status", "revision"))) == before
    assert Version.objects.get(label="3.1").status == "published"


def test_with_strict_the_same_load_is_refused(shipped_data):
    _publish_3_1()
    with pytest.raises(CommandError, match="version_not_editable"):
        _load(strict=True)


def test_a_file_that_differs_from_a_published_version_is_left_in_one_line_naming_the_change(
    shipped_data, tmp_path
):
    document = yaml.safe_load((DATA / "wwc-3.0.yaml").read_text())
    document["practice_areas"][0]["criteria"][0]["title"] = "Something else"
    before = _history()
    output = _load(DATA / "wwc-2.0.yaml", _write(tmp_path, document, "wwc-3.0.yaml"))
    [line] = [line for line in output.splitlines() if "left as it is" in line]
    assert line == (
        "wwc-3.0.yaml: 3.0 is published and the file differs in: change criterion dm1: title; "
        "left as it is"
    )
    assert _history() == before
    assert Criterion.objects.get(version__label="3.0", code="DM1").title != "Something else"


def test_what_is_missing_is_still_added_beside_a_version_that_is_left(shipped_data, tmp_path):
    _publish_3_1()
    document = yaml.safe_load((DATA / "wwc-3.0.yaml").read_text())
    document["version"].update(label="3.2", title="WWC 3.2 (draft)", status="draft", based_on="3.1")
    document["version"].pop("published_at", None)
    document["version"].pop("effective_from", None)
    output = _load(DATA, _write(tmp_path, document, "wwc-3.2.yaml"))
    assert "3.0 is superseded (published 3.1 since); left as it is" in output
    assert "wwc 3.2: created" in output
    assert Version.objects.get(label="3.2").criteria.count() == 42


def _load_a_draft(tmp_path) -> dict:
    document = yaml.safe_load((DATA / "wwc-2.0.yaml").read_text())
    document["version"].update(label="2.9", status="draft")
    path = _write(tmp_path, document, "wwc-2.9.yaml")
    _load(path)
    return document


def test_a_draft_staff_edited_since_it_was_loaded_is_left_as_they_left_it(tmp_path):
    document = _load_a_draft(tmp_path)
    draft = Version.objects.get(label="2.9")
    update_criterion(
        version=draft,
        code="DM1",
        title="Renamed by an editor",
        user=None,
        reason="Clearer title",
        now=timezone.now(),
    )
    document["practice_areas"][0]["criteria"][1]["title"] = "Changed in the file"
    output = _load(_write(tmp_path, document, "wwc-2.9.yaml"))
    assert output.strip() == (
        "wwc-2.9.yaml: draft 2.9 has been edited since it was loaded; left as it is"
    )
    titles = dict(Criterion.objects.filter(version=draft).values_list("code", "title"))
    assert titles["DM1"] == "Renamed by an editor"
    assert titles["DM2"] != "Changed in the file"


def test_a_draft_nobody_edited_follows_its_file_even_after_a_load_with_a_reason(tmp_path):
    document = _load_a_draft(tmp_path)
    document["practice_areas"][0]["criteria"][0]["title"] = "First change"
    _load(_write(tmp_path, document, "wwc-2.9.yaml"), reason="Typo fixed")
    dm1 = Criterion.objects.get(version__label="2.9", code="DM1")
    assert dm1.history.first().history_change_reason == "load_standard wwc-2.9.yaml: Typo fixed"
    document["practice_areas"][0]["criteria"][0]["title"] = "Second change"
    output = _load(_write(tmp_path, document, "wwc-2.9.yaml"))
    assert "change criterion dm1: title" in output
    assert Criterion.objects.get(version__label="2.9", code="DM1").title == "Second change"
