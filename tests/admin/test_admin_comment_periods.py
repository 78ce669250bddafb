"""Publishers open, extend, close early and reopen comment periods on the admin's own pages,
typing times in the period's zone; each asks for its reason, calls ``services.periods`` and shows
its refusal as a message on the page, storing nothing."""

import datetime as dt

import pytest
from django.utils import timezone
from django.utils.html import escape

from standard_versions.models import CommentPeriod
from tests.admin.conftest import make_period

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)
BASE = "/admin/standard_versions/commentperiod"
NEW_YORK = "America/New_York"


def _url(period, step: str) -> str:
    return f"{BASE}/{period.pk}/{step}/"


def _open_form(draft, **changes) -> dict:
    return {
        "version": draft.pk,
        "timezone": NEW_YORK,
        "opens_at": "2040-04-14",
        "closes_at": "2040-04-28 00:00",
        "criteria": "A0.0, A1.1",
        "instructions": "Comment on the **draft**.",
        "reason": "Spring consultation",
        **changes,
    }


def test_the_open_page_asks_for_a_reason_and_times_in_the_periods_zone(publisher_admin, draft):
    response = publisher_admin.get(f"{BASE}/open/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="reason"' in html and 'name="timezone"' in html
    assert escape("Local date and time in the period's time zone") in html
    assert f'href="{BASE}/open/"' in publisher_admin.get(f"{BASE}/").content.decode()


def test_opening_without_a_reason_stores_nothing(publisher_admin, draft):
    response = publisher_admin.post(f"{BASE}/open/", _open_form(draft, reason=""))
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not CommentPeriod.objects.exists()


def test_a_refusal_of_the_service_is_shown_on_the_open_page(publisher_admin, draft):
    response = publisher_admin.post(
        f"{BASE}/open/", _open_form(draft, closes_at="2040-04-01 00:00")
    )
    assert "closes_at must be after opens_at." in response.content.decode().lower()
    assert not CommentPeriod.objects.exists()


def test_opening_reads_the_times_in_the_periods_zone_and_records_who_and_why(
    publisher_admin, draft
):
    response = publisher_admin.post(f"{BASE}/open/", _open_form(draft), follow=True)
    period = CommentPeriod.objects.get()
    assert response.redirect_chain[-1][0] == f"{BASE}/{period.pk}/change/"
    html = response.content.decode()
    assert "The comment period is saved: comments are accepted from the start of" in html
    assert "New York time" in html
    # Midnight in New York (EDT) is 04:00 UTC.
    assert period.opens_at == dt.datetime(2040, 4, 14, 4, tzinfo=dt.UTC)
    assert period.closes_at == dt.datetime(2040, 4, 28, 4, tzinfo=dt.UTC)
    assert period.criterion_keys == ["k0", "k1"]
    record = period.history.first()
    assert (record.history_user, record.history_change_reason) == (
        publisher_admin.user,
        "Spring consultation",
    )


def test_extending_needs_a_reason_refuses_an_earlier_close_and_records_the_change(
    publisher_admin, draft
):
    period = make_period(draft, tz=NEW_YORK)
    page = publisher_admin.get(_url(period, "extend"))
    assert page.status_code == 200 and "New York time" in page.content.decode()

    missing = publisher_admin.post(_url(period, "extend"), {"closes_at": "2040-01-01"})
    assert "This field is required." in missing.content.decode()

    earlier = publisher_admin.post(
        _url(period, "extend"), {"closes_at": "2000-01-01", "reason": "Oops"}
    )
    assert "An extension must close later than" in earlier.content.decode()
    assert CommentPeriod.objects.get(pk=period.pk).changes == []

    response = publisher_admin.post(
        _url(period, "extend"),
        {"closes_at": "2040-05-05 17:00", "reason": "Requests from several cities"},
        follow=True,
    )
    assert "The period is extended" in response.content.decode()
    period.refresh_from_db()
    assert period.closes_at == dt.datetime(2040, 5, 5, 21, tzinfo=dt.UTC)
    assert period.changes[-1]["kind"] == "extended"
    record = period.history.first()
    assert (record.history_user, record.history_change_reason) == (
        publisher_admin.user,
        "Requests from several cities",
    )


def test_closing_early_needs_a_reason_and_refuses_a_scheduled_period(publisher_admin, draft):
    now = timezone.now()
    scheduled = make_period(draft, opens_at=now + DAY, closes_at=now + 2 * DAY)
    refused = publisher_admin.post(_url(scheduled, "close"), {"reason": "Early"})
    assert "The period has not opened yet." in refused.content.decode()

    period = make_period(draft)
    missing = publisher_admin.post(_url(period, "close"), {"reason": "  "})
    assert "This field is required." in missing.content.decode()
    assert CommentPeriod.objects.get(pk=period.pk).status_at(timezone.now()) == "open"

    response = publisher_admin.post(
        _url(period, "close"), {"reason": "Draft withdrawn for rework"}, follow=True
    )
    assert "The period is closed" in response.content.decode()
    period.refresh_from_db()
    assert period.status_at(timezone.now()) == "closed"
    assert period.changes[-1]["kind"] == "closed_early"
    assert period.history.first().history_user == publisher_admin.user


def test_reopening_is_refused_while_open_and_done_once_closed(publisher_admin, draft):
    now = timezone.now()
    period = make_period(draft)
    refused = publisher_admin.post(
        _url(period, "reopen"), {"closes_at": "2040-01-01", "reason": "Form was down"}
    )
    assert "The period has not closed." in refused.content.decode()

    closed = make_period(draft, opens_at=now - 3 * DAY, closes_at=now - DAY)
    response = publisher_admin.post(
        _url(closed, "reopen"), {"closes_at": "2040-01-01", "reason": "Form was down"}, follow=True
    )
    assert "The period is reopened" in response.content.decode()
    closed.refresh_from_db()
    assert closed.status_at(timezone.now()) == "open"
    assert closed.changes[-1]["kind"] == "reopened"
    assert closed.history.first().history_change_reason == "Form was down"


def test_the_period_page_links_to_what_its_status_allows(publisher_admin, editor_admin, draft):
    period = make_period(draft)
    html = publisher_admin.get(f"{BASE}/{period.pk}/change/").content.decode()
    assert f'href="{_url(period, "extend")}"' in html
    assert f'href="{_url(period, "close")}"' in html
    assert _url(period, "reopen") not in html
    assert (
        _url(period, "close")
        not in editor_admin.get(f"{BASE}/{period.pk}/change/").content.decode()
    )
    assert editor_admin.post(_url(period, "close"), {"reason": "x"}).status_code == 403
    assert editor_admin.get(f"{BASE}/open/").status_code == 403
