"""Setting one translation, and carrying a version's translations into a new draft."""

import pytest
from django.utils import timezone

from standard_versions.errors import InvalidInput, NotFound
from standard_versions.models import (
    CertificationLevel,
    Criterion,
    PracticeArea,
    Translation,
    Version,
)
from standard_versions.standards.selectors import version_get
from standard_versions.translations.services import copy_translations, set_translation

pytestmark = pytest.mark.django_db


def _set(version, **overrides):
    arguments = {
        "version": version,
        "object_type": "criterion",
        "object_key": "k0",
        "field": "title",
        "language": "es",
        "text": "Criterio 0",
        "status": "draft",
        "user": None,
        "reason": "translate",
        "now": timezone.now(),
        **overrides,
    }
    return set_translation(**arguments)


def test_setting_a_translation_records_history_and_bumps_the_revision(small_translated):
    revision = small_translated.revision
    row = _set(small_translated, text="Criterio cero", status="reviewed")
    assert (row.text, row.status, row.source_text) == ("Criterio cero", "reviewed", "Criterion 0")
    assert row.history.first().history_change_reason == "translate"
    assert version_get(standard_slug="big", label="1.0").revision == revision + 1


def test_setting_the_same_translation_again_changes_nothing(small_translated):
    _set(small_translated)
    revision = version_get(standard_slug="big", label="1.0").revision
    history = Translation.history.count()
    _set(small_translated)
    assert Translation.history.count() == history
    assert version_get(standard_slug="big", label="1.0").revision == revision


def test_the_standard_text_is_shared_by_its_versions_and_bumps_them_all(small_translated):
    other = Version.objects.create(standard=small_translated.standard, label="2.0", title="V2")
    before = other.revision
    _set(small_translated, object_type="standard", object_key="big", field="name", text="Grande")
    row = Translation.objects.get(object_type="standard", language="es", field="name")
    assert row.version_id is None
    other.refresh_from_db()
    assert other.revision == before + 1


@pytest.mark.parametrize(
    ("overrides", "error", "code"),
    [
        ({"language": "fr"}, InvalidInput, "translation_language_unsupported"),
        ({"language": "en"}, InvalidInput, "translation_language_unsupported"),
        ({"status": "final"}, InvalidInput, "translation_status_invalid"),
        ({"object_key": "nope"}, NotFound, "translation_target_not_found"),
        ({"field": "code"}, NotFound, "translation_target_not_found"),
        ({"text": "   "}, InvalidInput, "translation_invalid"),
        ({"text": "x" * 30_000}, InvalidInput, "translation_invalid"),
        ({"text": "Criterio %(n)s"}, InvalidInput, "translation_invalid"),
    ],
)
def test_a_bad_translation_is_refused_and_stores_nothing(small_translated, overrides, error, code):
    before = (Translation.objects.count(), Translation.history.count())
    with pytest.raises(error) as refused:
        _set(small_translated, **overrides)
    assert refused.value.code == code
    assert (Translation.objects.count(), Translation.history.count()) == before


def _draft_from(base):
    draft = Version.objects.create(
        standard=base.standard, label="2.0", title="Version 2.0 draft", based_on=base
    )
    for level in base.levels.all():
        CertificationLevel.objects.create(
            version=draft, key=level.key, name=level.name, min_percent=level.min_percent
        )
    for area in base.practice_areas.all():
        new_area = PracticeArea.objects.create(
            version=draft, key=area.key, code=area.code, name=area.name, position=area.position
        )
        for criterion in area.criteria.all():
            Criterion.objects.create(
                version=draft,
                practice_area=new_area,
                key=criterion.key,
                code=criterion.code,
                title=criterion.title,
                description=criterion.description,
                position=criterion.position,
            )
    return draft


def test_a_new_draft_carries_its_base_version_translations(api_client, small_translated):
    draft = _draft_from(small_translated)
    Criterion.objects.filter(version=draft, key="k1").update(title="Criterion one, changed")
    history = Translation.history.count()

    copied = copy_translations(
        source_version=small_translated,
        target_version=draft,
        user=None,
        reason="new draft",
        now=timezone.now(),
    )

    assert copied > 0
    assert Translation.history.count() == history + copied
    tree = api_client.get("/api/v1/standards/big/versions/2.0/?lang=es").json()
    criteria = {c["key"]: c for area in tree["practice_areas"] for c in area["criteria"]}
    assert (criteria["k0"]["title"], criteria["k0"]["translation_status"]) == (
        "[ES] Criterion 0",
        "draft",
    )
    assert criteria["k1"]["translation_status"] == "stale"
    # The version title follows to the new label, stale because the English differs.
    assert tree["translation_status"] == "stale"
    assert tree["title"] == "[ES] Version 1.0"
    # Copying again is a no-op.
    assert (
        copy_translations(
            source_version=small_translated,
            target_version=draft,
            user=None,
            reason="again",
            now=timezone.now(),
        )
        == 0
    )
