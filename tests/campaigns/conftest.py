"""Near-duplicate campaigns: the comment fixtures (tests/comments/conftest.py) and form letters."""

import pytest
from django.utils import timezone

from standard_versions.consultation import campaign_moderation, moderation, near_duplicates
from standard_versions.consultation.comments import submit_comment
from tests.comments.conftest import (  # noqa: F401 (fixtures)
    _generous_throttle,
    draft,
    editor_client,
    nobody_client,
    open_period,
    publisher_client,
)

FORM_LETTER = (
    "Dear What Works Cities team. I am writing to support the new data inventory criterion. "
    "A public inventory of the data a city holds helps residents understand what is collected "
    "about them and why. It also helps departments share what they already have instead of "
    "buying it twice. Please keep the requirement that the inventory is reviewed at least once "
    "a year and published in an open format. Thank you for the opportunity to comment on the "
    "draft standard and for your work with cities across the country."
)
ADDITIONS = [
    "In our town the library already keeps such a list.",
    "My neighbourhood association would use it every month.",
    "As a teacher I would show it to my students.",
]


# A comment of its own, beside the form letters.
OTHER = "The practice area on evaluation should say who reviews the results."


def letter_with(addition: str) -> str:
    return f"{FORM_LETTER} {addition}"


def add_comment(period, body: str):
    return submit_comment(period_id=period.pk, body=body, now=timezone.now()).comment


def run(period):
    return near_duplicates.find_campaigns(period=period, now=timezone.now())


@pytest.fixture
def letters(open_period):  # noqa: F811 (the imported fixture)
    """The form letter as sent, then three copies each with a sentence of its sender's own."""
    return [add_comment(open_period, FORM_LETTER)] + [
        add_comment(open_period, letter_with(addition)) for addition in ADDITIONS
    ]


@pytest.fixture
def published(open_period, letters, django_user_model):  # noqa: F811 (the imported fixture)
    """The four letters grouped into their campaign and published with it, and ``OTHER``
    published: (campaign, letters, other, the staff member)."""
    from standard_versions.models import NearDuplicateCampaign

    other = add_comment(open_period, OTHER)
    run(open_period)
    campaign = NearDuplicateCampaign.objects.get()
    staff = django_user_model.objects.create(username="moderator")
    now = timezone.now()
    campaign_moderation.moderate_campaign(
        campaign_id=campaign.pk, state="published", user=staff, now=now
    )
    moderation.moderate_comment(
        tracking_id=other.tracking_id, state="published", user=staff, now=now
    )
    return campaign, letters, other, staff
