"""Every word of the query must be in the comment's body, proposed text, name or
organization, in any form the text's language gives it: PostgreSQL stems each comment with its
own language's configuration, SQLite's FTS5 with Porter (English) for all, accent-blind."""

import datetime as dt

import pytest

from standard_versions.consultation.search import search_comments
from standard_versions.models import Comment
from tests.search.conftest import make_comment, on_postgresql, on_sqlite

pytestmark = pytest.mark.django_db


def _found(query: str) -> list[str]:
    return [c.body for c in search_comments(Comment.objects.all(), query=query)]


def test_every_word_must_be_there_in_any_order(open_period):
    make_comment(open_period, "Budget transparency matters.")
    make_comment(open_period, "Transparency alone.")
    assert _found("transparency budget") == ["Budget transparency matters."]


def test_the_name_organization_and_proposed_text_are_searched(open_period):
    make_comment(open_period, "Plain.", name="Ada Lovelace", organization="City of Springfield")
    make_comment(open_period, "Other.", proposed_text="Replace with quarterly reporting.")
    assert _found("lovelace") == ["Plain."]
    assert _found("springfield") == ["Plain."]
    assert _found("quarterly") == ["Other."]


def test_results_are_newest_first(open_period):
    now = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
    for days in (3, 1, 2):
        make_comment(open_period, f"Open data {days}.", submitted_at=now - dt.timedelta(days=days))
    assert _found("open data") == ["Open data 1.", "Open data 2.", "Open data 3."]


def test_english_plurals_and_suffixes_are_one_word(open_period):
    make_comment(open_period, "More cities should publish data.")
    assert _found("city") == ["More cities should publish data."]
    assert _found("publishing") == ["More cities should publish data."]


@on_sqlite
def test_sqlite_finds_words_without_their_accents(open_period):
    make_comment(open_period, "Políticas de datos abiertos.", language="es")
    assert _found("politicas") == ["Políticas de datos abiertos."]
    assert _found("ABIERTOS") == ["Políticas de datos abiertos."]


@on_postgresql
@pytest.mark.parametrize(
    ("language", "text", "query"),
    [
        ("en", "Data governance is weak.", "governing"),
        ("es", "El presupuesto de la ciudad.", "presupuestos"),
        ("es", "Los ciudadanos participan.", "ciudadano"),
        ("pt-BR", "A cidade publica dados.", "cidades"),
        ("pt-BR", "Os orçamentos municipais.", "orçamento"),
    ],
)
def test_postgresql_stems_each_text_in_its_own_language(open_period, language, text, query):
    make_comment(open_period, text, language=language)
    assert _found(query) == [text]


@on_postgresql
def test_a_text_is_not_stemmed_in_another_language(open_period):
    """English folds "cities" into "city"; Spanish does not, so a Spanish comment saying "city"
    is found by "city" only."""
    make_comment(open_period, "city hall", language="en")
    make_comment(open_period, "city hall", language="es", name="es")
    assert [c.language for c in search_comments(Comment.objects.all(), query="cities")] == ["en"]
    assert len(_found("city")) == 2


@on_postgresql
def test_other_languages_are_searched_word_for_word(open_period):
    make_comment(open_period, "Dati aperti per tutti.", language="it")
    assert _found("dati") == ["Dati aperti per tutti."]
    assert _found("dato") == []


def test_a_search_is_one_query_and_on_postgresql_one_more_for_a_rare_word(
    open_period, django_assert_num_queries
):
    from django.db import connection

    make_comment(open_period, "Open data.")
    with django_assert_num_queries(2 if connection.vendor == "postgresql" else 1):
        assert len(_found("open data")) == 1


@on_postgresql
def test_a_common_word_is_read_along_the_newest_first_index(open_period, monkeypatch):
    from standard_versions.consultation import search

    monkeypatch.setattr(search, "FEW_MATCHES", 2)
    for index in range(5):
        make_comment(open_period, f"Open data number {index}.")
    found = search.search_comments(Comment.objects.all(), query="data")
    assert "IN (SELECT id FROM" in str(found.query)
    assert [c.body for c in found] == [f"Open data number {index}." for index in range(4, -1, -1)]
