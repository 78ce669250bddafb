"""``/comment-periods.ics`` is every comment period as a calendar to subscribe to (and
``/standards/{std}/comment-periods.ics`` those of one standard): one event per period as its own
calendar file has it, read back by the strict parser, with its zone named in words, a UID that
never changes and a SEQUENCE that an extension raises."""

import datetime as dt

import pytest

from standard_versions.consultation.periods import close_period_early, create_period
from standard_versions.standards.drafts import publish_version
from tests.factories import build_version
from tests.ics import parse_ics, prop, unescape
from tests.notifications.feeds_support import BASE, DAY, T0, consultation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _public_base_url(settings):
    settings.PUBLIC_BASE_URL = BASE


ALL = "/comment-periods.ics"


def _events(response) -> dict[str, dict]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    (calendar,) = parse_ics(response.content)
    assert calendar["name"] == "VCALENDAR" and prop(calendar, "VERSION") == "2.0"
    assert prop(calendar, "METHOD") == "PUBLISH"
    assert all(child["name"] == "VEVENT" for child in calendar["children"])
    return {prop(event, "UID"): event for event in calendar["children"]}


def _other_standard():
    """Standard "other": a closed period in São Paulo time, and a scheduled one that publishing
    cancelled."""
    build_version(standard_slug="other", label="2.0", criteria=2, areas=1, status="draft")
    kept = create_period(
        standard_slug="other",
        label="2.0",
        opens_at=T0 + DAY,
        closes_at=T0 + 8 * DAY,
        timezone="America/Sao_Paulo",
        criteria=None,
        user=None,
        reason="test",
        now=T0,
    )
    close_period_early(period_id=kept.pk, user=None, reason="Enough", now=T0 + 3 * DAY)
    cancelled = create_period(
        standard_slug="other",
        label="2.0",
        opens_at=T0 + 30 * DAY,
        closes_at=T0 + 40 * DAY,
        timezone="UTC",
        criteria=None,
        user=None,
        reason="test",
        now=T0 + 4 * DAY,
    )
    publish_version(
        version=kept.version,
        user=None,
        reason="done",
        now=T0 + 5 * DAY,
        close_open_period=True,
    )
    kept.refresh_from_db()
    return kept, cancelled


def test_every_period_is_one_event_in_utc_with_its_zone_in_words(client):
    c = consultation()
    kept, cancelled = _other_standard()
    events = _events(client.get(ALL))
    assert set(events) == {
        f"comment-period-{c.period.pk}@wwc-standard-service",
        f"comment-period-{kept.pk}@wwc-standard-service",
    }
    # Cancelled by the publication before it opened: left out, so subscribed calendars drop it.
    assert f"comment-period-{cancelled.pk}@wwc-standard-service" not in events
    ours = events[f"comment-period-{c.period.pk}@wwc-standard-service"]
    assert prop(ours, "DTSTART") == "20261102T140000Z"
    assert prop(ours, "DTEND") == "20261116T140000Z"
    assert unescape(prop(ours, "DESCRIPTION")).startswith(
        "Comments are accepted from 9:00\u202fAM on Monday, November 2, 2026 until 9:00\u202fAM "
        "on Monday, November 16, 2026, New York time."
    )
    theirs = events[f"comment-period-{kept.pk}@wwc-standard-service"]
    assert prop(theirs, "DTEND") == "20261105T140000Z"
    assert "until 11:00\u202fAM on Thursday, November 5, 2026, Sao Paulo time." in unescape(
        prop(theirs, "DESCRIPTION")
    )
    assert prop(theirs, "URL") == f"{BASE}/comment-periods/{kept.pk}/?lang=en"


def test_an_extension_or_early_close_raises_the_sequence_and_dates_the_stamp(client):
    c = consultation()
    kept, _cancelled = _other_standard()
    events = _events(client.get(ALL))
    ours = events[f"comment-period-{c.period.pk}@wwc-standard-service"]
    assert (prop(ours, "SEQUENCE"), prop(ours, "DTSTAMP")) == ("1", "20261106T140000Z")
    theirs = events[f"comment-period-{kept.pk}@wwc-standard-service"]
    assert (prop(theirs, "SEQUENCE"), prop(theirs, "DTSTAMP")) == ("1", "20261105T140000Z")


def test_one_standards_calendar_has_its_periods_only(client):
    c = consultation()
    _other_standard()
    events = _events(client.get("/standards/big/comment-periods.ics"))
    assert list(events) == [f"comment-period-{c.period.pk}@wwc-standard-service"]
    assert client.get("/standards/nope/comment-periods.ics").status_code == 404


def test_the_texts_are_in_the_readers_language_with_the_same_uids(client):
    c = consultation()
    english = _events(client.get(ALL))
    spanish = _events(client.get(ALL, HTTP_ACCEPT_LANGUAGE="es"))
    assert set(spanish) == set(english)
    event = spanish[f"comment-period-{c.period.pk}@wwc-standard-service"]
    assert unescape(prop(event, "SUMMARY")) == (
        "Consulta pública sobre la versión 9.0 del Test Standard"
    )
    assert "hora de Nueva York" in unescape(prop(event, "DESCRIPTION"))


def test_the_same_periods_make_the_same_file_revalidated_with_a_304(
    client, django_assert_num_queries
):
    c = consultation()
    first = client.get(ALL)
    assert first["Cache-Control"] == "no-cache"
    assert client.get(ALL).content == first.content
    with django_assert_num_queries(1):
        assert client.get(ALL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    close_period_early(period_id=c.period.pk, user=None, reason="Done", now=T0 + 6 * DAY)
    changed = client.get(ALL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


@pytest.mark.parametrize("language,queries", [("en", 1), ("es", 2)])
def test_the_calendar_costs_the_same_queries_however_many_periods(
    client, django_assert_num_queries, language, queries
):
    consultation()
    for n in range(5):
        create_period(
            standard_slug="big",
            label="9.0",
            opens_at=T0 + (20 + 2 * n) * DAY,
            closes_at=T0 + (21 + 2 * n) * DAY,
            timezone="Europe/Madrid",
            criteria=None,
            user=None,
            reason="test",
            now=T0 + 6 * DAY,
        )
    with django_assert_num_queries(queries):
        events = _events(client.get(ALL, HTTP_ACCEPT_LANGUAGE=language))
    assert len(events) == 6
    assert all(dt.datetime.strptime(prop(e, "DTSTART"), "%Y%m%dT%H%M%SZ") for e in events.values())
