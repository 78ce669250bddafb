"""A draft copies its base version's translations; its own title differs from the base's English,
so the copied title (which names the base version) is served stale and every page that shows it
says so (authoring + translations + web)."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from standard_versions.consultation.periods import create_period
from standard_versions.models import Translation, Version
from standard_versions.standards.drafts import create_draft

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)
BASE_TITLE_ES = "Estándar de Certificación What Works Cities, versión 3.0"
STALE_NOTE_ES = "El original en inglés cambió después de esta traducción"
STALE_NOTE_PT = "O original em inglês mudou depois desta tradução"


@pytest.fixture
def draft_with_period(shipped_translations):
    draft = create_draft(
        based_on=Version.objects.get(label="3.0"),
        label="3.1",
        title="Version 3.1, for comment",
        user=None,
        reason="Next revision",
        now=NOW,
    )
    now = timezone.now()
    period = create_period(
        standard_slug="wwc",
        label="3.1",
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=9),
        timezone="America/New_York",
        criteria=None,
        instructions="Comment on 3.1.",
        user=None,
        reason="test",
        now=now,
    )
    return draft, period


def _page_header(html: str) -> str:
    return re.search(r'<header class="page-header">.*?</header>', html, re.S).group(0)


def _card_of(html: str, period) -> str:
    cards = re.findall(r'<li class="card">.*?</li>', html, re.S)
    [card] = [card for card in cards if f'href="/comment-periods/{period.pk}/"' in card]
    return card


def test_the_copied_title_keeps_the_english_it_was_made_from(draft_with_period):
    draft, _period = draft_with_period
    row = Translation.objects.get(version=draft, object_type="version", language="es")
    assert row.object_key == "3.1"
    assert row.source_text == "What Works Cities Certification Standard, Version 3.0"
    assert not row.is_current_for(draft.title)


def test_the_api_serves_the_copied_title_as_stale(api_client, draft_with_period):
    body = api_client.get("/api/v1/standards/wwc/versions/3.1/?lang=es").json()
    assert (body["title"], body["translation_status"]) == (BASE_TITLE_ES, "stale")


@pytest.mark.parametrize(("language", "note"), [("es", STALE_NOTE_ES), ("pt-BR", STALE_NOTE_PT)])
def test_the_consultation_page_says_the_copied_title_is_out_of_date(
    client, draft_with_period, language, note
):
    _draft, period = draft_with_period
    header = _page_header(client.get(f"/comment-periods/{period.pk}/?lang={language}").text)
    assert "versi" in header and "3.0" in header  # the copied title, ...
    assert note in header  # ... said to be out of date


def test_the_home_page_period_card_says_the_copied_title_is_out_of_date(client, draft_with_period):
    _draft, period = draft_with_period
    card = _card_of(client.get("/?lang=es").text, period)
    assert BASE_TITLE_ES in card
    assert STALE_NOTE_ES in card


def test_an_english_reader_sees_the_drafts_own_title_without_a_note(client, draft_with_period):
    _draft, period = draft_with_period
    header = _page_header(client.get(f"/comment-periods/{period.pk}/").text)
    assert "Version 3.1, for comment" in header
    assert "changed after this was translated" not in header
