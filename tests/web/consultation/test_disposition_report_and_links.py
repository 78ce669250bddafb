"""The disposition report in the site's layout, with human labels; the links that lead to it; the
home page's list of open and scheduled periods."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from standard_versions.consultation.comments import moderate_comment, respond_to_comment
from standard_versions.models import Comment
from tests.web.consultation.conftest import DAY, make_period, post_comment

pytestmark = pytest.mark.django_db

REPORT = "/standards/big/versions/9.0/disposition-report/"


def test_the_report_is_in_the_site_layout_with_human_summary_labels(client, open_period):
    post_comment(client, open_period, body="Published one", name="Ana", identity_public="true")
    post_comment(client, open_period, body="Private one", name="Bo", criterion="A1.1")
    first, second = Comment.objects.order_by("id")
    now = timezone.now()
    for comment in (first, second):
        moderate_comment(tracking_id=comment.tracking_id, state="published", user=None, now=now)
    respond_to_comment(
        tracking_id=first.tracking_id,
        disposition="not_accepted",
        response="No.",
        user=None,
        now=now,
    )
    response = client.get(REPORT + "?lang=es")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es">' in html
    assert 'class="language-switcher"' in html
    assert '<main id="main"' in html
    assert "Published comments" in html or "publicados" in html.lower()
    assert "awaiting_response" not in html
    assert "not_accepted" not in html
    assert "Ana" in html  # chose to be public
    assert "Bo" not in html.replace("Body", "").replace("viewBox", "")  # did not
    assert '<section id="A1.1"' in html


def test_the_version_page_links_to_the_report_only_when_the_version_had_a_consultation(
    client, draft
):
    url = "/standards/big/versions/9.0/"
    assert REPORT not in client.get(url).content.decode()
    make_period(draft)
    assert REPORT in client.get(url).content.decode()


def test_the_shipped_2022_period_links_version_3_0_to_its_report(client, shipped_data):
    client.get("/standards/wwc/versions/3.0/")  # cached before the period is recorded
    call_command("load_comment_periods", stdout=open("/dev/null", "w"))
    html = client.get("/standards/wwc/versions/3.0/").content.decode()
    assert "/standards/wwc/versions/3.0/disposition-report/" in html


def test_the_home_page_lists_open_then_scheduled_periods_with_times_and_time_left(client, draft):
    now = dt.datetime(2030, 4, 20, 12, 0, tzinfo=dt.UTC)
    with time_machine.travel(now, tick=False):
        open_one = make_period(draft, opens_at=now - DAY, closes_at=now + 3 * DAY)
        later = make_period(draft, opens_at=now + 10 * DAY, closes_at=now + 20 * DAY)
        make_period(draft, opens_at=now - 9 * DAY, closes_at=now - DAY)  # closed: not listed
        html = client.get("/").content.decode()
    assert html.index(f"/comment-periods/{open_one.pk}/") < html.index(
        f"/comment-periods/{later.pk}/"
    )
    assert html.count('">Comment on version 9.0</a>') == 2
    assert "Closes in 3 days." in html
    assert "Opens in 10 days." in html
    # 12:00 UTC is 8:00 AM in New York.
    deadline = "until 8:00\u202fAM on Tuesday, April 23, 2030, New York time"
    assert f"Comments are accepted {deadline}." in html
    assert (
        "Comments are accepted from 8:00\u202fAM on Tuesday, April 30, 2030 until 8:00\u202fAM on "
        "Friday, May 10, 2030, New York time." in html
    )
    assert "No comment period is open" not in html
