"""A period's comments accepted or partially accepted whose response names no change are the
staff's flags, until a link names the change; the list's query count is pinned."""

import pytest
from django.utils import timezone

from standard_versions.consultation.response_links import unlink_response_change
from standard_versions.consultation.selectors_response_links import response_flags
from tests.response_links.conftest import answered, comment_on, link

pytestmark = pytest.mark.django_db


def _flags_url(period) -> str:
    return f"/api/v1/comment-periods/{period.pk}/response-flags/"


def test_accepted_and_partially_accepted_comments_without_a_link_are_flagged(
    api_client, period, later
):
    accepted, partly, noted, linked, unanswered = (
        comment_on(api_client, period, body=f"Comment {i}.") for i in range(5)
    )
    answered(accepted)
    answered(partly, disposition="partially_accepted")
    answered(noted, disposition="noted")
    answered(linked)
    link(linked, later)
    flagged = [comment.tracking_id for comment in response_flags(period=period)]
    assert flagged == [accepted, partly]
    assert unanswered not in flagged


def test_removing_the_last_link_flags_the_comment_again(api_client, period, later):
    tracking_id = comment_on(api_client, period)
    answered(tracking_id)
    found = link(tracking_id, later)
    assert not response_flags(period=period).exists()
    unlink_response_change(link_id=found.pk, user=None, now=timezone.now(), reason="wrong")
    assert [c.tracking_id for c in response_flags(period=period)] == [tracking_id]


def test_the_flags_list_costs_the_same_for_2_and_20_flags(
    api_client, editor_client, period, django_assert_num_queries
):
    for i in range(2):
        answered(comment_on(api_client, period, body=f"Few {i}."))
    # The token with its user, the roles, the period, the count, the page.
    with django_assert_num_queries(5):
        few = editor_client.get(_flags_url(period)).json()["results"]
    for i in range(18):
        answered(comment_on(api_client, period, body=f"Many {i}."))
    with django_assert_num_queries(5):
        many = editor_client.get(_flags_url(period)).json()["results"]
    assert (len(few), len(many)) == (2, 20)
    assert many[0]["response_links_url"].endswith(
        f"/api/v1/comments/{many[0]['tracking_id']}/response-links/"
    )
    assert many[0]["disposition"] == "accepted"


def test_an_unknown_period_is_not_found(editor_client):
    response = editor_client.get("/api/v1/comment-periods/999999/response-flags/")
    assert (response.status_code, response.json()["code"]) == (404, "comment_period_not_found")
