"""The disposition report is cached and revalidated like the other published pages: its ETag
changes when a comment of the version is published, withheld or answered, a matching
If-None-Match is a 304 after one query, and a request costs the same number of queries with 30
or 3,000 published comments."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from standard_versions.consultation.moderation import moderate_comment, respond_to_comment
from tests.comments.conftest import submit
from tests.comments.report_support import bulk_published

pytestmark = pytest.mark.django_db

API = "/api/v1/standards/big/versions/9.0/disposition-report/"
PAGE = "/standards/big/versions/9.0/disposition-report/"
# The report's head; the version; its periods; its criteria; the counts by criterion and
# disposition; the figures (links by class; answers; comments per day; campaign comments); the
# page's comments; their links; the rows the pages show (a near-duplicate campaign once).
UNCACHED = 12


@pytest.mark.parametrize("url", [API, PAGE])
def test_a_publication_a_response_and_a_withholding_each_change_the_etag_and_the_report(
    api_client, open_period, url
):
    bulk_published(open_period, {"A0.0": 3})
    first = api_client.get(url)
    assert first.status_code == 200 and first["ETag"]
    assert "no-cache" in first["Cache-Control"]
    tracking_id = submit(api_client, open_period, criterion="A1.1", body="Fresh one").json()[
        "tracking_id"
    ]
    received = api_client.get(url)
    assert received["ETag"] == first["ETag"]  # received, not published: the report is the same
    moderate_comment(tracking_id=tracking_id, state="published", user=None, now=timezone.now())
    published = api_client.get(url)
    assert published["ETag"] != first["ETag"]
    assert tracking_id in published.content.decode()
    respond_to_comment(
        tracking_id=tracking_id,
        disposition="accepted",
        response="Taken up in the next draft.",
        user=None,
        now=timezone.now(),
    )
    answered = api_client.get(url)
    assert answered["ETag"] not in (first["ETag"], published["ETag"])
    assert "Taken up in the next draft." in answered.content.decode()
    moderate_comment(
        tracking_id=tracking_id,
        state="withheld",
        reason="Off topic",
        user=None,
        now=timezone.now(),
    )
    withheld = api_client.get(url)
    assert withheld["ETag"] not in (first["ETag"], published["ETag"], answered["ETag"])
    assert tracking_id not in withheld.content.decode()


@pytest.mark.parametrize("url", [API, PAGE, API + "?format=csv"])
def test_a_current_copy_is_a_304_after_one_query(
    api_client, open_period, url, django_assert_num_queries
):
    bulk_published(open_period, {"A0.0": 3})
    etag = api_client.get(url)["ETag"]
    with django_assert_num_queries(1):
        response = api_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag


def _forget_bodies() -> None:
    """The shared cache and this worker's memo of bodies (standard_versions/http/body_memo.py)."""
    from standard_versions.http.body_memo import published_bodies

    cache.clear()
    published_bodies.clear()


@pytest.mark.parametrize("published", [30, 3000])
@pytest.mark.parametrize("url", [API, PAGE])
def test_a_page_costs_the_same_queries_for_30_and_3000_comments(
    api_client, open_period, published, url, django_assert_num_queries
):
    share = published // 6
    bulk_published(
        open_period,
        {"": share, "A0.0": share, "A0.2": share, "A1.1": share, "A1.3": share, "A1.5": share},
    )
    middle = f"{url}?criterion=A1.1"
    for path in (url, middle):
        _forget_bodies()
        with django_assert_num_queries(UNCACHED):
            response = api_client.get(path)
        assert response.status_code == 200
        # Cached: the head alone.
        with django_assert_num_queries(1):
            assert api_client.get(path).content == response.content
    # Another page of a cached report: the head, the page's comments and their links.
    _forget_bodies()
    api_client.get(url)
    with django_assert_num_queries(3):
        assert api_client.get(middle).status_code == 200


@pytest.mark.parametrize("published", [30, 3000])
def test_a_full_download_costs_the_same_queries_and_has_every_row(
    api_client, open_period, published, django_assert_num_queries
):
    bulk_published(open_period, {"A0.0": published // 2, "A1.1": published - published // 2})
    # The head, the version, its periods, its criteria, the counts, then every row in chunks
    # of 2,000 (a server-side cursor on PostgreSQL, one query either way), the figures (four
    # queries), the rows the pages show (a campaign once) and each chunk's links (one query per
    # 2,000 rows).
    chunks = -(-published // 2000)
    with django_assert_num_queries(11 + chunks):
        response = api_client.get(API, {"format": "csv"})
        data = b"".join(response.streaming_content)
    assert data.count(b"\r\n") == published + 1
