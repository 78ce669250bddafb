"""Identical or near-identical comments are grouped as campaigns with counts, never rejected."""

import pytest

from standard_versions.consultation.comment_text import campaign_hash, campaign_text
from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db

FORM_LETTER = "Dear WWC, please keep DM7 as it is!"


@pytest.mark.parametrize(
    "variant",
    [
        "dear wwc please keep dm7 as it is",
        "Dear WWC,\n\nplease keep DM7   as it is.",
        "DEAR WWC — PLEASE KEEP DM7 AS IT IS!!!",
        "Dear \uff37\uff37\uff23, please keep DM7 as it is!",  # full-width WWC
    ],
)
def test_near_identical_bodies_share_a_campaign_hash(variant):
    assert campaign_hash(variant) == campaign_hash(FORM_LETTER)


def test_different_bodies_do_not(db):
    assert campaign_hash("Please drop DM7.") != campaign_hash(FORM_LETTER)
    assert campaign_text("Ça  va?") == "ça va"


def test_campaigns_are_accepted_and_counted_for_staff(api_client, editor_client, open_period):
    statuses = [
        submit(api_client, open_period, body=body).status_code
        for body in [FORM_LETTER, FORM_LETTER.upper(), FORM_LETTER + "!!", "Something else."]
    ]
    assert statuses == [201, 201, 201, 201]
    response = editor_client.get(f"/api/v1/comment-periods/{open_period.pk}/campaigns/")
    assert response.status_code == 200
    [campaign] = response.json()["results"]
    assert campaign["count"] == 3
    assert campaign["campaign"] == campaign_hash(FORM_LETTER)
    moderation = editor_client.get(f"/api/v1/comment-periods/{open_period.pk}/moderation/").json()
    assert sum(c["campaign"] == campaign["campaign"] for c in moderation["results"]) == 3
