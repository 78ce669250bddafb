"""Identical or near-identical comments are grouped as campaigns with counts, never rejected."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


def _campaign_text_by_category(text: str) -> str:
    """The definition, one character at a time (what stored campaign hashes were made with)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    kept = [
        " "
        if unicodedata.category(char)[0] in "PS" or unicodedata.category(char) in SPACING
        else char
        for char in folded
    ]
    return " ".join("".join(kept).split())


SPACING = {"Zs", "Zl", "Zp", "Cc"}


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_the_campaign_text_is_its_definition_for_any_text(text):
    assert campaign_text(text) == _campaign_text_by_category(text)
