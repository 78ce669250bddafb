"""A query that is a tracking id, however it was written down, finds that one comment through
the unique index, even when its text would match other comments' words."""

import pytest

from standard_versions.consultation import tracking_ids
from standard_versions.consultation.search import search_comments
from standard_versions.models import Comment
from tests.search.conftest import make_comment

pytestmark = pytest.mark.django_db
EN_DASH = "\u2013"


@pytest.fixture
def wanted(open_period) -> Comment:
    make_comment(open_period, "Another comment on open data.")
    return make_comment(open_period, "Open data portals need budgets.")


@pytest.mark.parametrize(
    "written",
    [
        lambda t: t,
        lambda t: t.upper(),
        tracking_ids.grouped,
        lambda t: " ".join(tracking_ids.grouped(t).upper().split("-")),
        lambda t: "  " + tracking_ids.grouped(t).replace("-", EN_DASH) + "  ",
    ],
    ids=["as stored", "upper case", "grouped", "spaced upper case", "en dashes"],
)
def test_a_tracking_id_as_written_finds_that_comment_and_nothing_else(wanted, written):
    found = list(search_comments(Comment.objects.all(), query=written(wanted.tracking_id)))
    assert found == [wanted]


def test_an_unknown_tracking_id_finds_nothing_rather_than_words(open_period):
    make_comment(open_period, "Nothing to see.")
    assert not search_comments(Comment.objects.all(), query="a" * 26).exists()


def test_the_look_up_is_one_query_on_the_unique_index(wanted, django_assert_num_queries):
    with django_assert_num_queries(1) as captured:
        list(search_comments(Comment.objects.all(), query=wanted.tracking_id.upper()))
    sql = captured.captured_queries[0]["sql"]
    assert f"\"tracking_id\" = '{wanted.tracking_id}'" in sql or wanted.tracking_id in sql
    assert "MATCH" not in sql and "tsquery" not in sql
