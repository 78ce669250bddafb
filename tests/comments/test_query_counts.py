"""Comment endpoints issue a fixed number of queries, whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from standard_versions.consultation.comments import submit_comment
from standard_versions.models import Comment
from tests.comments.conftest import make_period

pytestmark = pytest.mark.django_db


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(captured)


def _comments(period, n: int, *, criterion: str = "A0.0", body: str = "") -> None:
    for i in range(n):
        result = submit_comment(
            period_id=period.pk,
            body=body or f"c{i}",
            criterion_code=criterion,
            now=timezone.now(),
        )
        comment = result.comment
        comment.moderation_state = "published"
        comment.disposition = "noted"
        comment.response = "ok"
        comment.save()


def test_the_period_list_costs_the_same_for_3_and_30_scoped_periods(api_client, draft):
    for _ in range(3):
        make_period(draft, criteria=["A0.0", "A1.1"])
    few = _queries(api_client, "/api/v1/comment-periods/")
    for _ in range(27):
        make_period(draft, criteria=["A0.0"])
    many = _queries(api_client, "/api/v1/comment-periods/?status=open")
    # count, page, criteria codes of the scoped versions
    assert few == many == 3


def test_a_period_detail_costs_two_queries(api_client, draft):
    period = make_period(draft, criteria=["A0.0"])
    assert _queries(api_client, f"/api/v1/comment-periods/{period.pk}/") == 2


def test_the_published_comment_list_costs_the_same_for_5_and_50_comments(api_client, open_period):
    url = f"/api/v1/comment-periods/{open_period.pk}/comments/"
    _comments(open_period, 5)
    few = _queries(api_client, url)
    _comments(open_period, 45)
    assert _queries(api_client, url) == few == 3


def test_a_receipt_costs_two_queries(api_client, open_period):
    _comments(open_period, 1)
    tracking_id = Comment.objects.get().tracking_id
    assert _queries(api_client, f"/api/v1/comments/{tracking_id}/") == 2


def test_the_disposition_report_costs_the_same_for_5_and_50_comments(api_client, open_period):
    url = "/api/v1/standards/big/versions/9.0/disposition-report/"
    _comments(open_period, 5)
    make_period(open_period.version, criteria=["A0.0"])
    few = _queries(api_client, url)
    _comments(open_period, 45, criterion="A1.1")
    # the report's head, version, periods, scope codes, criteria, the counts by criterion and
    # disposition, the figures (links by class; answers; comments per day; campaign comments),
    # the page's comments, their links, the rows the pages show (a near-duplicate campaign once)
    assert _queries(api_client, url) == few == 13


def test_the_staff_lists_cost_the_same_for_5_and_50_comments(editor_client, open_period):
    paths = [
        f"/api/v1/comment-periods/{open_period.pk}/moderation/",
        f"/api/v1/comment-periods/{open_period.pk}/campaigns/",
    ]
    _comments(open_period, 5, body="Same form letter")
    few = [_queries(editor_client, path) for path in paths]
    _comments(open_period, 45, body="Another form letter")
    # auth token, user's roles, period, count, page
    assert [_queries(editor_client, path) for path in paths] == few == [5, 5]
