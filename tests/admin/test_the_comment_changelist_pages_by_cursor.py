"""The admin's comment list stays a bounded read at any size: "Older comments" links page by
cursor (every comment seen once, newest first), the count is never a second COUNT(*) of the
table, and the filters draw themselves without reading the comments."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from standard_versions.models import Comment

pytestmark = pytest.mark.django_db
URL = "/admin/standard_versions/comment/"


def _stored(period, count: int) -> list[str]:
    start = timezone.now() - dt.timedelta(days=2)
    comments = [
        Comment(
            period=period,
            tracking_id=f"a{index:05d}",
            submitted_at=start + dt.timedelta(seconds=index // 3),  # threes share a second
            body=f"Comment {index}",
            content_sha256="0" * 64,
            normalized_hash=f"{index:064d}",
            language=("en", "es", "pt-BR")[index % 3],
        )
        for index in range(count)
    ]
    Comment.objects.bulk_create(comments)
    return [c.tracking_id for c in reversed(comments)]


def _shown(response) -> list[str]:
    return re.findall(r">(a\d{5})</a>", response.content.decode())


def _older_link(response) -> str | None:
    found = re.search(r'<a href="(\?[^"]*before=[^"]*)" rel="next">', response.content.decode())
    return found and found.group(1).replace("&amp;", "&")


def test_older_comments_links_show_every_comment_once_newest_first(editor_admin, open_period):
    expected = _stored(open_period, 250)
    seen, url = [], URL
    for _ in range(10):
        if not url:
            break
        response = editor_admin.get(url)
        assert response.status_code == 200
        seen += _shown(response)
        link = _older_link(response)
        url = link and URL + link
    assert seen == expected


def test_a_deep_page_costs_the_queries_of_the_first(editor_admin, open_period):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _stored(open_period, 450)
    editor_admin.get(URL)  # the session and the user, read once
    with CaptureQueriesContext(connection) as first:
        editor_admin.get(URL)
    url = URL
    for _ in range(3):
        url = URL + _older_link(editor_admin.get(url))
    with CaptureQueriesContext(connection) as deep:
        response = editor_admin.get(url)
    assert len(_shown(response)) == 100
    assert len(deep) == len(first)
    assert not [q for q in deep if "OFFSET" in q["sql"].upper()]


def test_the_page_never_counts_the_whole_table_again(editor_admin, open_period):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _stored(open_period, 30)
    with CaptureQueriesContext(connection) as captured:
        response = editor_admin.get(URL + "?language=es")
    counts = [q["sql"] for q in captured if "COUNT(" in q["sql"].upper()]
    # One bounded count of the filtered list (a LIMIT inside), none of the whole table.
    assert len(counts) == 1 and "LIMIT" in counts[0].upper()
    assert len(_shown(response)) == 10


def test_the_language_filter_offers_the_sites_languages_without_reading_comments(
    editor_admin, open_period
):
    response = editor_admin.get(URL)
    body = response.content.decode()
    for code in ("en", "es", "pt-BR"):
        assert f"?language={code}" in body


@pytest.mark.parametrize(
    "before", ["yesterday", "2022-04-14T10:00:00_x", "2022-04-14T10:00:00_5", "_", ""]
)
def test_a_cursor_not_made_here_filters_nothing(editor_admin, open_period, before):
    _stored(open_period, 5)
    response = editor_admin.get(URL, {"before": before})
    assert response.status_code == 200
    assert len(_shown(response)) == 5


def test_page_numbers_stop_where_an_offset_would_be_slow(editor_admin, open_period, monkeypatch):
    from standard_versions.admin.comment_paging import EstimatedCountPaginator

    monkeypatch.setattr(EstimatedCountPaginator, "max_pages", 2)
    _stored(open_period, 350)
    assert editor_admin.get(URL, {"p": "2"}).status_code == 200
    beyond = editor_admin.get(URL, {"p": "3"})
    assert beyond.status_code == 302 and "e=1" in beyond["Location"]
    # deeper by cursor: the fourth page of a hundred
    url = URL
    for _ in range(3):
        url = URL + _older_link(editor_admin.get(url))
    assert len(_shown(editor_admin.get(url))) == 50
