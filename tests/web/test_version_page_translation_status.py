"""The reader is told how each text is served: a badge for a draft translation, a visible note for
a stale translation or an English fallback, and the fallback text marked with its own language."""

import re

import pytest

from standard_versions.models import Criterion, PracticeArea
from standard_versions.web import language as web_language
from standard_versions.web import views

pytestmark = pytest.mark.django_db


class _StubContent:
    """A content layer serving Spanish with chosen statuses (the translation layer's shape)."""

    language = "es"

    def __init__(self, statuses: dict[str, str]):
        self.statuses = statuses

    def _status(self, obj) -> str:
        code = getattr(obj, "code", None)
        return self.statuses.get(code, "reviewed")

    def text(self, obj, field: str) -> str:
        value = getattr(obj, field)
        return value if self._status(obj) == "missing" else f"[es] {value}"

    def language_of(self, obj) -> str:
        return "en" if self._status(obj) == "missing" else "es"

    def status(self, obj) -> str:
        return self._status(obj)


@pytest.fixture
def spanish(monkeypatch):
    def serve(statuses):
        monkeypatch.setattr(web_language, "response_language", lambda request: "es")
        monkeypatch.setattr(
            views, "content_for", lambda request, versions=(): _StubContent(statuses)
        )

    return serve


def _article(html: str, code: str) -> str:
    return re.search(rf'<article id="{code}".*?</article>', html, re.S).group(0)


def test_a_draft_translation_gets_a_badge_a_reviewed_one_nothing(client, shipped_data, spanish):
    spanish({"DM7": "draft"})
    html = client.get("/standards/wwc/versions/3.0/").content.decode()
    # The page is in Spanish, so is the badge ("Draft translation").
    assert "Traducción en borrador" in _article(html, "DM7")
    assert "badge--draft" not in _article(html, "DM8")
    assert "[es] " in _article(html, "DM8")


def test_a_stale_translation_gets_a_visible_note(client, shipped_data, spanish):
    spanish({"DM7": "stale"})
    html = client.get("/standards/wwc/versions/3.0/").content.decode()
    assert 'class="note note--stale"' in _article(html, "DM7")
    assert "note--stale" not in _article(html, "DM8")


def test_an_english_fallback_is_noted_and_marked_lang_en(client, shipped_data, spanish):
    spanish({"DM7": "missing", "DM": "missing"})
    html = client.get("/standards/wwc/versions/3.0/").content.decode()
    article = _article(html, "DM7")
    title = Criterion.objects.get(version__label="3.0", code="DM7").title
    assert "Aún no traducido: se muestra en inglés." in article
    assert f'<span lang="en">{title}</span>' in article
    assert '<div class="prose" lang="en">' in article
    area = PracticeArea.objects.get(version__label="3.0", code="DM")
    assert f'<span lang="en">{area.name}</span>' in html
    # Texts served in the page's language carry no lang attribute of their own.
    assert 'lang="es"' not in _article(html, "DM8")


def test_english_source_text_has_no_translation_notes(client, shipped_data):
    html = client.get("/standards/wwc/versions/3.0/").content.decode()
    assert "Draft translation" not in html
    assert "note--stale" not in html
    assert "note--missing" not in html
