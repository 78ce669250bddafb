"""The translator's PO workflow: export, import, round trip, and refusal of bad catalogs."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from standard_versions.errors import InvalidInput
from standard_versions.models import Translation
from standard_versions.models.translations import source_hash
from standard_versions.standards.selectors import version_get
from standard_versions.translations.importing import import_translation_catalogs
from standard_versions.translations.po import parse_content_catalog
from standard_versions.translations.selectors import content_catalog
from tests.factories import build_version
from tests.i18n.conftest import fill_catalog

pytestmark = pytest.mark.django_db


def _import(data: bytes, name: str = "fixture.po", **options):
    return import_translation_catalogs(
        catalogs=[parse_content_catalog(data, name=name)],
        user=None,
        reason="test import",
        now=timezone.now(),
        **options,
    )


def _history_count() -> int:
    return Translation.history.count()


def test_the_export_has_one_entry_per_field_with_the_agreed_contexts(shipped_data, tmp_path):
    target = tmp_path / "wwc-3.0.es.po"
    call_command("export_translations", "wwc", "3.0", "es", output=target, stderr=io.StringIO())
    text = target.read_text()
    for context in (
        "standard:wwc:name",
        "version:3.0:title",
        "practice_area:dm:name",
        "practice_area:dm:description",
        "criterion:dm1:title",
        "criterion:dm1:description",
        "level:silver:name",
        "outcome_area:air-quality:name",
    ):
        assert f'msgctxt "{context}"' in text
    assert '"Language: es\\n"' in text
    assert '"X-Translation-Status: draft' in text
    assert "python-format" not in text
    parsed = parse_content_catalog(target.read_bytes(), name=str(target))
    assert len({e.context for e in parsed.entries}) == len(parsed.entries) > 90


def test_portuguese_exports_name_the_language_pt_br(shipped_data, capsys):
    call_command("export_translations", "wwc", "3.0", "pt")
    assert '"Language: pt_BR\\n"' in capsys.readouterr().out


def test_round_trip_export_then_import_changes_nothing_and_records_no_history(small_translated):
    version = small_translated
    for language in ("es", "pt-BR"):
        before = _history_count()
        revision = version_get(standard_slug="big", label="1.0").revision
        report = _import(content_catalog(version=version, language=language))
        assert report.written == 0
        assert report.unchanged > 10
        assert _history_count() == before
        assert version_get(standard_slug="big", label="1.0").revision == revision


def test_round_trip_keeps_mixed_statuses(small_translated):
    row = Translation.objects.get(object_key="k1", field="title", language="es")
    row.status = "reviewed"
    row.save()
    exported = content_catalog(version=small_translated, language="es")
    assert b"#, reviewed" in exported
    assert _import(exported).written == 0
    assert Translation.objects.get(pk=row.pk).status == "reviewed"


def test_importing_the_same_file_twice_writes_once(db, tmp_path):
    build_version(label="1.0", criteria=4, areas=1)
    version = version_get(standard_slug="big", label="1.0")
    data = fill_catalog(content_catalog(version=version, language="es"), "es")
    path = tmp_path / "big-1.0.es.po"
    path.write_bytes(data)
    out = io.StringIO()
    call_command("import_translations", str(tmp_path), stdout=out, stderr=io.StringIO())
    assert "translation(s) written" in out.getvalue()
    written = Translation.objects.count()
    history = _history_count()
    assert written > 0
    out = io.StringIO()
    call_command("import_translations", str(path), stdout=out, stderr=io.StringIO())
    assert "0 translation(s) written" in out.getvalue()
    assert (Translation.objects.count(), _history_count()) == (written, history)


def _one_entry_catalog(context: str, msgid: str, msgstr: str, *, language="es", extra="") -> bytes:
    return (
        'msgid ""\nmsgstr ""\n'
        f'"Language: {language}\\n"\n"X-Standard: big\\n"\n"X-Standard-Version: 1.0\\n"\n'
        f'"X-Translation-Status: draft\\n"\n{extra}\n'
        f'msgctxt "{context}"\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'
    ).encode()


@pytest.mark.parametrize(
    ("context", "msgid", "msgstr", "language", "problem"),
    [
        ("criterion:nope:title", "Criterion 0", "X", "es", "no translatable text"),
        ("criterion:k0:colour", "Criterion 0", "X", "es", "no translatable text"),
        ("gadget:k0:title", "Criterion 0", "X", "es", "no translatable text"),
        ("nonsense", "Criterion 0", "X", "es", "no translatable text"),
        ("criterion:k0:title", "Criterion 0", "X", "fr", "Language header"),
        ("criterion:k0:title", "Criterion 0", "X", "en", "Language header"),
        ("criterion:k0:title", "Criterion 0 %(n)s", "Criterio 0", "es", "placeholders"),
        ("criterion:k0:title", "Criterion 0", "Criterio {name}", "es", "placeholders"),
    ],
)
def test_a_bad_entry_refuses_the_whole_catalog_with_its_location(
    db, context, msgid, msgstr, language, problem
):
    build_version(label="1.0", criteria=2, areas=1)
    good = '\nmsgctxt "criterion:k1:title"\nmsgid "Criterion 1"\nmsgstr "Criterio 1"\n'
    data = _one_entry_catalog(context, msgid, msgstr, language=language) + good.encode()
    with pytest.raises(InvalidInput) as refused:
        _import(data, name="bad.po")
    assert refused.value.code == "translation_catalog_invalid"
    problems = refused.value.errors["problems"]
    assert any(problem in p and p.startswith("bad.po") for p in problems), problems
    assert Translation.objects.count() == 0


def test_a_file_for_the_wrong_language_is_refused(db, tmp_path):
    build_version(label="1.0", criteria=2, areas=1)
    path = tmp_path / "big-1.0.pt_BR.po"
    path.write_bytes(_one_entry_catalog("criterion:k0:title", "Criterion 0", "Criterio 0"))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_translations", str(path), stderr=err, stdout=io.StringIO())
    assert "contradicts" in err.getvalue()
    assert Translation.objects.count() == 0


def test_an_unreadable_file_is_refused_with_its_line(db):
    build_version(label="1.0", criteria=2, areas=1)
    data = _one_entry_catalog("criterion:k0:title", "Criterion 0", "X") + b'\nmsgid "unterminated\n'
    with pytest.raises(InvalidInput) as refused:
        _import(data, name="broken.po")
    assert "broken.po" in refused.value.errors["problems"][0]


def test_a_msgid_that_is_not_the_current_english_is_imported_as_stale(db):
    build_version(label="1.0", criteria=2, areas=1)
    report = _import(_one_entry_catalog("criterion:k0:title", "Old criterion 0", "Viejo"))
    assert report.written == 1
    assert "not the current English" in report.warnings[0]
    row = Translation.objects.get()
    assert row.source_text == "Old criterion 0"
    assert row.source_hash == source_hash("Old criterion 0")
    assert not row.is_current_for("Criterion 0")


def test_strict_import_refuses_a_msgid_that_is_not_the_current_english(db):
    build_version(label="1.0", criteria=2, areas=1)
    with pytest.raises(InvalidInput):
        _import(_one_entry_catalog("criterion:k0:title", "Old", "Viejo"), strict=True)
    assert Translation.objects.count() == 0


def test_fuzzy_and_empty_entries_are_skipped(db):
    build_version(label="1.0", criteria=2, areas=1)
    data = _one_entry_catalog("criterion:k0:title", "Criterion 0", "Criterio 0", extra="#, fuzzy")
    data = data.replace(b'msgctxt "criterion:k0', b'#, fuzzy\nmsgctxt "criterion:k0')
    data += b'\nmsgctxt "criterion:k1:title"\nmsgid "Criterion 1"\nmsgstr ""\n'
    report = _import(data)
    assert report.written == 0
    assert any("fuzzy" in line for line in report.skipped)
    assert Translation.objects.count() == 0


def test_the_version_can_come_from_the_file_name_or_the_options(db):
    build_version(label="1.0", criteria=2, areas=1)
    bare = (
        b'msgid ""\nmsgstr ""\n"Language: es\\n"\n\n'
        b'msgctxt "criterion:k0:title"\nmsgid "Criterion 0"\nmsgstr "Criterio 0"\n'
    )
    with pytest.raises(InvalidInput):
        _import(bare, name="translations.po")
    assert _import(bare, name="big-1.0.es.po").written == 1
    assert _import(bare, name="x.po", standard="big", label="1.0").written == 0


def test_the_import_command_reports_problems_and_writes_nothing(db, tmp_path):
    build_version(label="1.0", criteria=2, areas=1)
    path = tmp_path / "big-1.0.es.po"
    path.write_bytes(_one_entry_catalog("criterion:zz:title", "Criterion 0", "X"))
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_translations", str(path), stderr=err, stdout=io.StringIO())
    assert f"{path}:" in err.getvalue()
    assert "criterion:zz:title" in err.getvalue()
