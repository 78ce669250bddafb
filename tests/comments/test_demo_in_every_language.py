"""The demo (`ensure_demo`) names itself and says DEMO in Spanish and Portuguese: its own title and
the instructions of its period are translated, instead of the title copied from 3.0."""

import io

import pytest
from django.core.management import call_command

from standard_versions.management.commands.ensure_demo import (
    DEMO_INSTRUCTIONS,
    DEMO_TITLE,
    DEMO_TRANSLATIONS,
)
from standard_versions.models import CommentPeriod, Translation, Version
from standard_versions.standards.revisions import bump_version_revision

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(shipped_translations):
    """As `make run` makes it: the shipped translations first, then the demo."""
    call_command("ensure_demo", stdout=io.StringIO())
    return CommentPeriod.objects.get(version__label="demo")


@pytest.mark.parametrize("language", ["es", "pt-BR"])
def test_the_demo_version_has_its_own_title_in_the_language(api_client, demo, language):
    body = api_client.get(f"/api/v1/standards/wwc/versions/demo/?lang={language}").json()
    assert body["title"] == DEMO_TRANSLATIONS[language]["title"]
    assert "DEMO" in body["title"] and "3.0" not in body["title"]
    assert (body["language"], body["translation_status"]) == (language, "draft")


@pytest.mark.parametrize("language", ["es", "pt-BR"])
def test_the_demo_periods_instructions_are_translated(api_client, demo, language):
    body = api_client.get(f"/api/v1/comment-periods/{demo.pk}/?lang={language}").json()
    assert body["instructions"] == DEMO_TRANSLATIONS[language]["instructions"]
    assert (body["language"], body["translation_status"]) == (language, "draft")


@pytest.mark.parametrize(
    ("language", "warning", "not_translated"),
    [
        ("es", "Esto es una demostración.", "Aún no traducido"),
        ("pt-BR", "Isto é uma demonstração.", "Ainda não traduzido"),
    ],
)
def test_the_demo_consultation_page_says_demo_and_never_names_3_0(
    client, demo, language, warning, not_translated
):
    html = client.get(f"/comment-periods/{demo.pk}/?lang={language}").text
    assert DEMO_TRANSLATIONS[language]["title"] in html
    assert warning in html
    assert "3.0" not in html
    assert not_translated not in html
    assert DEMO_INSTRUCTIONS.split("**")[1] not in html  # no English demo warning left


def test_the_home_page_card_of_the_demo_says_demo_in_spanish(client, demo):
    html = client.get("/?lang=es").text
    assert DEMO_TRANSLATIONS["es"]["title"] in html
    assert "versión 3.0" not in html.split('id="comment-periods-heading"')[1].split("</section>")[0]


def test_running_ensure_demo_again_writes_no_translation(demo):
    version = Version.objects.get(label="demo")
    before = (Translation.history.count(), version.revision)
    call_command("ensure_demo", stdout=io.StringIO())
    version.refresh_from_db()
    assert (Translation.history.count(), version.revision) == before


def test_an_edited_demo_title_gets_its_translation_flagged_stale_not_restamped(api_client, demo):
    version = Version.objects.get(label="demo")
    Version.objects.filter(pk=version.pk).update(title="DEMO draft, renamed by an editor")
    bump_version_revision(version=version)
    call_command("ensure_demo", stdout=io.StringIO())
    body = api_client.get("/api/v1/standards/wwc/versions/demo/?lang=es").json()
    assert body["translation_status"] == "stale"
    row = Translation.objects.get(version=version, object_type="version", language="es")
    assert row.source_text == DEMO_TITLE
