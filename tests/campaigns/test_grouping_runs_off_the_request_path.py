"""Submitting a comment groups nothing: the task queue's task, or `manage.py find_campaigns`,
does it later."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from standard_versions.consultation import near_duplicates, tasks
from standard_versions.models import CommentSignature, NearDuplicateCampaign
from tests.campaigns.conftest import letter_with
from tests.comments.conftest import make_period, submit

pytestmark = pytest.mark.django_db


def test_submitting_groups_nothing_and_the_task_groups_the_period(api_client, open_period):
    for sentence in ("One of mine.", "Another of mine.", "A third."):
        assert submit(api_client, open_period, body=letter_with(sentence)).status_code == 201
    assert not CommentSignature.objects.exists()
    tasks.find_campaigns.apply(kwargs={"period_id": open_period.pk})
    assert NearDuplicateCampaign.objects.get(period=open_period).member_count == 3


def test_the_periodic_task_groups_open_periods_only(api_client, draft, open_period):
    long_closed = make_period(
        draft,
        opens_at=timezone.now() - timezone.timedelta(days=30),
        closes_at=timezone.now() - timezone.timedelta(days=20),
    )
    assert list(near_duplicates.periods_to_scan(now=timezone.now())) == [open_period]
    for sentence in ("One of mine.", "Another of mine."):
        submit(api_client, open_period, body=letter_with(sentence))
    tasks.find_campaigns_in_open_periods.apply()
    assert NearDuplicateCampaign.objects.get().period == open_period
    assert long_closed.pk != open_period.pk


def test_the_command_groups_one_period(api_client, open_period):
    for sentence in ("One of mine.", "Another of mine."):
        submit(api_client, open_period, body=letter_with(sentence))
    out = io.StringIO()
    call_command("find_campaigns", "--period", str(open_period.pk), stdout=out)
    assert out.getvalue() == (
        f"period {open_period.pk}: 2 comments examined, 1 new campaigns, 2 members added\n"
    )
