"""Each run examines only the comments not examined before; earlier assignments stay."""

import pytest

from standard_versions.models import CommentSignature, NearDuplicateCampaign
from tests.campaigns.conftest import FORM_LETTER, add_comment, letter_with, run

pytestmark = pytest.mark.django_db


def _assignments():
    return dict(CommentSignature.objects.values_list("comment_id", "campaign_id"))


def test_a_second_run_adds_new_copies_to_the_same_campaign(open_period, letters):
    run(open_period)
    before = _assignments()
    late = add_comment(open_period, letter_with("I only heard of this consultation today."))
    result = run(open_period)
    after = _assignments()
    assert result.examined == 1
    assert {k: v for k, v in after.items() if k != late.pk} == before
    [campaign] = NearDuplicateCampaign.objects.all()
    assert after[late.pk] == campaign.pk
    assert campaign.member_count == 5
    assert campaign.last_submitted_at == late.submitted_at


def test_a_run_with_nothing_new_changes_nothing(open_period, letters):
    run(open_period)
    before = _assignments()
    assert run(open_period).examined == 0
    assert _assignments() == before


def test_a_lone_letter_becomes_a_campaign_when_its_copy_arrives_later(open_period):
    first = add_comment(open_period, FORM_LETTER)
    run(open_period)
    assert _assignments() == {first.pk: None}
    copy = add_comment(open_period, letter_with("Our council voted for it."))
    assert run(open_period).campaigns_created == 1
    campaign = NearDuplicateCampaign.objects.get()
    assert (campaign.template_id, campaign.member_count) == (first.pk, 2)
    assert _assignments() == {first.pk: campaign.pk, copy.pk: campaign.pk}


def test_batches_of_a_long_run_see_each_others_campaigns(open_period, monkeypatch):
    from standard_versions.consultation import near_duplicates

    monkeypatch.setattr(near_duplicates, "BATCH_SIZE", 2)
    for n in range(5):
        add_comment(open_period, letter_with(f"Sentence number {n} of my own."))
    run(open_period)
    assert NearDuplicateCampaign.objects.get().member_count == 5
