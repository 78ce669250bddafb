"""Staff list a period's near-duplicate campaigns and a campaign's members with their unique
additions, and moderate or answer a whole campaign at once, each member's history recording it."""

import pytest

from standard_versions.models import Comment, NearDuplicateCampaign
from tests.campaigns.conftest import ADDITIONS, FORM_LETTER, run

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(open_period, letters):
    run(open_period)
    return NearDuplicateCampaign.objects.get()


def test_the_list_shows_each_campaign_with_its_count_and_template(
    editor_client, open_period, campaign, letters
):
    body = editor_client.get(f"/api/v1/comment-periods/{open_period.pk}/near-duplicates/").json()
    [item] = body["results"]
    assert item["id"] == campaign.pk
    assert item["count"] == 4
    assert item["template_text"] == FORM_LETTER
    assert item["template_tracking_id"] == letters[0].tracking_id
    assert item["members_url"].endswith(f"/api/v1/near-duplicates/{campaign.pk}/members/")


def test_the_members_show_their_unique_additions_oldest_first(editor_client, campaign, letters):
    body = editor_client.get(f"/api/v1/near-duplicates/{campaign.pk}/members/?page_size=2").json()
    assert body["count"] == 4
    first_page = body["results"]
    second_page = editor_client.get(body["next"]).json()["results"]
    members = first_page + second_page
    assert [m["tracking_id"] for m in members] == [c.tracking_id for c in letters]
    assert [m["unique_additions"] for m in members] == [[]] + [[a] for a in ADDITIONS]
    assert [m["is_template"] for m in members] == [True, False, False, False]


def test_publishing_a_campaign_publishes_every_member_and_records_it_in_each_history(
    editor_client, campaign, letters
):
    response = editor_client.post(
        f"/api/v1/near-duplicates/{campaign.pk}/moderate/",
        {"state": "published", "count": 4},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["count"] == 4
    for comment in Comment.objects.filter(pk__in=[c.pk for c in letters]):
        assert comment.moderation_state == "published"
        latest = comment.history.order_by("-history_date", "-history_id").first()
        assert latest.history_change_reason == f"campaign {campaign.pk}: moderation: published"
        assert latest.history_user.username == "eddie-editor"


def test_answering_a_campaign_answers_every_member(editor_client, campaign, letters):
    response = editor_client.post(
        f"/api/v1/near-duplicates/{campaign.pk}/respond/",
        {"disposition": "noted", "response": "Thank you: noted.", "reason": "Round 1"},
        format="json",
    )
    assert response.status_code == 200, response.content
    answered = Comment.objects.filter(pk__in=[c.pk for c in letters])
    assert {(c.disposition, c.response) for c in answered} == {("noted", "Thank you: noted.")}
    reasons = {c.history.order_by("-history_id").first().history_change_reason for c in answered}
    assert reasons == {f"campaign {campaign.pk}: Round 1"}


@pytest.mark.parametrize(
    ("path", "payload", "status", "code"),
    [
        ("moderate", {"state": "withheld"}, 400, "reason_required"),
        ("moderate", {"state": "published", "count": 3}, 409, "campaign_changed"),
        ("respond", {"disposition": "noted", "response": " "}, 400, "invalid"),
        ("respond", {"disposition": "maybe", "response": "x"}, 400, "invalid"),
    ],
)
def test_refusals_change_no_member(editor_client, campaign, letters, path, payload, status, code):
    response = editor_client.post(
        f"/api/v1/near-duplicates/{campaign.pk}/{path}/", payload, format="json"
    )
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert set(Comment.objects.values_list("moderation_state", "disposition")) == {("received", "")}
    assert not Comment.history.exists()


def test_an_unknown_campaign_is_404(editor_client, db):
    for response in (
        editor_client.get("/api/v1/near-duplicates/999/members/"),
        editor_client.post(
            "/api/v1/near-duplicates/999/moderate/", {"state": "published"}, format="json"
        ),
    ):
        assert (response.status_code, response.json()["code"]) == (404, "campaign_not_found")
