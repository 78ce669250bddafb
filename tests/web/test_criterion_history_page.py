"""The public history page of one criterion, ``/standards/{std}/criteria/{key}/``: every version
it appears in (by its permanent key), the redline from the version before, each recorded change
with its date, reason and account (as the public history API gives them), in the reader's
language with the translation status marked; a 404 page for an unknown key."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model

from standard_versions.standards import criteria as criterion_services
from standard_versions.standards import drafts as draft_services
from standard_versions.standards.selectors import version_get
from standard_versions.translations import i18n

pytestmark = pytest.mark.django_db

EDITED_AT = dt.datetime(2030, 4, 27, 15, 0, tzinfo=dt.UTC)
NEW_TEXT = (
    "Your local government maintains a published list of data strategy and governance "
    "responsibilities and meets at least monthly to carry out those responsibilities."
)


@pytest.fixture
def edited_draft(shipped_translations):
    """Draft 4.0 of 3.0 (with its translations) in which DM1 is renumbered DM10 and reworded,
    by the account ana."""
    editor = get_user_model().objects.create(username="ana")
    draft = draft_services.create_draft(
        based_on=version_get(standard_slug="wwc", label="3.0"),
        label="4.0",
        title="Draft 4.0",
        user=editor,
        reason="Next revision",
        now=EDITED_AT - dt.timedelta(days=1),
    )
    criterion_services.update_criterion(
        version=draft,
        code="DM1",
        new_code="DM10",
        description=NEW_TEXT,
        user=editor,
        reason="Cities asked for a monthly cadence",
        now=EDITED_AT,
    )
    return draft


def _section(html: str, label: str) -> str:
    found = re.search(rf'<section id="version-{re.escape(label)}".*?</section>', html, re.S)
    return found.group(0)


def test_the_page_lists_every_version_with_the_criterions_code_title_and_status(
    client, edited_draft
):
    html = client.get("/standards/wwc/criteria/dm1/").content.decode()
    assert re.findall(r'<section id="version-([^"]+)"', html) == ["2.0", "3.0", "4.0"]
    assert 'Version 2.0 <span class="status status--superseded">superseded</span>' in html
    assert '<span class="status status--published">published</span>' in _section(html, "3.0")
    assert '<span class="status status--draft">draft</span>' in _section(html, "4.0")
    for label, code in (("2.0", "DM1"), ("3.0", "DM1"), ("4.0", "DM10")):
        section = _section(html, label)
        assert f'<span class="code">{code}</span> <span>Implementing Data Strategy' in section
        assert f'href="/standards/wwc/versions/{label}/#{code}"' in section
    assert '<h1><span class="code">DM10</span>' in html  # named as in the newest version


def test_a_version_that_changed_the_criterion_shows_the_redline_from_the_one_before(
    client, edited_draft
):
    section = _section(client.get("/standards/wwc/criteria/dm1/").content.decode(), "4.0")
    assert "Changes from version 3.0:" in section
    assert "Renumbered: DM1 is now DM10." in section
    assert re.search(r"<del><span class=\"visually-hidden\">\[removed: </span>documented", section)
    assert re.search(r"<ins><span class=\"visually-hidden\">\[added: </span>published", section)
    assert 'href="/standards/wwc/compare/?from=3.0&amp;to=4.0"' in section


def test_each_recorded_change_has_its_date_reason_account_and_redline(client, edited_draft):
    section = _section(client.get("/standards/wwc/criteria/dm1/").content.decode(), "4.0")
    records = re.findall(r'<li class="history-record">.*?</li>', section, re.S)
    assert len(records) == 2
    created, changed = records
    assert "<strong>Created</strong>" in created and "Next revision" in created
    assert "<strong>Changed</strong>" in changed
    stamp = i18n.format_datetime(EDITED_AT, language="en", timezone="UTC")
    assert stamp.startswith("April 27, 2030, 3:00")
    assert f'<time datetime="2030-04-27T15:00:00Z">{stamp}</time>' in changed
    assert "by ana" in changed
    assert "Reason given: <q>Cities asked for a monthly cadence</q>" in changed
    assert "Renumbered: DM1 is now DM10." in changed
    assert "<del>" in changed and "<ins>" in changed


def test_the_account_shown_is_the_one_the_public_history_api_gives(client, edited_draft):
    api = client.get("/api/v1/standards/wwc/versions/4.0/criteria/DM10/history/").json()
    accounts = {record["changed_by"] for record in api["results"]}
    assert accounts == {"ana"}
    html = client.get("/standards/wwc/criteria/dm1/").content.decode()
    assert html.count("by ana") == 2
    # Changes loaded from the data files have no account, and say none.
    assert "by " not in _section(html, "2.0").split("history-records", 1)[1]


def test_an_unchanged_version_says_so(client, shipped_data):
    draft_services.create_draft(
        based_on=version_get(standard_slug="wwc", label="3.0"),
        label="4.0",
        title="Draft 4.0",
        user=None,
        reason="Next revision",
        now=EDITED_AT,
    )
    section = _section(client.get("/standards/wwc/criteria/dm7/").content.decode(), "4.0")
    assert "Unchanged from version 3.0." in section
    assert "<ins>" not in section


def test_the_page_is_in_the_readers_language_with_dates_by_babel(client, edited_draft):
    html = client.get("/standards/wwc/criteria/dm1/?lang=es").content.decode()
    assert '<html lang="es">' in html
    assert "Historial del criterio DM10" in html
    assert i18n.format_datetime(EDITED_AT, language="es", timezone="UTC") in html
    assert "27 de abril de 2030" in html
    # 3.0's DM1 is translated; the draft's was translated from English that has changed since.
    spanish_title = re.search(
        r'<h3 id="version-3.0-title"><span class="code">DM1</span> <span>([^<]+)</span>',
        _section(html, "3.0"),
    ).group(1)
    assert not spanish_title.startswith("Implementing")
    assert "note--stale" in _section(html, "4.0")
    # So the redline compares the English texts, and says so.
    assert '<p class="redline__text" lang="en">' in _section(html, "4.0")
    assert "se muestran entre los textos en inglés" in _section(html, "4.0")


def test_an_unknown_key_is_the_404_page_saying_so(client, shipped_data):
    response = client.get("/standards/wwc/criteria/no-such-key/")
    assert response.status_code == 404
    assert "No version of wwc has a criterion with key no-such-key." in response.content.decode()
    assert client.get("/standards/nope/criteria/dm1/").status_code == 404
