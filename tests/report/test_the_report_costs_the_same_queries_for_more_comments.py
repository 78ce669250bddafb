"""The report's page, JSON, CSV, ISO CSV and PDF cost a pinned number of queries, the same for
the fixture's 10 comments as with 60 more, each with links and an answer: the links and answers
of a page's comments are read in fixed queries, the figures by GROUP BY."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.http.body_memo import published_bodies
from standard_versions.models import Comment, CommenterAnswer, ResponseLink, Version
from tests.report.conftest import NOW

pytestmark = pytest.mark.django_db

API = "/api/v1/standards/big/versions/9.0/disposition-report/"
PAGE = "/standards/big/versions/9.0/disposition-report/"
PDF = "/standards/big/versions/9.0/disposition-report.pdf"
# Uncached: the head; the version; its periods; its criteria; the counts by criterion and
# disposition; the links by class; the answers; the comments per day; the campaign comments;
# then the page's comments with their answers and their links (JSON and page: + the
# translations' one query on the page), or every row and its links in chunks (downloads).
# The basis's count of the rows the pages show (a campaign once) is one more query of each; the
# fixture's campaign is on the page, whose counts and additions are two more (selectors_campaigns).
PINNED = {
    API: 14,
    PAGE: 14,
    API + "?format=csv": 12,
    API + "?format=iso-csv": 12,
    PDF: 12,
}


def _queries(client, path: str) -> int:
    cache.clear()
    published_bodies.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, path
    return len(queries)


def _more(period, n: int) -> None:
    later = Version.objects.get(label="9.1")
    rows = Comment.objects.bulk_create(
        Comment(
            period=period,
            tracking_id=f"WWC-M{i:04d}",
            submitted_at=dt.datetime(2030, 3, 2, 12, 0, tzinfo=dt.UTC) + dt.timedelta(minutes=i),
            criterion_key="k1",
            criterion_code="A1.1",
            criterion_title="Criterion 1",
            body=f"More {i}",
            content_sha256="0" * 64,
            normalized_hash=f"m{i}",
            moderation_state="published",
            disposition="noted",
            response="ok",
            responded_at=NOW - dt.timedelta(days=1),
        )
        for i in range(n)
    )
    rows = Comment.objects.filter(tracking_id__startswith="WWC-M")
    ResponseLink.objects.bulk_create(
        ResponseLink(
            comment=c,
            version=later,
            target="criterion",
            target_key="k0",
            change_class="editorial",
            created_at=NOW,
        )
        for c in rows
    )
    CommenterAnswer.objects.bulk_create(
        CommenterAnswer(comment=c, kind="accepted", submitted_at=NOW) for c in rows
    )


def test_each_form_costs_its_pinned_queries_for_10_and_70_comments(client, api_client, at_now):
    few = {
        path: _queries(api_client if path.startswith("/api") else client, path) for path in PINNED
    }
    _more(Comment.objects.first().period, 60)
    more = {
        path: _queries(api_client if path.startswith("/api") else client, path) for path in PINNED
    }
    assert few == more == PINNED


def test_a_cached_report_costs_the_head_and_a_revalidation_the_head_alone(
    client, at_now, django_assert_num_queries
):
    first = client.get(PAGE)
    with django_assert_num_queries(1):
        assert client.get(PAGE, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    with django_assert_num_queries(1):
        assert client.get(PAGE).content == first.content
