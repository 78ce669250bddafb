"""A submission that read the period just before staff closed it early is refused, not stored
with a submitted_at after the new closing instant."""

import datetime as dt

import pytest

from standard_versions.consultation import comments as comment_services
from standard_versions.consultation.periods import close_period_early
from standard_versions.errors import Forbidden
from standard_versions.models import Comment

pytestmark = pytest.mark.django_db


def test_a_period_closed_between_reading_and_storing_refuses_the_comment(open_period, monkeypatch):
    close_at = open_period.opens_at + dt.timedelta(hours=1)
    submitted_at = close_at + dt.timedelta(milliseconds=1)
    original_check = comment_services._check_lengths

    def close_early_meanwhile(**kwargs):
        close_period_early(period_id=open_period.pk, user=None, reason="Closed early", now=close_at)
        return original_check(**kwargs)

    monkeypatch.setattr(comment_services, "_check_lengths", close_early_meanwhile)
    with pytest.raises(Forbidden) as refusal:
        comment_services.submit_comment(
            period_id=open_period.pk, body="Just in time?", now=submitted_at
        )
    assert refusal.value.code == "comment_period_closed"
    assert not Comment.objects.exists()


def test_a_submission_before_the_early_close_instant_is_kept(open_period, monkeypatch):
    close_at = open_period.opens_at + dt.timedelta(hours=1)
    submitted_at = close_at - dt.timedelta(milliseconds=1)
    original_check = comment_services._check_lengths

    def close_early_meanwhile(**kwargs):
        close_period_early(period_id=open_period.pk, user=None, reason="Closed early", now=close_at)
        return original_check(**kwargs)

    monkeypatch.setattr(comment_services, "_check_lengths", close_early_meanwhile)
    result = comment_services.submit_comment(
        period_id=open_period.pk, body="In time", now=submitted_at
    )
    assert Comment.objects.get().tracking_id == result.comment.tracking_id
