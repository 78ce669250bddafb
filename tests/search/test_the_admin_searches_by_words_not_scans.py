"""The comments admin's search box finds comments as ``search_comments`` does (a tracking id
exactly, otherwise every word in the comment's language) and never runs Django's "contains"
scans over the text fields, which took 19 s at a million comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.consultation.search import search_comments
from standard_versions.models import Comment
from tests.search.conftest import make_comment

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/standard_versions/comment/"


@pytest.fixture
def comments(open_period) -> list[Comment]:
    return [
        make_comment(open_period, "Libraries should publish their opening hours."),
        make_comment(open_period, "Parks need benches.", organization="Friends of the Library"),
        make_comment(open_period, "Nothing about books."),
    ]


def _searched(client, query: str):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CHANGELIST, {"q": query})
    assert response.status_code == 200
    return response, [q["sql"] for q in queries.captured_queries]


def test_words_find_their_comments_in_any_field_and_form(editor_admin, comments):
    response, _ = _searched(editor_admin, "library")
    html = response.content.decode()
    assert comments[0].tracking_id in html and comments[1].tracking_id in html
    assert comments[2].tracking_id not in html


def test_a_tracking_id_finds_that_comment(editor_admin, comments):
    response, _ = _searched(editor_admin, comments[2].tracking_id.upper())
    assert list(response.context["cl"].result_list) == [comments[2]]


def test_no_query_scans_the_texts_with_like(editor_admin, comments):
    _, queries = _searched(editor_admin, "library hours")
    searched = [sql for sql in queries if "standard_versions_comment" in sql]
    assert searched
    assert not [sql for sql in searched if "LIKE" in sql.upper()]


def test_the_search_box_says_what_it_matches(editor_admin, comments):
    response, _ = _searched(editor_admin, "")
    assert "tracking id" in response.content.decode()


def test_a_search_costs_the_queries_of_a_page(editor_admin, comments):
    _, plain = _searched(editor_admin, "")
    _, searched = _searched(editor_admin, "library")
    # On PostgreSQL, one more: the look-up of a rare word's matches (consultation/search.py).
    assert len(searched) == len(plain) + (connection.vendor == "postgresql")


def test_an_awkward_search_is_a_page_not_an_error(editor_admin, comments):
    for query in ['"', "NEAR(", "*", "x" * 1000, "AND OR"]:
        _searched(editor_admin, query)


def test_the_admin_and_the_function_agree(editor_admin, comments):
    response, _ = _searched(editor_admin, "benches")
    expected = list(search_comments(Comment.objects.all(), query="benches"))
    assert list(response.context["cl"].result_list) == expected
