"""The disposition report names each criterion in the reader's language, marked like every
translated text; the API keeps its English ``title`` and adds ``display_title``."""

import re

import pytest
from django.utils import timezone

from standard_versions.consultation.comments import moderate_comment
from standard_versions.models import Comment, Criterion
from standard_versions.translations.services import set_translation
from tests.web.consultation.conftest import post_comment

pytestmark = pytest.mark.django_db

REPORT = "/standards/big/versions/9.0/disposition-report/"
API_REPORT = "/api/v1/standards/big/versions/9.0/disposition-report/"


@pytest.fixture
def published(client, open_period):
    """Published comments on A0.0 (translated to Spanish) and A1.1 (not translated)."""
    set_translation(
        version=open_period.version,
        object_type="criterion",
        object_key="k0",
        field="title",
        language="es",
        text="Criterio cero",
        status="draft",
        user=None,
        reason="test",
        now=timezone.now(),
    )
    for code in ("A0.0", "A1.1"):
        assert post_comment(client, open_period, criterion=code).status_code == 303
    for comment in Comment.objects.all():
        moderate_comment(
            tracking_id=comment.tracking_id, state="published", user=None, now=timezone.now()
        )
    return open_period


def _section(html: str, code: str) -> str:
    return re.search(rf'<section id="{re.escape(code)}".*?</section>', html, re.S).group(0)


def test_a_spanish_reader_gets_the_spanish_title_marked_as_a_draft_translation(client, published):
    section = _section(client.get(REPORT + "?lang=es").text, "A0.0")
    assert "<span>Criterio cero</span>" in section
    assert "Traducción en borrador" in section
    assert "Criterion 0" not in section


def test_an_untranslated_title_is_english_marked_as_such(client, published):
    section = _section(client.get(REPORT + "?lang=pt-BR").text, "A1.1")
    assert '<span lang="en">Criterion 1</span>' in section
    assert "Ainda não traduzido" in section


def test_an_english_reader_gets_the_english_title_unmarked(client, published):
    section = _section(client.get(REPORT).text, "A0.0")
    assert "<span>Criterion 0</span>" in section
    assert 'class="note' not in section and 'class="badge' not in section


def test_a_removed_criterion_keeps_the_english_title_its_comments_stored(client, published):
    Criterion.objects.filter(version=published.version, key="k0").delete()
    section = _section(client.get(REPORT + "?lang=es").text, "A0.0")
    assert '<span lang="en">Criterion 0</span>' in section


def test_the_api_keeps_the_english_title_and_adds_the_display_title(api_client, published):
    sections = api_client.get(API_REPORT + "?lang=es").json()["sections"]
    by_code = {section["criterion"]: section for section in sections}
    assert by_code["A0.0"]["title"] == "Criterion 0"
    assert by_code["A0.0"]["display_title"] == {
        "text": "Criterio cero",
        "language": "es",
        "translation_status": "draft",
    }
    assert by_code["A1.1"]["display_title"] == {
        "text": "Criterion 1",
        "language": "en",
        "translation_status": "missing",
    }


def test_the_csv_report_keeps_the_english_titles(api_client, published):
    response = api_client.get(API_REPORT + "?format=csv&lang=es")
    csv = b"".join(response.streaming_content).decode()
    assert "Criterion 0" in csv and "Criterio cero" not in csv
