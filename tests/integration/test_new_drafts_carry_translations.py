"""A new draft carries its base version's translations, and they go stale where its English is
edited (authoring + translations)."""

import datetime as dt

import pytest

from standard_versions.models import Translation, Version
from standard_versions.standards.criteria import update_criterion
from standard_versions.standards.drafts import create_draft

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def translated_data(shipped_translations):
    """The shipped versions with their shipped translations."""


def test_a_draft_of_3_0_serves_the_same_spanish_text(
    api_client, translated_data, django_user_model
):
    user = django_user_model.objects.create_user("ed")
    draft = create_draft(
        based_on=Version.objects.get(label="3.0"),
        label="3.1",
        title="What Works Cities Certification Standard, Version 3.1",
        user=user,
        reason="Next revision",
        now=NOW,
    )
    assert Translation.objects.filter(version=draft, language="es").count() == (
        Translation.objects.filter(version__label="3.0", language="es").count()
    )
    body = api_client.get("/api/v1/standards/wwc/versions/3.1/criteria/DM7/?lang=es").json()
    original = api_client.get("/api/v1/standards/wwc/versions/3.0/criteria/DM7/?lang=es").json()
    assert body["title"] == original["title"] != "Qualitative Data Practices"
    assert (body["language"], body["translation_status"]) == ("es", "draft")


def test_editing_the_english_of_a_draft_makes_its_translation_stale(
    api_client, translated_data, django_user_model
):
    user = django_user_model.objects.create_user("ed")
    draft = create_draft(
        based_on=Version.objects.get(label="3.0"),
        label="3.1",
        title="Version 3.1",
        user=user,
        reason="Next revision",
        now=NOW,
    )
    update_criterion(
        version=draft,
        code="DM7",
        title="Qualitative Data and Input",
        user=user,
        reason="Clearer title",
        now=NOW,
    )
    body = api_client.get("/api/v1/standards/wwc/versions/3.1/criteria/DM7/?lang=es").json()
    assert body["translation_status"] == "stale"
