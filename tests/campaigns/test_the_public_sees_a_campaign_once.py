"""The public list of a period's comments shows a near-duplicate campaign once, as its first
published member, with how many published comments it has; every sentence its members added is
one link away. ``?campaigns=each`` lists every comment."""

import pytest
from django.utils import timezone

from standard_versions.consultation import moderation
from standard_versions.models import NearDuplicateCampaign
from tests.campaigns.conftest import ADDITIONS, run

pytestmark = pytest.mark.django_db


def _list(client, period, query=""):
    response = client.get(f"/api/v1/comment-periods/{period.pk}/comments/{query}")
    assert response.status_code == 200, response.content
    return response.json()


def test_a_campaign_is_listed_once_with_its_count(nobody_client, open_period, published):
    campaign, letters, other, _staff = published
    body = _list(nobody_client, open_period)
    assert [item["tracking_id"] for item in body["results"]] == [
        letters[0].tracking_id,
        other.tracking_id,
    ]
    assert body["count"] == 2
    first, second = body["results"]
    assert first["campaign"]["id"] == campaign.pk
    assert first["campaign"]["comments"] == 4
    assert first["campaign"]["comments_with_additions"] == 3
    assert first["campaign"]["additions_url"].endswith(
        f"/api/v1/campaigns/{campaign.pk}/additions/"
    )
    assert second["campaign"] is None


def test_every_comment_is_listed_when_asked(nobody_client, open_period, published):
    _campaign, letters, other, _staff = published
    body = _list(nobody_client, open_period, "?campaigns=each")
    assert [item["tracking_id"] for item in body["results"]] == [
        c.tracking_id for c in [*letters, other]
    ]


def test_every_added_sentence_is_one_link_away(nobody_client, published):
    campaign, letters, _other, _staff = published
    body = nobody_client.get(f"/api/v1/campaigns/{campaign.pk}/additions/").json()
    assert [item["tracking_id"] for item in body["results"]] == [c.tracking_id for c in letters[1:]]
    assert [item["unique_additions"] for item in body["results"]] == [[a] for a in ADDITIONS]
    assert "email" not in str(body) and "name" not in body["results"][0]


def test_when_the_first_letter_is_withheld_the_next_published_one_stands_for_the_campaign(
    nobody_client, open_period, published
):
    _campaign, letters, other, staff = published
    moderation.moderate_comment(
        tracking_id=letters[0].tracking_id,
        state="withheld",
        reason="personal data",
        user=staff,
        now=timezone.now(),
    )
    first, second = _list(nobody_client, open_period)["results"]
    assert first["tracking_id"] == letters[1].tracking_id
    assert first["campaign"]["comments"] == 3
    assert second["tracking_id"] == other.tracking_id


def test_a_campaign_with_nothing_published_is_not_found(nobody_client, open_period, letters):
    run(open_period)
    campaign = NearDuplicateCampaign.objects.get()
    response = nobody_client.get(f"/api/v1/campaigns/{campaign.pk}/additions/")
    assert response.status_code == 404
    assert response.json()["code"] == "campaign_not_found"
    assert _list(nobody_client, open_period)["results"] == []


def test_an_unknown_listing_mode_is_refused(nobody_client, open_period):
    response = nobody_client.get(f"/api/v1/comment-periods/{open_period.pk}/comments/?campaigns=x")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


def test_the_lists_cost_a_fixed_number_of_queries(
    nobody_client, open_period, published, django_assert_num_queries
):
    campaign, *_ = published
    # The client's token, the period, the count, the page, the page's campaign counts.
    with django_assert_num_queries(5):
        _list(nobody_client, open_period)
    # The token, the campaign, the count, the page.
    with django_assert_num_queries(4):
        nobody_client.get(f"/api/v1/campaigns/{campaign.pk}/additions/")
