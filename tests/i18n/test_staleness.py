"""Editing the English makes translations stale at once; an updated import makes them current."""

import pytest
from django.utils import timezone

from standard_versions.models import Criterion, Translation
from standard_versions.standards.revisions import bump_version_revision
from standard_versions.standards.selectors import version_get
from standard_versions.translations.importing import import_translation_catalogs
from standard_versions.translations.po import parse_content_catalog
from standard_versions.translations.selectors import content_catalog
from tests.i18n.conftest import fill_catalog

pytestmark = pytest.mark.django_db

TREE = "/api/v1/standards/big/versions/1.0/"


def _edit_english_title(version, key: str, title: str) -> None:
    """What the authoring services do: a plain save with history, then the revision bump."""
    criterion = Criterion.objects.get(version=version, key=key)
    criterion.title = title
    criterion._change_reason = "edit the English"
    criterion.save()
    bump_version_revision(version=version)


def _criterion(client, language: str) -> dict:
    return client.get(TREE, {"lang": language}).json()["practice_areas"][0]["criteria"][0]


def test_editing_the_english_makes_the_translation_stale_immediately(api_client, small_translated):
    assert _criterion(api_client, "es")["translation_status"] == "draft"
    _edit_english_title(small_translated, "k0", "Criterion zero, renamed")

    criterion = _criterion(api_client, "es")
    assert criterion["translation_status"] == "stale"
    assert criterion["language"] == "es"
    assert criterion["title"] == "[ES] Criterion 0"
    assert _criterion(api_client, "pt-BR")["translation_status"] == "stale"
    assert _criterion(api_client, "en")["title"] == "Criterion zero, renamed"
    # The other criteria are untouched.
    other = api_client.get(TREE, {"lang": "es"}).json()["practice_areas"][1]["criteria"][0]
    assert other["translation_status"] == "draft"


def test_the_coverage_report_lists_the_stale_field_with_the_english_diff(
    api_client, small_translated
):
    _edit_english_title(small_translated, "k0", "Criterion zero, renamed")
    report = api_client.get(TREE + "translations/").json()
    spanish = report["languages"][0]
    assert spanish["language"] == "es"
    assert spanish["by_status"]["stale"] == 1
    assert spanish["translated"] == spanish["total"]
    assert spanish["missing"] == []
    [stale] = spanish["stale"]
    assert stale["context"] == "criterion:k0:title"
    assert stale["code"] == "A0.0"
    assert stale["source_then"] == "Criterion 0"
    assert stale["source_now"] == "Criterion zero, renamed"
    assert {"op": "delete", "text": "0"} in stale["source_diff"]
    assert {"op": "insert", "text": "zero, renamed"} in stale["source_diff"]
    assert stale["text"] == "[ES] Criterion 0"


def test_the_export_marks_a_stale_entry_fuzzy_with_the_previous_english(small_translated):
    _edit_english_title(small_translated, "k0", "Criterion zero, renamed")
    exported = content_catalog(version=small_translated, language="es").decode()
    entry = exported.split('\nmsgctxt "criterion:k0:title"')[0].rsplit("\n\n", 1)[1]
    assert "#, fuzzy" in entry
    assert '#| msgctxt "criterion:k0:title"\n#| msgid "Criterion 0"' in entry
    assert 'msgid "Criterion zero, renamed"\nmsgstr "[ES] Criterion 0"' in exported
    parsed = parse_content_catalog(exported.encode(), name="x.po")
    [fuzzy] = [e for e in parsed.entries if e.context == "criterion:k0:title"]
    assert fuzzy.previous_msgid == "Criterion 0"
    assert "fuzzy" in fuzzy.flags


def test_importing_an_updated_translation_makes_it_current_again(api_client, small_translated):
    _edit_english_title(small_translated, "k0", "Criterion zero, renamed")
    revision = version_get(standard_slug="big", label="1.0").revision
    exported = content_catalog(version=small_translated, language="es")
    updated = fill_catalog(exported, "es", only={"criterion:k0:title"})
    assert (
        b"#, fuzzy" not in updated.split(b'msgctxt "criterion:k0:title"')[0].rsplit(b"\n\n", 1)[1]
    )

    report = import_translation_catalogs(
        catalogs=[parse_content_catalog(updated, name="big-1.0.es.po")],
        user=None,
        reason="translator caught up",
        now=timezone.now(),
    )

    assert report.written == 1
    criterion = _criterion(api_client, "es")
    assert criterion["translation_status"] == "draft"
    assert criterion["title"] == "[ES] Criterion zero, renamed"
    assert _criterion(api_client, "pt-BR")["translation_status"] == "stale"
    assert version_get(standard_slug="big", label="1.0").revision == revision + 1
    row = Translation.objects.get(object_key="k0", field="title", language="es")
    assert row.history.first().history_change_reason == "translator caught up"
