"""A period is the half-open interval [opens_at, closes_at) to the millisecond, in any zone."""

import datetime as dt
import zoneinfo

import pytest
import time_machine

from standard_versions.models import Comment
from tests.comments.conftest import make_period, submit

pytestmark = pytest.mark.django_db

MS = dt.timedelta(milliseconds=1)


def _at(instant, client, period):
    with time_machine.travel(instant, tick=False):
        return submit(client, period)


def test_the_period_opens_at_opens_at_and_closes_at_closes_at_to_the_millisecond(api_client, draft):
    opens = dt.datetime(2031, 3, 1, 14, 0, 0, 250_000, tzinfo=dt.UTC)
    closes = dt.datetime(2031, 3, 15, 4, 0, 0, 500_000, tzinfo=dt.UTC)
    with time_machine.travel(opens - dt.timedelta(days=10), tick=False):
        period = make_period(draft, opens_at=opens, closes_at=closes)

    before = _at(opens - MS, api_client, period)
    assert before.status_code == 403
    assert before.json()["code"] == "comment_period_not_open"
    assert _at(opens, api_client, period).status_code == 201
    last = _at(closes - MS, api_client, period)
    assert last.status_code == 201
    assert last.json()["submitted_at"] == "2031-03-15T04:00:00.499000Z"
    at_close = _at(closes, api_client, period)
    assert at_close.status_code == 403
    assert at_close.json()["code"] == "comment_period_closed"
    assert _at(closes + MS, api_client, period).json()["code"] == "comment_period_closed"
    assert Comment.objects.count() == 2


@pytest.mark.parametrize(
    ("zone", "local_close", "utc_close"),
    [
        # End of Wednesday April 27, 2022 in New York (EDT, UTC-4).
        ("America/New_York", "2022-04-28T00:00", "2022-04-28T04:00:00+00:00"),
        # The same wall time in winter (EST, UTC-5).
        ("America/New_York", "2022-01-28T00:00", "2022-01-28T05:00:00+00:00"),
        ("Asia/Kolkata", "2022-04-28T00:00", "2022-04-27T18:30:00+00:00"),
        ("Pacific/Chatham", "2022-04-28T00:00", "2022-04-27T11:15:00+00:00"),
        ("America/Sao_Paulo", "2022-04-28T00:00", "2022-04-28T03:00:00+00:00"),
        ("Europe/Madrid", "2022-10-30T02:30", "2022-10-30T00:30:00+00:00"),
        ("UTC", "2022-04-28T00:00", "2022-04-28T00:00:00+00:00"),
    ],
)
def test_periods_in_several_time_zones_close_at_the_local_instant(
    api_client, draft, zone, local_close, utc_close
):
    tz = zoneinfo.ZoneInfo(zone)
    closes = dt.datetime.fromisoformat(local_close).replace(tzinfo=tz)
    assert closes.astimezone(dt.UTC).isoformat() == utc_close
    opens = closes - dt.timedelta(days=14)
    with time_machine.travel(opens - dt.timedelta(days=1), tick=False):
        period = make_period(draft, opens_at=opens, closes_at=closes, tz=zone)

    assert _at(closes - MS, api_client, period).status_code == 201
    assert _at(closes, api_client, period).json()["code"] == "comment_period_closed"
    shown = api_client.get(f"/api/v1/comment-periods/{period.pk}/").json()
    assert shown["timezone"] == zone
    # Compared in UTC: an ambiguous wall time (Madrid's 02:30 on 2022-10-30 happens twice) never
    # compares equal across zones in Python.
    assert dt.datetime.fromisoformat(shown["closes_at"]) == closes.astimezone(dt.UTC)
    assert shown["closes_at"].endswith("Z")
    assert dt.datetime.fromisoformat(shown["closes_at_local"]).utcoffset() == closes.utcoffset()


def test_status_in_the_api_is_computed_at_request_time(api_client, draft):
    opens = dt.datetime(2031, 5, 1, tzinfo=dt.UTC)
    closes = dt.datetime(2031, 5, 2, tzinfo=dt.UTC)
    with time_machine.travel(opens - MS, tick=False):
        period = make_period(draft, opens_at=opens, closes_at=closes)
    url = f"/api/v1/comment-periods/{period.pk}/"
    for instant, status in [
        (opens - MS, "scheduled"),
        (opens, "open"),
        (closes - MS, "open"),
        (closes, "closed"),
    ]:
        with time_machine.travel(instant, tick=False):
            assert api_client.get(url).json()["status"] == status, instant
