"""Comment-period instructions are translatable content like the Standard's own text: exported to
PO, imported, served in the reader's language, and stale when the English changes."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from standard_versions.models import CommentPeriod, Version
from standard_versions.translations.services import set_translation

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)
SPANISH = "Se recibieron comentarios del 14 al 27 de abril de 2022."


@pytest.fixture
def shipped_period(shipped_data):
    call_command("load_comment_periods", stdout=io.StringIO())
    return CommentPeriod.objects.get(reference="wwc-3.0-2022")


def _translate(period: CommentPeriod) -> None:
    set_translation(
        version=period.version,
        object_type="comment_period",
        object_key=period.reference,
        field="instructions",
        language="es",
        text=SPANISH,
        status="draft",
        user=None,
        reason="test",
        now=NOW,
    )


def test_the_po_export_of_a_version_includes_its_periods_instructions(shipped_period, tmp_path):
    path = tmp_path / "es.po"
    call_command("export_translations", "wwc", "3.0", "es", output=path)
    assert 'msgctxt "comment_period:wwc-3.0-2022:instructions"' in path.read_text()


def test_translated_instructions_are_served_in_spanish(api_client, shipped_period):
    _translate(shipped_period)
    body = api_client.get(f"/api/v1/comment-periods/{shipped_period.pk}/?lang=es").json()
    assert body["instructions"] == SPANISH
    assert body["instructions_html"] == f"<p>{SPANISH}</p>\n"
    assert (body["language"], body["translation_status"]) == ("es", "draft")


def test_changed_english_instructions_make_the_translation_stale(api_client, shipped_period):
    _translate(shipped_period)
    shipped_period.instructions += "\n\nA new paragraph."
    shipped_period.save()
    Version.objects.filter(pk=shipped_period.version_id).update(revision=10)
    body = api_client.get(f"/api/v1/comment-periods/{shipped_period.pk}/?lang=es").json()
    assert body["translation_status"] == "stale"


def test_the_consultation_page_shows_the_translated_instructions(client, shipped_period):
    _translate(shipped_period)
    page = client.get(f"/comment-periods/{shipped_period.pk}/?lang=es").content.decode()
    assert SPANISH in page
