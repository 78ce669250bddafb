"""A submission whose request came in just before staff closed the period early, but whose
transaction reads the period after the close committed, is refused, not stored with a
submitted_at after the new closing instant. (The submission reads its period once, under a share
lock in the transaction that inserts, so a close cannot commit between its check and its INSERT:
the close waits for the lock. On PostgreSQL that transaction is one statement that checks the
period itself; finding it closed, it writes nothing and the locked read refuses.)"""

import datetime as dt

import pytest

from standard_versions.consultation import comments as comment_services
from standard_versions.consultation.periods import close_period_early
from standard_versions.errors import Forbidden
from standard_versions.models import Comment

pytestmark = pytest.mark.django_db


def test_a_period_closed_just_before_the_submission_reads_it_refuses_the_comment(
    open_period, before_the_period_is_read
):
    close_at = open_period.opens_at + dt.timedelta(hours=1)
    submitted_at = close_at + dt.timedelta(milliseconds=1)
    before_the_period_is_read(
        lambda: close_period_early(
            period_id=open_period.pk, user=None, reason="Closed early", now=close_at
        )
    )
    with pytest.raises(Forbidden) as refusal:
        comment_services.submit_comment(
            period_id=open_period.pk, body="Just in time?", now=submitted_at
        )
    assert refusal.value.code == "comment_period_closed"
    assert not Comment.objects.exists()


def test_a_submission_before_the_early_close_instant_is_kept(
    open_period, before_the_period_is_read
):
    close_at = open_period.opens_at + dt.timedelta(hours=1)
    submitted_at = close_at - dt.timedelta(milliseconds=1)
    before_the_period_is_read(
        lambda: close_period_early(
            period_id=open_period.pk, user=None, reason="Closed early", now=close_at
        )
    )
    result = comment_services.submit_comment(
        period_id=open_period.pk, body="In time", now=submitted_at
    )
    assert Comment.objects.get().tracking_id == result.comment.tracking_id
