"""Search of a version's criteria: titles and descriptions in English and in a translation.

A criterion matches when its English title and description, or its title and description in
``language`` (es, pt-BR: Translation rows), hold every word of the query, each text stemmed in
its own language. A version has some hundred criteria, so the texts are not indexed: PostgreSQL
stems them as it reads them (``to_tsvector`` in the text's configuration, about a millisecond
for the shipped 3.0), one query; SQLite has no Spanish or Portuguese stemmer, so the two
queries' texts are matched here, accent- and case-blind, a query word matching a text word
that begins with it or with which it begins (at least four letters): "ciudad" finds "ciudades"
and "ciudades" finds "ciudad". The comments' index (FTS5, Porter) is no help here: it indexes
comments, and criteria change with every draft.
"""

import unicodedata

from django.db import connections
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from standard_versions.consultation.search import query_words
from standard_versions.consultation.search_schema import CONFIGS, FALLBACK_CONFIG
from standard_versions.models import Criterion, Translation, Version
from standard_versions.translations.content import SOURCE_LANGUAGE

FIELDS = ("title", "description")
_MIN_STEM = 4


def text_search_config(language: str) -> str:
    """The PostgreSQL configuration of a language tag (``pt-BR`` -> ``portuguese``)."""
    return CONFIGS.get(language.split("-")[0].lower(), FALLBACK_CONFIG)


def search_criteria(version: Version, *, query: str, language: str) -> QuerySet[Criterion]:
    """The criteria of ``version`` whose texts hold every word of ``query``, in the version's
    order. One query on PostgreSQL, three on SQLite; none for a query with no word."""
    words = query_words(query)
    criteria = Criterion.objects.filter(version=version)
    if not words:
        return criteria.none()
    translated = language if language != SOURCE_LANGUAGE else None
    if connections[criteria.db].vendor == "postgresql":
        sql, params = _postgresql_matches(version, " ".join(words), translated)
        return criteria.filter(id__in=RawSQL(sql, params))
    return criteria.filter(id__in=_matched_here(version, words, translated))


def _postgresql_matches(version: Version, words: str, language: str | None):
    criterion, translation = Criterion._meta.db_table, Translation._meta.db_table
    sql = (
        f"SELECT c.id FROM {criterion} c WHERE c.version_id = %s AND ("
        "to_tsvector('english', c.title || ' ' || c.description) @@ plainto_tsquery('english', %s)"
    )
    params: list = [version.pk, words]
    if language is not None:
        config = text_search_config(language)
        sql += (
            f" OR EXISTS (SELECT 1 FROM {translation} t WHERE t.version_id = c.version_id"
            " AND t.object_type = 'criterion' AND t.object_key = c.key AND t.language = %s"
            " AND t.field IN ('title', 'description')"
            " AND to_tsvector(%s::regconfig, t.text) @@ plainto_tsquery(%s::regconfig, %s))"
        )
        params += [language, config, config, words]
    return sql + ")", params


def _folded_words(text: str) -> set[str]:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return set(query_words("".join(c for c in decomposed if not unicodedata.combining(c))))


def _word_found(word: str, text_words: set[str]) -> bool:
    return any(
        t.startswith(word) or (len(t) >= _MIN_STEM and word.startswith(t)) for t in text_words
    )


def _matched_here(version: Version, words: list[str], language: str | None) -> list[int]:
    texts: dict[str, list[str]] = {}
    ids = {}
    for pk, key, title, description in Criterion.objects.filter(version=version).values_list(
        "pk", "key", "title", "description"
    ):
        ids[key] = pk
        texts[key] = [f"{title} {description}"]
    if language is not None:
        rows = Translation.objects.filter(
            version=version, object_type="criterion", language=language, field__in=FIELDS
        ).values_list("object_key", "text")
        translated: dict[str, str] = {}
        for key, text in rows:
            translated[key] = f"{translated.get(key, '')} {text}"
        for key, text in translated.items():
            texts.setdefault(key, []).append(text)
    wanted = _folded_words(" ".join(words))
    return [
        ids[key]
        for key, candidates in texts.items()
        if key in ids
        and any(
            all(_word_found(word, text_words) for word in wanted)
            for text_words in map(_folded_words, candidates)
        )
    ]
