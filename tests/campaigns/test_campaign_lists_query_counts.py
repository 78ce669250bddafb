"""The near-duplicate lists cost the same whatever the number of campaigns or members."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.models import NearDuplicateCampaign
from tests.campaigns.conftest import add_comment, letter_with, run

pytestmark = pytest.mark.django_db


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(captured)


def _campaign_of(period, n: int, *, topic: str) -> None:
    for i in range(n):
        add_comment(period, letter_with(f"About {topic}, my own sentence number {i}."))


def test_the_campaign_list_costs_the_same_for_1_and_3_campaigns(editor_client, open_period):
    url = f"/api/v1/comment-periods/{open_period.pk}/near-duplicates/"
    _campaign_of(open_period, 2, topic="parks")
    run(open_period)
    few = _queries(editor_client, url)
    for topic in ("zebras crossing the river", "quantum numbers of heavy atoms"):
        for i in range(3):
            add_comment(
                open_period,
                f"A long letter on {topic} that has nothing to do with the others at all, "
                f"which says the same thing in every copy save its number {i}.",
            )
    run(open_period)
    assert NearDuplicateCampaign.objects.count() == 3
    # token user and roles (2), the period, count, page
    assert _queries(editor_client, url) == few == 5


def test_the_member_list_costs_the_same_for_3_and_30_members(editor_client, open_period):
    _campaign_of(open_period, 3, topic="parks")
    run(open_period)
    campaign = NearDuplicateCampaign.objects.get()
    url = f"/api/v1/near-duplicates/{campaign.pk}/members/"
    few = _queries(editor_client, url)
    _campaign_of(open_period, 27, topic="libraries")
    run(open_period)
    assert NearDuplicateCampaign.objects.get().member_count == 30
    assert _queries(editor_client, url) == few == 5
