"""manage.py publish_version with the draft's comment period scheduled or open: refused with the
service's message unless --close-open-period, which closes it with the reason, as the API does."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from standard_versions.models import CommentPeriod, Version
from tests.comments.conftest import make_period
from tests.factories import build_version

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


@pytest.fixture
def draft(db):
    build_version(standard_slug="big", label="8.0", criteria=2, areas=1, status="published")
    return build_version(standard_slug="big", label="9.0", criteria=3, areas=1, status="draft")


def _publish(*extra) -> str:
    out = StringIO()
    call_command("publish_version", "big", "9.0", *extra, stdout=out)
    return out.getvalue()


def test_an_open_period_is_refused_with_the_services_message_and_nothing_changes(draft):
    period = make_period(draft)
    with pytest.raises(CommandError) as refused:
        _publish("--reason", "Approved")
    message = str(refused.value)
    assert message.startswith("comment_period_open: ")
    assert f"Comment period {period.pk} of version 9.0" in message and "is open" in message
    assert "--close-open-period" in message
    assert Version.objects.get(label="9.0").status == "draft"
    period.refresh_from_db()
    assert period.changes == [] and period.status_at(timezone.now()) == "open"


def test_a_scheduled_period_is_refused_too(draft):
    now = timezone.now()
    make_period(draft, opens_at=now + DAY, closes_at=now + 3 * DAY)
    with pytest.raises(CommandError, match=r"comment_period_open: .* is scheduled"):
        _publish("--reason", "Approved")
    assert Version.objects.get(label="9.0").status == "draft"


def test_close_open_period_closes_it_with_the_reason_and_publishes(draft):
    period = make_period(draft)
    out = _publish("--reason", "Approved by the board", "--close-open-period")
    assert "big 9.0: published at" in out
    assert Version.objects.get(label="9.0").status == "published"
    assert Version.objects.get(label="8.0").status == "superseded"
    period.refresh_from_db()
    assert period.status_at(timezone.now()) == "closed"
    [change] = period.changes
    assert (change["kind"], change["reason"]) == ("closed_early", "Approved by the board")
    assert period.history.first().history_change_reason == "Approved by the board"


def test_close_open_period_cancels_a_scheduled_period(draft):
    now = timezone.now()
    period = make_period(draft, opens_at=now + DAY, closes_at=now + 3 * DAY)
    _publish("--reason", "Approved", "--close-open-period")
    period = CommentPeriod.objects.get(pk=period.pk)
    assert period.status_at(timezone.now() + 2 * DAY) == "closed"
    assert [change["kind"] for change in period.changes] == ["cancelled"]
    assert Version.objects.get(label="9.0").status == "published"


def test_closing_needs_a_reason_that_is_not_blank(draft):
    period = make_period(draft)
    with pytest.raises(CommandError, match="reason_required"):
        _publish("--reason", "  ", "--close-open-period")
    assert Version.objects.get(label="9.0").status == "draft"
    period.refresh_from_db()
    assert period.changes == []


def test_without_a_period_the_flag_changes_nothing(draft):
    assert "big 9.0: published at" in _publish("--reason", "Approved", "--close-open-period")
