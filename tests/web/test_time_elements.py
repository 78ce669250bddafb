"""Every ``<time datetime>`` is a valid HTML date or global date and time (at most three digits of
fractional seconds: stored instants have six, which made the pages invalid HTML)."""

import datetime as dt
import re

import pytest

from standard_versions.models import Comment, Version
from standard_versions.templatetags.wwc_html import html_datetime
from tests.factories import build_version
from tests.web.consultation.conftest import make_period, post_comment

pytestmark = pytest.mark.django_db

# HTML's "valid date string" and "valid normalized global date and time string" (UTC, "Z").
VALID = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$")
TIME_VALUES = re.compile(r'<time datetime="([^"]*)"')
INSTANT = dt.datetime(2026, 4, 14, 12, 0, 5, 123456, tzinfo=dt.UTC)


def _times(html: str) -> list[str]:
    values = TIME_VALUES.findall(html)
    assert values, "the page has <time> elements"
    return values


def test_an_instant_is_written_in_utc_to_the_second():
    assert html_datetime(INSTANT) == "2026-04-14T12:00:05Z"
    new_york = dt.timezone(dt.timedelta(hours=-4))
    assert html_datetime(INSTANT.astimezone(new_york)) == "2026-04-14T12:00:05Z"
    assert html_datetime(dt.date(2026, 4, 14)) == "2026-04-14"
    assert html_datetime(None) == ""


def test_version_dates_on_the_home_and_version_pages_are_valid(client, shipped_data):
    Version.objects.filter(label="3.0").update(published_at=INSTANT)
    for path in ["/", "/standards/wwc/versions/3.0/"]:
        values = _times(client.get(path).content.decode())
        assert "2026-04-14T12:00:05Z" in values
        assert all(VALID.match(value) for value in values), values


def test_the_receipts_submission_time_is_valid(client):
    period = make_period(build_version(label="9.0", criteria=4, areas=2, status="draft"))
    post_comment(client, period, criterion="")
    Comment.objects.update(submitted_at=INSTANT)
    tracking_id = Comment.objects.get().tracking_id
    values = _times(client.get(f"/comments/{tracking_id}/").content.decode())
    assert all(VALID.match(value) for value in values), values
    assert "2026-04-14T12:00:05Z" in values
