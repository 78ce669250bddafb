"""The admin is the Standard's, and says every time with its zone: a period's and its comments'
in the period's own zone, as the public reads them, a version's in UTC."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils.formats import date_format
from rest_framework.test import APIClient

from standard_versions.models import Comment, Version
from tests.admin.conftest import make_period
from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db

NEW_YORK = "America/New_York"


@pytest.fixture
def new_york_period(draft):
    # 2040-04-14 04:00 UTC is midnight in New York; 2040-04-28 04:00 UTC the next midnight.
    return make_period(
        draft,
        opens_at=dt.datetime(2040, 4, 14, 4, tzinfo=dt.UTC),
        closes_at=dt.datetime(2040, 4, 28, 4, tzinfo=dt.UTC),
        tz=NEW_YORK,
    )


def test_the_admin_is_branded_as_the_standards(publisher_admin):
    html = publisher_admin.get("/admin/").content.decode()
    assert (
        "<title>Staff administration of the Standard | WWC Certification Standard</title>" in html
    )
    assert '<a href="/admin/">WWC Certification Standard</a>' in html
    assert "Django administration" not in html


def test_the_admin_is_branded_in_the_staff_members_language(publisher_admin):
    html = publisher_admin.get("/admin/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Django" not in html.split("<title>")[1].split("</title>")[0]
    assert "WWC Certification Standard</title>" not in html


def test_a_periods_page_says_its_times_in_its_zone_never_in_bare_utc(
    publisher_admin, new_york_period
):
    html = publisher_admin.get(
        f"/admin/standard_versions/commentperiod/{new_york_period.pk}/change/"
    ).content.decode()
    assert "April 14, 2040, 12:00\u202fAM, New York time" in html
    assert "from the start of Saturday, April 14, 2040 until the end of Friday, April 27" in html
    assert "4:00\u202fAM" not in html and "4 a.m." not in html


def test_a_periods_history_is_in_its_zone_and_says_so(publisher_admin, draft):
    period = make_period(draft, tz=NEW_YORK)
    html = publisher_admin.get(
        f"/admin/standard_versions/commentperiod/{period.pk}/history/"
    ).content.decode()
    assert "Time zone: New York time." in html
    made = period.history.first().history_date.astimezone(ZoneInfo(NEW_YORK))
    assert date_format(made, "DATETIME_FORMAT") in html


def test_a_comment_is_shown_at_its_time_in_its_periods_zone(publisher_admin, draft):
    period = make_period(draft, tz=NEW_YORK)
    assert submit(APIClient(), period, body="Hello.").status_code == 201
    comment = Comment.objects.get()
    local = comment.submitted_at.astimezone(ZoneInfo(NEW_YORK))
    hour = f"{local:%I}".lstrip("0")
    listed = publisher_admin.get("/admin/standard_versions/comment/").content.decode()
    assert "New York time" in listed
    shown = publisher_admin.get(
        f"/admin/standard_versions/comment/{comment.pk}/change/"
    ).content.decode()
    assert f"{hour}:{local:%M}" in shown and "New York time" in shown


def test_a_versions_times_are_given_in_utc_with_the_zone_named(publisher_admin, draft):
    Version.objects.filter(pk=draft.pk).update(
        published_at=dt.datetime(2040, 1, 2, 15, 30, tzinfo=dt.UTC)
    )
    html = publisher_admin.get(f"/admin/standard_versions/version/{draft.pk}/change/").content
    assert "January 2, 2040, 3:30\u202fPM, UTC" in html.decode()
    listed = publisher_admin.get("/admin/standard_versions/version/").content.decode()
    assert "January 2, 2040, 3:30\u202fPM, UTC" in listed
