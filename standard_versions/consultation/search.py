"""Search of comments: a tracking id exactly, otherwise every word, stemmed in each text's language.

A query that is a tracking id however it was written (``K5Q3-W7PZ ...``, see ``tracking_ids``)
matches that one comment through the unique index and nothing else. Any other query is cut into
words (letters and digits; everything else, quotes, brackets, ``*``, ``-``, ``NEAR``'s parentheses,
is a separator), at most ``MAX_WORDS`` of them, and a comment matches when its body, proposed
text, name or organization holds every word:

- PostgreSQL: ``plainto_tsquery`` in the configuration of the comment's language against the
  generated ``search_vector`` column's GIN index (``search_schema.py``); English "governing"
  finds "governance", Portuguese "cidades" finds "cidade", Spanish "presupuestos" finds
  "presupuesto". The words are a parameter and plainto_tsquery reads no operators, so no input
  can make the query fail.
- SQLite: FTS5 ``MATCH`` with each word as a quoted string (so ``AND``, ``NEAR`` and ``*`` are
  words, never operators), Porter-stemmed as English.

Results are newest first (``-submitted_at, -id``: the admin's order, read backwards along
``comment_order_idx``), not by rank: ranking would score every match before the first page.

On PostgreSQL a word that few comments hold is looked up first (``FEW_MATCHES``): the planner,
with no statistics for a rare word, would otherwise walk the newest-first index row by row until
it had a page of matches, a million rows for ten (1.5 s at a million comments). So up to
``FEW_MATCHES`` ids are read from the GIN index first; when that is all of them, the result is
those ids, newest first; when there are more, the word is common and the index walk is quick.
"""

import re

from django.db import connections
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from standard_versions.consultation import search_schema, tracking_ids
from standard_versions.models import Comment

TRACKING_ID = re.compile(r"[a-z2-7]{26}")
MAX_WORDS = 32
FEW_MATCHES = 2000
_WORD = re.compile(r"\w+")
NEWEST_FIRST = ("-submitted_at", "-id")


def query_words(query: str) -> list[str]:
    """The words of a query as both databases search them: letters and digits only, lowercase.
    The underscore is a separator too, as FTS5's tokenizer and PostgreSQL's parser treat it."""
    return [w for w in _WORD.findall(query.replace("_", " ").lower())][:MAX_WORDS]


def as_tracking_id(query: str) -> str | None:
    """The tracking id a query is, written in any of the ways people give it back, or None."""
    written = tracking_ids.canonical(query.strip())
    return written if TRACKING_ID.fullmatch(written) else None


def _postgresql_matches(words: str) -> tuple[str, list[str]]:
    # One branch per configuration, each a GIN index scan (PostgreSQL ORs their bitmaps); the
    # language test keeps a text to the stemming of its own language.
    tag = search_schema.LANGUAGE_SUBTAG_SQL
    branches, params = [], []
    for subtag, config in search_schema.CONFIGS.items():
        branches.append(
            f"(search_vector @@ plainto_tsquery('{config}', %s) AND {tag} = '{subtag}')"
        )
        params.append(words)
    others = ", ".join(f"'{subtag}'" for subtag in search_schema.CONFIGS)
    branches.append(
        f"(search_vector @@ plainto_tsquery('{search_schema.FALLBACK_CONFIG}', %s) "
        f"AND {tag} NOT IN ({others}))"
    )
    params.append(words)
    sql = f"SELECT id FROM {search_schema.TABLE} WHERE " + " OR ".join(branches)
    return sql, params


def _sqlite_matches(words: list[str]) -> tuple[str, list[str]]:
    # \w+ words hold no double quote, so quoting cannot be escaped from.
    match = " ".join(f'"{word}"' for word in words)
    fts = search_schema.FTS_TABLE
    return f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", [match]


def search_comments(comments: QuerySet[Comment], *, query: str) -> QuerySet[Comment]:
    """The comments of ``comments`` that ``query`` finds, newest first (see the module's text).
    A query with no word finds nothing. One query when evaluated, whatever the input, and on
    PostgreSQL one more at the call, the look-up of a rare word's matches."""
    tracking_id = as_tracking_id(query)
    if tracking_id is not None:
        return comments.filter(tracking_id=tracking_id)
    words = query_words(query)
    if not words:
        return comments.none()
    connection = connections[comments.db]
    vendor = connection.vendor
    if vendor == "postgresql":
        sql, params = _postgresql_matches(" ".join(words))
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} LIMIT {FEW_MATCHES + 1}", params)
            few = [row[0] for row in cursor.fetchall()]
        if len(few) <= FEW_MATCHES:
            return comments.filter(id__in=few).order_by(*NEWEST_FIRST)
    elif vendor == "sqlite":
        sql, params = _sqlite_matches(words)
    else:  # pragma: no cover - the project runs on these two
        raise NotImplementedError(f"no comment search on {vendor}")
    # A subquery on the id keeps the outer query's aliases free (a caller may nest it).
    return comments.filter(id__in=RawSQL(sql, params)).order_by(*NEWEST_FIRST)
