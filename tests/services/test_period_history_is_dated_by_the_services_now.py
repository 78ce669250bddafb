"""Every change of a comment period is dated in its history by the instant the service was given,
not by the wall clock when the row happened to be saved (issue 14: the periods service never set
the history date)."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from standard_versions.consultation.periods import (
    close_period_early,
    create_period,
    extend_period,
    reopen_period,
)
from standard_versions.models import CommentPeriod
from tests.factories import build_version

pytestmark = pytest.mark.django_db

# Years in the past: a history dated by the wall clock could never match them.
T0 = dt.datetime(2022, 4, 1, 12, tzinfo=dt.UTC)
OPENS, CLOSES = T0 + dt.timedelta(days=13), T0 + dt.timedelta(days=27)


def test_creating_extending_closing_and_reopening_are_dated_by_the_given_now():
    user = get_user_model().objects.create_user("publisher")
    build_version(standard_slug="big", label="9.0", criteria=2, areas=1, status="draft")
    period = create_period(
        standard_slug="big",
        label="9.0",
        opens_at=OPENS,
        closes_at=CLOSES,
        timezone="America/New_York",
        criteria=None,
        user=user,
        reason="Opening the consultation",
        now=T0,
    )
    extended_at, closed_at = OPENS + dt.timedelta(days=1), OPENS + dt.timedelta(days=2)
    reopened_at = OPENS + dt.timedelta(days=3)
    extend_period(
        period_id=period.pk,
        closes_at=CLOSES + dt.timedelta(days=7),
        user=user,
        reason="More time asked for",
        now=extended_at,
    )
    close_period_early(period_id=period.pk, user=user, reason="Closed", now=closed_at)
    reopen_period(
        period_id=period.pk,
        closes_at=CLOSES + dt.timedelta(days=9),
        user=user,
        reason="Reopened",
        now=reopened_at,
    )

    records = CommentPeriod.history.filter(id=period.pk).order_by("history_id")
    assert [(r.history_date, r.history_change_reason, r.history_user) for r in records] == [
        (T0, "Opening the consultation", user),
        (extended_at, "More time asked for", user),
        (closed_at, "Closed", user),
        (reopened_at, "Reopened", user),
    ]
