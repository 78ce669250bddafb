"""Publishing or answering a whole campaign writes in bulk: the same number of statements for
four members as for twelve, and each member's history still has the record of its submission
and then the change, with the user, the reason and the ``now`` given."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from standard_versions.consultation import campaign_moderation
from standard_versions.models import Comment, NearDuplicateCampaign
from tests.campaigns.conftest import add_comment, letter_with, run
from tests.comments.conftest import make_period

pytestmark = pytest.mark.django_db


def _campaign_of(period, size: int) -> NearDuplicateCampaign:
    for n in range(size):
        add_comment(period, letter_with(f"Sender {n} lives on street number {n * 7 + 3}."))
    run(period)
    return NearDuplicateCampaign.objects.get(period=period)


def _statements(change) -> int:
    with CaptureQueriesContext(connection) as queries:
        change()
    return len(queries)


@pytest.mark.parametrize("action", ["moderate", "respond"])
def test_the_statements_do_not_grow_with_the_campaign(
    open_period, draft, django_user_model, action
):
    staff = django_user_model.objects.create(username="bulk-editor")
    second_period = make_period(draft)
    small, large = _campaign_of(open_period, 4), _campaign_of(second_period, 12)
    assert (small.member_count, large.member_count) == (4, 12)

    def change(campaign):
        if action == "moderate":
            return lambda: campaign_moderation.moderate_campaign(
                campaign_id=campaign.pk,
                state="withheld",
                reason="spam",
                user=staff,
                now=timezone.now(),
            )
        return lambda: campaign_moderation.respond_to_campaign(
            campaign_id=campaign.pk,
            disposition="noted",
            response="Thank you.",
            user=staff,
            now=timezone.now(),
        )

    assert _statements(change(small)) == _statements(change(large))


def test_each_member_history_records_the_submission_then_the_change(open_period, django_user_model):
    staff = django_user_model.objects.create(username="bulk-editor")
    campaign = _campaign_of(open_period, 5)
    now = dt.datetime(2026, 4, 20, 12, 0, tzinfo=dt.UTC)
    campaign_moderation.moderate_campaign(
        campaign_id=campaign.pk, state="published", reason="", user=staff, now=now
    )
    for comment in Comment.objects.filter(signature__campaign=campaign):
        records = list(comment.history.order_by("history_id"))
        assert [r.history_change_reason for r in records] == [
            "submitted",
            f"campaign {campaign.pk}: moderation: published",
        ]
        assert records[0].history_date == comment.submitted_at
        assert (records[1].history_user, records[1].history_date) == (staff, now)
        assert records[1].moderation_state == "published"
