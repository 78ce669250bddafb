"""Query counts of the consultation pages, pinned, and the same whatever the number of criteria,
periods or comments."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.models import Comment, Translation
from tests.factories import build_version
from tests.web.consultation.conftest import make_period, page_url, post_comment

# Requests as after the worker's moment of remembered heads (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_heads_read_every_time")]

# the period's head (raw SQL, for the cache key, with what its published comments are like) + the
# period with version and standard + the criteria in scope with their practice areas + the
# published comments counted by criterion
CONSULTATION_QUERIES = 4
# from the cached page: the period's head only
CONSULTATION_CACHED_QUERIES = 1
# comment with period, version and standard + the criterion now
RECEIPT_QUERIES = 2
# made: the current periods' windows, the head (standards, versions, translations' latest
# change), all raw SQL for the cache key, then the current periods with their versions and
# standards, the standards and the versions; kept: the first four
# (tests/web/test_the_home_page_is_cached.py)
HOME_QUERIES = 7


def _queries(client, path: str) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return len(captured), response


@pytest.mark.parametrize("criteria", [5, 50])
def test_the_consultation_page_costs_the_same_for_5_and_50_criteria(client, criteria):
    version = build_version(label="9.0", criteria=criteria, areas=3, status="draft")
    period = make_period(version)
    cache.clear()
    queries, response = _queries(client, page_url(period))
    assert response.status_code == 200
    # The version's form, and a link to each criterion's form.
    assert response.content.decode().count('method="post"') == 1
    assert response.content.decode().count('class="comment-link"') == criteria
    assert queries == CONSULTATION_QUERIES
    cached, again = _queries(client, page_url(period))
    assert cached == CONSULTATION_CACHED_QUERIES
    assert again.content.decode().count('class="comment-link"') == criteria


def test_another_language_adds_one_query_for_its_translations(client):
    version = build_version(label="9.0", criteria=5, status="draft")
    period = make_period(version)
    Translation.objects.all().delete()
    queries, _ = _queries(client, page_url(period) + "?lang=es")
    assert queries == CONSULTATION_QUERIES + 1


def test_a_changed_version_is_rendered_again(client):
    from standard_versions.standards.revisions import bump_version_revision

    version = build_version(label="9.0", criteria=5, status="draft")
    period = make_period(version)
    client.get(page_url(period))
    bump_version_revision(version=version)
    queries, _ = _queries(client, page_url(period))
    assert queries == CONSULTATION_QUERIES


def test_the_receipt_page_costs_a_fixed_number_of_queries(client):
    version = build_version(label="9.0", criteria=50, status="draft")
    period = make_period(version)
    for n in range(5):
        post_comment(client, period, body=f"Comment {n}")
    tracking_id = Comment.objects.first().tracking_id
    queries, response = _queries(client, f"/comments/{tracking_id}/")
    assert response.status_code == 200
    assert queries == RECEIPT_QUERIES


@pytest.mark.parametrize("periods", [1, 6])
def test_the_home_page_costs_the_same_for_one_or_many_periods(client, periods):
    for n in range(periods):
        version = build_version(standard_slug=f"s{n}", label="9.0", criteria=2, status="draft")
        make_period(version)
    queries, response = _queries(client, "/")
    html = response.content.decode()
    # Each card links to its period's page and to its calendar file.
    assert len(re.findall(r'href="/comment-periods/\d+/"', html)) == periods
    assert len(re.findall(r'href="/comment-periods/\d+/calendar\.ics\?lang=en"', html)) == periods
    assert queries == HOME_QUERIES


# the period with its version and standard (+ the translations in another language)
CALENDAR_QUERIES = 1


@pytest.mark.parametrize(("lang", "extra"), [("en", 0), ("es", 1)])
def test_the_calendar_file_costs_one_query_and_one_more_in_another_language(client, lang, extra):
    period = make_period(build_version(label="9.0", criteria=50, status="draft"))
    queries, response = _queries(client, f"{page_url(period)}calendar.ics?lang={lang}")
    assert response.status_code == 200
    assert queries == CALENDAR_QUERIES + extra


@pytest.mark.parametrize("comments", [0, 30])
def test_the_published_counts_cost_one_query_whatever_the_number_of_comments(client, comments):
    from django.utils import timezone

    from standard_versions.consultation.comments import moderate_comment, submit_comment

    version = build_version(label="9.0", criteria=10, areas=3, status="draft")
    period = make_period(version)
    now = timezone.now()
    for n in range(comments):
        code = f"A{n % 10 % 3}.{n % 10}"  # build_version's codes
        result = submit_comment(period_id=period.pk, criterion_code=code, body=f"c{n}", now=now)
        moderate_comment(
            tracking_id=result.comment.tracking_id, state="published", reason="", user=None, now=now
        )
    cache.clear()
    queries, response = _queries(client, page_url(period))
    assert queries == CONSULTATION_QUERIES
    assert response.content.decode().count("published comment") >= 10
