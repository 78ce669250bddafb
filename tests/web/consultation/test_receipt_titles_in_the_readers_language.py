"""The receipt names the criterion in the reader's language (marked like every translated text),
and keeps the title the commenter was shown when it differs: the page and the API."""

import pytest
from django.utils import timezone

from standard_versions.consultation.selectors_comments import comment_receipt, title_when_commented
from standard_versions.models import Comment, Criterion
from standard_versions.translations.services import set_translation
from tests.web.consultation.conftest import post_comment

pytestmark = pytest.mark.django_db

ENGLISH = "Criterion 0"
SPANISH = "Criterio cero"
SPANISH_LATER = "Criterio número cero"


def _translate(version, text: str, *, language: str = "es") -> None:
    set_translation(
        version=version,
        object_type="criterion",
        object_key="k0",
        field="title",
        language=language,
        text=text,
        status="draft",
        user=None,
        reason="test",
        now=timezone.now(),
    )


def _comment(client, period, *, language: str) -> Comment:
    response = post_comment(client, period, criterion="A0.0", language=language)
    assert response.status_code == 303
    return Comment.objects.get()


def _on_row(html: str) -> str:
    """The receipt's facts about what the comment is on (the "On" row and the one after it)."""
    start = html.index('<section aria-labelledby="details-heading">')
    return html[start : html.index("<blockquote", start)]


def test_an_english_comment_read_in_spanish_shows_the_spanish_title_and_the_one_seen(
    client, open_period
):
    _translate(open_period.version, SPANISH)
    comment = _comment(client, open_period, language="en")
    facts = _on_row(client.get(f"/comments/{comment.tracking_id}/?lang=es").text)
    assert f"<span>{SPANISH}</span>" in facts
    assert "Traducción en borrador" in facts
    assert "Su título cuando usted comentó" in facts
    assert f'<span lang="en">{ENGLISH}</span>' in facts


def test_a_spanish_comment_read_in_english_keeps_the_spanish_title_it_was_shown(
    client, open_period
):
    _translate(open_period.version, SPANISH)
    comment = _comment(client, open_period, language="es")
    facts = _on_row(client.get(f"/comments/{comment.tracking_id}/").text)
    assert f"<span>{ENGLISH}</span>" in facts
    assert "Its title when you commented" in facts
    assert f'<span lang="es">{SPANISH}</span>' in facts


def test_a_title_unchanged_since_is_shown_once(client, open_period):
    _translate(open_period.version, SPANISH)
    comment = _comment(client, open_period, language="es")
    facts = _on_row(client.get(f"/comments/{comment.tracking_id}/?lang=es").text)
    assert facts.count(SPANISH) == 1
    assert "Su título cuando usted comentó" not in facts


def test_a_translation_changed_since_shows_the_new_one_and_the_one_seen(client, open_period):
    _translate(open_period.version, SPANISH)
    comment = _comment(client, open_period, language="es")
    _translate(open_period.version, SPANISH_LATER)
    facts = _on_row(client.get(f"/comments/{comment.tracking_id}/?lang=es").text)
    assert f"<span>{SPANISH_LATER}</span>" in facts
    assert f"<span>{SPANISH}</span>" in facts


def test_an_untranslated_title_in_portuguese_is_english_and_said_so(client, open_period):
    comment = _comment(client, open_period, language="pt-BR")
    facts = _on_row(client.get(f"/comments/{comment.tracking_id}/?lang=pt-BR").text)
    assert f'<span lang="en">{ENGLISH}</span>' in facts
    assert "Ainda não traduzido" in facts
    assert "O título quando você comentou" not in facts


def test_the_title_seen_is_read_from_the_translations_history(client, open_period):
    _translate(open_period.version, SPANISH)
    comment = _comment(client, open_period, language="es")
    _translate(open_period.version, SPANISH_LATER)
    Criterion.objects.filter(version=open_period.version, key="k0").update(title="Renamed")
    seen = title_when_commented(comment_receipt(tracking_id=comment.tracking_id).comment)
    assert (seen.text, seen.language, seen.status) == (SPANISH, "es", "draft")


def test_the_api_receipt_adds_both_titles_and_keeps_its_fields(api_client, client, open_period):
    _translate(open_period.version, SPANISH)
    comment = _comment(client, open_period, language="en")
    body = api_client.get(f"/api/v1/comments/{comment.tracking_id}/?lang=es").json()
    assert body["criterion"] == "A0.0"
    assert body["criterion_title"] == {
        "text": SPANISH,
        "language": "es",
        "translation_status": "draft",
    }
    assert body["criterion_title_when_commented"] == {
        "text": ENGLISH,
        "language": "en",
        "translation_status": "source",
    }


def test_the_api_receipt_of_a_comment_on_a_removed_criterion_gives_the_stored_title(
    api_client, client, open_period
):
    comment = _comment(client, open_period, language="en")
    Criterion.objects.filter(version=open_period.version, key="k0").delete()
    body = api_client.get(f"/api/v1/comments/{comment.tracking_id}/?lang=es").json()
    assert body["criterion_change"]["removed"] is True
    assert body["criterion_title"] == {
        "text": ENGLISH,
        "language": "en",
        "translation_status": "missing",
    }


def test_a_comment_on_the_whole_version_has_no_criterion_titles(api_client, client, open_period):
    response = post_comment(client, open_period, criterion="", language="es")
    assert response.status_code == 303
    tracking_id = Comment.objects.get().tracking_id
    body = api_client.get(f"/api/v1/comments/{tracking_id}/?lang=es").json()
    assert body["criterion_title"] is None
    assert body["criterion_title_when_commented"] is None
