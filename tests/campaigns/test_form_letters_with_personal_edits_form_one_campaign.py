"""Copies of a form letter with a sentence of their own fall into one campaign; unrelated
comments stay out of it; each member's unique additions are exactly the sentences it added."""

import pytest

from standard_versions.consultation.near_duplicates import sentences, unique_additions
from standard_versions.models import CommentSignature, NearDuplicateCampaign
from tests.campaigns.conftest import ADDITIONS, FORM_LETTER, add_comment, run

pytestmark = pytest.mark.django_db


def test_the_letters_form_one_campaign_whose_template_is_the_first(open_period, letters):
    result = run(open_period)
    [campaign] = NearDuplicateCampaign.objects.filter(period=open_period)
    assert (result.examined, result.campaigns_created, result.members_added) == (4, 1, 4)
    assert campaign.member_count == 4
    assert campaign.template_id == letters[0].pk
    assert campaign.template_text == FORM_LETTER
    assert campaign.first_submitted_at == letters[0].submitted_at
    assert campaign.last_submitted_at == letters[-1].submitted_at


def test_unique_additions_are_exactly_the_added_sentences(open_period, letters):
    run(open_period)
    additions = dict(
        CommentSignature.objects.filter(campaign__isnull=False).values_list(
            "comment_id", "unique_additions"
        )
    )
    assert additions == {
        letters[0].pk: [],
        **{letter.pk: [added] for letter, added in zip(letters[1:], ADDITIONS, strict=True)},
    }


def test_unrelated_comments_stay_out_of_any_campaign(open_period, letters):
    unrelated = [
        add_comment(open_period, "Please renumber the criteria of the data practice area."),
        add_comment(
            open_period,
            "Dear What Works Cities team. The evaluation criteria should say who pays for "
            "the studies and how small towns can take part without an analyst on staff.",
        ),
    ]
    run(open_period)
    assert not CommentSignature.objects.filter(
        comment__in=unrelated, campaign__isnull=False
    ).exists()
    assert NearDuplicateCampaign.objects.get().member_count == 4


def test_a_changed_capital_or_comma_is_not_an_addition():
    template = "We support the criterion. Please keep it."
    body = "we support the criterion! please, keep it.\n\nOur city needs it."
    assert unique_additions(body, template=template) == ["Our city needs it."]
    assert sentences("One. Two!  Three?\nFour") == ["One.", "Two!", "Three?", "Four"]
