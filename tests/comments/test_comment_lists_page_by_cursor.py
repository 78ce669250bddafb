"""The period's comment lists (published, and the staff's moderation list) page by cursor: each
page starts after the last row of the one before, so a deep page costs what the first does; every
comment is seen once, in order, and a count is shown without counting a million rows."""

import base64
import datetime as dt

import pytest
from django.utils import timezone

from standard_versions.http.counts import bounded_count
from standard_versions.models import Comment, ModerationState

pytestmark = pytest.mark.django_db


def _stored(period, count: int, *, state=ModerationState.PUBLISHED) -> list[str]:
    start = timezone.now() - dt.timedelta(days=1)
    comments = [
        Comment(
            period=period,
            tracking_id=f"t{index:05d}",
            # Pairs share a second so ties in the sort are crossed too.
            submitted_at=start + dt.timedelta(seconds=index // 2),
            body=f"Comment {index}",
            content_sha256="0" * 64,
            normalized_hash=f"{index:064d}",
            moderation_state=state,
        )
        for index in range(count)
    ]
    Comment.objects.bulk_create(comments)
    return [c.tracking_id for c in comments]


def _walk(client, url: str) -> tuple[list[str], list[dict]]:
    seen, pages = [], []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        page = response.json()
        pages.append(page)
        seen += [item["tracking_id"] for item in page["results"]]
        url = page["next"]
    return seen, pages


def test_following_next_gives_every_published_comment_once_in_order(api_client, open_period):
    expected = _stored(open_period, 250)
    seen, pages = _walk(api_client, f"/api/v1/comment-periods/{open_period.pk}/comments/")
    assert seen == expected
    assert [len(p["results"]) for p in pages] == [100, 100, 50]
    assert {(p["count"], p["count_is_estimate"]) for p in pages} == {(250, False)}
    assert pages[0]["previous"] is None


def test_previous_leads_back_to_the_same_page(api_client, open_period):
    _stored(open_period, 150)
    first = api_client.get(f"/api/v1/comment-periods/{open_period.pk}/comments/?page_size=60")
    second = api_client.get(first.json()["next"]).json()
    back = api_client.get(second["previous"]).json()
    assert back["results"] == first.json()["results"]


def test_the_staff_list_pages_the_same_way_and_filters_by_state(editor_client, open_period):
    published = _stored(open_period, 120)
    url = f"/api/v1/comment-periods/{open_period.pk}/moderation/?state=published&page_size=50"
    seen, pages = _walk(editor_client, url)
    assert seen == published
    assert pages[0]["count"] == 120


@pytest.mark.parametrize(
    "cursor",
    [
        "not-base64!",
        base64.b64encode(b"p=yesterday").decode(),
        base64.b64encode(b"o=-4&p=2022-04-14").decode(),
    ],
)
def test_a_cursor_not_made_by_the_list_is_a_400(api_client, open_period, cursor):
    _stored(open_period, 3)
    response = api_client.get(
        f"/api/v1/comment-periods/{open_period.pk}/comments/", {"cursor": cursor}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_cursor"


def test_a_deep_page_costs_the_queries_of_the_first(
    api_client, open_period, django_assert_num_queries
):
    _stored(open_period, 450)
    url = f"/api/v1/comment-periods/{open_period.pk}/comments/"
    with django_assert_num_queries(3):
        first = api_client.get(url).json()
    deep = first
    for _ in range(3):
        deep = api_client.get(deep["next"]).json()
    with django_assert_num_queries(3):
        api_client.get(deep["previous"])


def test_above_the_exact_limit_the_count_is_an_estimate_on_postgresql(open_period):
    from django.db import connection

    _stored(open_period, 30)
    comments = Comment.objects.filter(period=open_period)
    assert bounded_count(comments) == (30, False)
    count, is_estimate = bounded_count(comments, exact_up_to=10)
    if connection.vendor == "postgresql":
        assert is_estimate is True
        assert count > 10
    else:
        assert (count, is_estimate) == (30, False)


def test_the_staff_list_searches_with_q_and_pages_the_matches(editor_client, open_period):
    _stored(open_period, 30)
    Comment.objects.filter(tracking_id="t00012").update(tracking_id="abcdefghijklmnopqrstuvwxyz")
    url = f"/api/v1/comment-periods/{open_period.pk}/moderation/"

    def found(query: str) -> list[str]:
        page = editor_client.get(url, {"q": query}).json()
        return [c["tracking_id"] for c in page["results"]]

    assert found("comment 7") == ["t00007"]
    assert found("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ") == ["abcdefghijklmnopqrstuvwxyz"]
    assert found("nothing like this") == []
    too_long = editor_client.get(url, {"q": "x" * 1001})
    assert too_long.status_code == 400
    assert too_long.json()["code"] == "query_too_long"
