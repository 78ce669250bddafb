"""Whatever a person types is words, never query syntax: FTS5 operators, quotes and brackets,
tsquery operators, NUL bytes and very long input all give an answer (perhaps empty), never an
error, and a query with no word finds nothing."""

import pytest

from standard_versions.consultation.search import MAX_WORDS, query_words, search_comments
from standard_versions.models import Comment
from tests.search.conftest import make_comment

pytestmark = pytest.mark.django_db

AWKWARD = [
    "",
    "   ",
    '"',
    '"unclosed phrase',
    "'",
    "(",
    ")",
    "(open (data",
    "*",
    "data*",
    "NEAR",
    "NEAR(open data, 2)",
    "AND",
    "open AND",
    "OR NOT",
    "-data",
    "^open",
    "body:open",
    "{open data}",
    "open & data | !x <-> y:*",
    "'; DROP TABLE standard_versions_comment; --",
    "\x00open\x00",
    "%s %(x)s ?",
    "🙂 open",
    "data " * 250,
    "x" * 1000,
]


@pytest.mark.parametrize("query", AWKWARD, ids=range(len(AWKWARD)))
def test_an_awkward_query_is_answered(open_period, query):
    make_comment(open_period, "Open data AND near the NEAR operator.")
    list(search_comments(Comment.objects.all(), query=query))


@pytest.mark.parametrize("query", ["", "   ", '"', "(*)", "-- ^"])
def test_a_query_without_a_word_finds_nothing(open_period, query):
    make_comment(open_period, "Anything.")
    assert not search_comments(Comment.objects.all(), query=query).exists()


def test_operators_are_searched_as_the_words_they_are(open_period):
    make_comment(open_period, "Walk to the NEAR side.")
    make_comment(open_period, "The far side.")
    found = search_comments(Comment.objects.all(), query='"NEAR" (side*')
    assert [c.body for c in found] == ["Walk to the NEAR side."]


def test_a_long_query_keeps_its_first_words():
    assert len(query_words("word " * 500)) == MAX_WORDS
