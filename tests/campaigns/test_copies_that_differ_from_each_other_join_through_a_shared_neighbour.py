"""Two copies of a letter that each add a sentence of their own can be further apart from each
other than the threshold while each is close to the plain letter: a campaign is found by several
of its members, not by its template alone, so all of them fall into one campaign (with the
template alone, letters split into several campaigns: docs/benchmarks.md)."""

import pytest

from standard_versions.consultation import near_duplicates
from standard_versions.models import CommentSignature
from tests.campaigns.conftest import FORM_LETTER, add_comment, run

pytestmark = pytest.mark.django_db

FIRST = "Our library already keeps such a list and updates it every month."
SECOND = "As a teacher I would show it to my students in every class."


def _similarity(a: str, b: str) -> float:
    return near_duplicates.signature(a).jaccard(near_duplicates.signature(b))


def test_copies_with_different_additions_join_the_campaign_of_the_letter(open_period):
    with_first, plain, with_second = (
        f"{FORM_LETTER} {FIRST}",
        FORM_LETTER,
        f"{FORM_LETTER} {SECOND}",
    )
    # The case this is about: the two edited copies are below the threshold of each other, and
    # each is above it of the plain letter.
    assert _similarity(with_first, with_second) < near_duplicates.THRESHOLD
    assert _similarity(with_first, plain) >= near_duplicates.THRESHOLD
    assert _similarity(plain, with_second) >= near_duplicates.THRESHOLD
    comments = [add_comment(open_period, body) for body in (with_first, plain, with_second)]

    run(open_period)

    campaigns = {CommentSignature.objects.get(comment=comment).campaign_id for comment in comments}
    assert len(campaigns) == 1 and None not in campaigns
    last = CommentSignature.objects.get(comment=comments[2])
    assert last.unique_additions == [SECOND]  # against the template, which has FIRST


def test_a_later_run_finds_the_campaign_by_its_other_members_too(open_period):
    first = [add_comment(open_period, body) for body in (f"{FORM_LETTER} {FIRST}", FORM_LETTER)]
    run(open_period)
    later = add_comment(open_period, f"{FORM_LETTER} {SECOND}")

    run(open_period)  # a new run: the index is loaded from what the first one stored

    campaign = CommentSignature.objects.get(comment=first[0]).campaign_id
    assert campaign is not None
    assert CommentSignature.objects.get(comment=later).campaign_id == campaign
