"""The disposition report shows a near-duplicate campaign once in each section, as its first
published member there, with how many published comments of the campaign it stands for and the
sentences they added; the contents and the figures still count every comment."""

import pytest
from django.utils import timezone

from standard_versions.consultation import moderation
from standard_versions.consultation.selectors_report import report_contents, report_periods
from standard_versions.consultation.selectors_report_page import report_page
from tests.campaigns.conftest import ADDITIONS

pytestmark = pytest.mark.django_db

API = "/api/v1/standards/big/versions/9.0/disposition-report/"
PAGE = "/standards/big/versions/9.0/disposition-report/"


def test_the_json_shows_the_campaign_once_with_its_count_and_additions(client, published):
    campaign, letters, other, _staff = published
    body = client.get(API).json()
    [section] = body["sections"]
    assert [c["tracking_id"] for c in section["comments"]] == [
        letters[0].tracking_id,
        other.tracking_id,
    ]
    shown = section["comments"][0]["campaign"]
    assert shown["id"] == campaign.pk
    assert (shown["comments"], shown["comments_with_additions"]) == (4, 3)
    assert [a["unique_additions"] for a in shown["additions"]] == [[a] for a in ADDITIONS]
    assert [a["tracking_id"] for a in shown["additions"]] == [c.tracking_id for c in letters[1:]]
    assert section["comments"][1]["campaign"] is None
    # Every comment is still counted: the contents and the summary.
    assert body["contents"][0]["count"] == 5
    assert body["summary"]["published"] == 5


def test_the_page_says_what_the_text_stands_for(client, published):
    _campaign, letters, _other, _staff = published
    html = client.get(PAGE).content.decode()
    assert "This text stands for 4 published comments of one campaign" in html
    assert "3 of them add sentences of their own" in html
    for addition in ADDITIONS:
        assert addition in html
    assert html.count('class="report-comment"') == 2
    assert f"/comments/{letters[2].tracking_id}/" in html


def test_withholding_the_first_letter_makes_the_next_stand_for_the_campaign(client, published):
    _campaign, letters, _other, _staff = published
    moderation.moderate_comment(
        tracking_id=letters[0].tracking_id,
        state="withheld",
        reason="personal data",
        user=None,
        now=timezone.now(),
    )
    [section] = client.get(API).json()["sections"]
    first = section["comments"][0]
    assert first["tracking_id"] == letters[1].tracking_id
    assert first["campaign"]["comments"] == 3


def test_a_report_with_a_campaign_pages_through_its_rows(published, draft):
    """A page of one: the two rows the report shows, then no more (the hidden members are not
    counted as rows, so no page comes out empty)."""
    _campaign, letters, other, _staff = published
    periods = report_periods(version=draft)
    contents = report_contents(version=draft, periods=periods, now=timezone.now())
    assert [(s.count, s.rows) for s in contents.sections] == [(5, 2)]
    first = report_page(contents=contents, size=1)
    assert [c.tracking_id for c in first.sections[0].comments] == [letters[0].tracking_id]
    second = report_page(contents=contents, cursor=first.next, size=1)
    assert [c.tracking_id for c in second.sections[0].comments] == [other.tracking_id]
    assert second.next is None
    back = report_page(contents=contents, cursor=second.previous, size=1)
    assert [c.tracking_id for c in back.sections[0].comments] == [letters[0].tracking_id]
