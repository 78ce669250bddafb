"""Each comment period offers an "add to calendar" file: RFC 5545, one VEVENT from opening to
closing in UTC, a stable UID, its texts in the reader's language, read back by a strict parser."""

import datetime as dt
import re

import pytest
import time_machine
from django.core.management import call_command

from standard_versions.consultation import calendar_ics
from standard_versions.consultation.periods import extend_period
from standard_versions.models import CommentPeriod
from tests.ics import parse_ics, prop, unescape
from tests.web.consultation.conftest import DAY, make_period, page_url

pytestmark = pytest.mark.django_db


def _event(body: bytes) -> dict:
    (calendar,) = parse_ics(body)
    assert calendar["name"] == "VCALENDAR"
    assert prop(calendar, "VERSION") == "2.0"
    assert prop(calendar, "PRODID")
    (event,) = calendar["children"]
    assert event["name"] == "VEVENT"
    return event


@pytest.fixture
def shipped_period(shipped_data) -> CommentPeriod:
    call_command("load_comment_periods", stdout=open("/dev/null", "w"))
    return CommentPeriod.objects.get(reference="wwc-3.0-2022")


def test_the_2022_period_is_one_event_from_its_opening_to_its_closing_in_utc(
    client, shipped_period
):
    response = client.get(f"{page_url(shipped_period)}calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    event = _event(response.content)
    assert prop(event, "DTSTART") == "20220414T040000Z"
    assert prop(event, "DTEND") == "20220428T040000Z"  # the first instant refused
    assert prop(event, "TRANSP") == "TRANSPARENT"
    assert re.fullmatch(r"\d{8}T\d{6}Z", prop(event, "DTSTAMP"))
    description = unescape(prop(event, "DESCRIPTION"))
    assert "until the end of Wednesday, April 27, 2022, New York time" in description
    assert prop(event, "URL").endswith(f"/comment-periods/{shipped_period.pk}/?lang=en")
    (alarm,) = event["children"]
    assert alarm["name"] == "VALARM"
    assert ("TRIGGER", ["RELATED=END"], "-P1D") in alarm["props"]


@pytest.mark.parametrize(
    ("lang", "summary", "deadline"),
    [
        (
            "es",
            "Consulta pública sobre la versión 3.0",
            "hasta el final del miércoles, 27 de abril",
        ),
        ("pt-BR", "Consulta pública sobre a versão 3.0", "até o fim de quarta-feira, 27"),
    ],
)
def test_its_texts_are_in_the_readers_language_with_the_same_uid(
    client, shipped_period, lang, summary, deadline
):
    english = _event(client.get(f"{page_url(shipped_period)}calendar.ics").content)
    event = _event(client.get(f"{page_url(shipped_period)}calendar.ics?lang={lang}").content)
    assert unescape(prop(event, "SUMMARY")).startswith(summary)
    assert deadline in unescape(prop(event, "DESCRIPTION"))
    assert prop(event, "UID") == prop(english, "UID") == calendar_ics.period_uid(shipped_period.pk)


def test_an_extension_keeps_the_uid_and_raises_the_sequence(client, draft):
    now = dt.datetime(2030, 4, 20, 12, 0, tzinfo=dt.UTC)
    with time_machine.travel(now, tick=False):
        period = make_period(draft, opens_at=now - DAY, closes_at=now + 3 * DAY)
        before = _event(client.get(f"{page_url(period)}calendar.ics").content)
        extend_period(
            period_id=period.pk, closes_at=now + 5 * DAY, user=None, reason="More time", now=now
        )
        after = _event(client.get(f"{page_url(period)}calendar.ics").content)
    assert prop(before, "UID") == prop(after, "UID")
    assert (prop(before, "SEQUENCE"), prop(after, "SEQUENCE")) == ("0", "1")
    assert prop(after, "DTEND") == "20300425T120000Z"


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character():
    line = "DESCRIPTION:" + "ção " * 60
    folded = calendar_ics.fold(line)
    pieces = folded.split("\r\n ")
    assert len(pieces) > 1
    assert all(len(piece.encode("utf-8")) <= 75 - (i > 0) for i, piece in enumerate(pieces))
    assert "".join(pieces) == line


def test_text_values_escape_backslashes_semicolons_commas_and_newlines():
    assert calendar_ics.escape_text("a\\b;c,d\r\ne\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
    assert unescape(calendar_ics.escape_text("a\\b;c,d\ne")) == "a\\b;c,d\ne"


def test_the_consultation_page_and_the_home_cards_link_to_the_file(client, draft):
    period = make_period(draft)
    calendar = f"/comment-periods/{period.pk}/calendar.ics?lang=es"
    assert (
        f'href="{calendar}" download' in client.get(page_url(period) + "?lang=es").content.decode()
    )
    assert f'href="{calendar}" download' in client.get("/?lang=es").content.decode()


def test_an_unknown_period_has_no_calendar_file(client, db):
    assert client.get("/comment-periods/999999/calendar.ics").status_code == 404
