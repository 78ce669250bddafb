"""A version's criteria are found by every word of the query in their English title and
description or in their translation to the reader's language, stemmed in each text's language
(PostgreSQL) or matched accent-blind by word beginnings (SQLite); the API serves it publicly in
a fixed number of queries."""

import pytest
from django.utils import timezone

from standard_versions.models import Criterion, Translation
from standard_versions.models.translations import source_hash
from standard_versions.standards.search import search_criteria
from tests.factories import build_version
from tests.search.conftest import on_postgresql, on_sqlite

pytestmark = pytest.mark.django_db
URL = "/api/v1/standards/big/versions/1.0/search/"


def _translate(version, key: str, field: str, language: str, text: str) -> None:
    english = getattr(Criterion.objects.get(version=version, key=key), field)
    Translation.objects.create(
        standard=version.standard,
        version=version,
        object_type="criterion",
        object_key=key,
        field=field,
        language=language,
        text=text,
        source_text=english,
        source_hash=source_hash(english),
        updated_at=timezone.now(),
    )


@pytest.fixture
def version():
    version = build_version(criteria=4, areas=2)
    texts = {
        "k0": ("Open data portal", "The city publishes its budgets as open data."),
        "k1": ("Performance evaluation", "Governing by results across departments."),
        "k2": ("Resident engagement", "Residents are surveyed every year."),
    }
    for key, (title, description) in texts.items():
        Criterion.objects.filter(version=version, key=key).update(
            title=title, description=description
        )
    _translate(version, "k0", "title", "es", "Portal de datos abiertos")
    _translate(version, "k0", "description", "es", "La ciudad publica sus presupuestos.")
    _translate(version, "k2", "title", "pt-BR", "Participação dos moradores")
    _translate(version, "k2", "description", "pt-BR", "As cidades consultam os moradores.")
    return version


def _codes(version, query, language="en") -> list[str]:
    return [c.key for c in search_criteria(version, query=query, language=language)]


def test_english_words_find_criteria_in_the_versions_order(version):
    assert _codes(version, "open data") == ["k0"]
    assert _codes(version, "residents") == ["k2"]
    assert _codes(version, "city budget") == ["k0"]


def test_a_translation_is_searched_in_its_language_and_the_english_too(version):
    assert _codes(version, "presupuesto", "es") == ["k0"]
    assert _codes(version, "presupuesto", "pt-BR") == []
    assert _codes(version, "moradores", "pt-BR") == ["k2"]
    assert _codes(version, "engagement", "es") == ["k2"]  # the English of every criterion


@on_sqlite
def test_sqlite_matches_without_accents_or_case(version):
    """PostgreSQL's Portuguese stemmer keeps accents (unaccent is an extension we do not need)."""
    assert _codes(version, "PARTICIPACAO", "pt-BR") == ["k2"]


@on_postgresql
def test_postgresql_stems_in_the_texts_language(version):
    assert _codes(version, "governance") == ["k1"]
    assert _codes(version, "cidade", "pt-BR") == ["k2"]
    assert _codes(version, "presupuestos", "es") == ["k0"]


@pytest.mark.parametrize("query", ["", '"', "NEAR(*", "x" * 1000, "\x00"])
def test_an_awkward_query_finds_nothing_or_something_but_never_fails(version, query):
    list(search_criteria(version, query=query, language="es"))


def test_the_api_answers_publicly_in_the_readers_language(version, api_client):
    response = api_client.get(URL, {"q": "datos", "lang": "es"})
    assert response.status_code == 200
    body = response.json()
    assert body["language"] == "es"
    assert [hit["title"] for hit in body["results"]] == ["Portal de datos abiertos"]
    assert body["results"][0]["url"].endswith("/versions/1.0/criteria/A0.0/")


def test_the_api_costs_a_fixed_number_of_queries(version, api_client, django_assert_num_queries):
    from django.db import connection

    searching = 1 if connection.vendor == "postgresql" else 3
    # The version, the search, the translations of the titles.
    with django_assert_num_queries(1 + searching + 1):
        assert len(api_client.get(URL, {"q": "residents", "lang": "pt-BR"}).json()["results"])
    with django_assert_num_queries(1):
        assert api_client.get(URL, {"q": "((", "lang": "es"}).json()["results"] == []


def test_an_unknown_version_is_a_404(api_client, version):
    response = api_client.get("/api/v1/standards/big/versions/9.9/search/", {"q": "data"})
    assert response.status_code == 404
    assert response.json()["code"] == "version_not_found"
