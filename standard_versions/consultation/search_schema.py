"""The full-text index of comments, per database: the SQL that migration 0009 runs.

PostgreSQL: a stored generated ``tsvector`` column, ``search_vector``, on the comment table, each
row's text stemmed by the configuration of its own language (``en*`` english, ``es*`` spanish,
``pt*`` portuguese, any other simple), with a GIN index.

SQLite (the embedded default): an FTS5 external-content table over the comment table, kept by
triggers. FTS5 stems English only (Porter); ``remove_diacritics`` makes ``politica`` find
``política`` in every language.

The column is not a model field on purpose: it exists on PostgreSQL only, every comment read
would otherwise load a vector larger than the body, and simple-history would copy it into the
historical table. Nothing but ``consultation/search.py`` reads it.

Pure: no imports of the project, so a later migration may use it as it is.
"""

TABLE = "standard_versions_comment"
FTS_TABLE = "standard_versions_comment_fts"
INDEXED_COLUMNS = ("body", "proposed_text", "name", "organization")

# The primary language subtag -> PostgreSQL text search configuration. The query side
# (search.py) groups rows by the same expression.
LANGUAGE_SUBTAG_SQL = "split_part(lower(language), '-', 1)"
CONFIGS = {"en": "english", "es": "spanish", "pt": "portuguese"}
FALLBACK_CONFIG = "simple"

_CONFIG_SQL = (
    f"CASE {LANGUAGE_SUBTAG_SQL} "
    + " ".join(f"WHEN '{tag}' THEN '{config}'::regconfig" for tag, config in CONFIGS.items())
    + f" ELSE '{FALLBACK_CONFIG}'::regconfig END"
)
_TEXT_SQL = " || ' ' || ".join(INDEXED_COLUMNS)

POSTGRESQL_FORWARD = [
    # Adding a stored column rewrites the table once (about a minute per million comments).
    f"ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS (to_tsvector({_CONFIG_SQL}, {_TEXT_SQL})) STORED",
    f"CREATE INDEX comment_search_idx ON {TABLE} USING GIN (search_vector)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS comment_search_idx",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
]

_COLUMNS = ", ".join(INDEXED_COLUMNS)
_NEW = ", ".join(f"new.{column}" for column in INDEXED_COLUMNS)
_OLD = ", ".join(f"old.{column}" for column in INDEXED_COLUMNS)
_CHANGED = " OR ".join(f"old.{column} IS NOT new.{column}" for column in INDEXED_COLUMNS)
_INSERT_NEW = f"INSERT INTO {FTS_TABLE}(rowid, {_COLUMNS}) VALUES (new.id, {_NEW});"
# An external-content table forgets a row only when told the very values it indexed.
_DELETE_OLD = (
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLUMNS}) VALUES ('delete', old.id, {_OLD});"
)

SQLITE_TRIGGERS = {
    f"{FTS_TABLE}_insert": f"AFTER INSERT ON {TABLE} BEGIN {_INSERT_NEW} END",
    f"{FTS_TABLE}_delete": f"AFTER DELETE ON {TABLE} BEGIN {_DELETE_OLD} END",
    # Only a change of an indexed column touches the index: moderation and responses save the
    # whole row (every column in the SET list), so the values are compared, not just named.
    f"{FTS_TABLE}_update": (
        f"AFTER UPDATE OF {_COLUMNS} ON {TABLE} WHEN {_CHANGED} "
        f"BEGIN {_DELETE_OLD} {_INSERT_NEW} END"
    ),
}

SQLITE_FORWARD = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({_COLUMNS}, content='{TABLE}', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
    *(f"CREATE TRIGGER {name} {body}" for name, body in SQLITE_TRIGGERS.items()),
]
SQLITE_BACKWARD = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS),
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]

# SQLite drops a table's triggers with it, and Django's SQLite schema editor remakes a table for
# most field changes (create a copy, drop, rename). A later migration that alters the comment
# table on SQLite must therefore run SQLITE_RESTORE after it (RunPython), and
# tests/search/test_the_index_survives_migrations.py fails until it does.
SQLITE_RESTORE = [
    *(f"CREATE TRIGGER IF NOT EXISTS {name} {body}" for name, body in SQLITE_TRIGGERS.items()),
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]


def statements(vendor: str, *, forward: bool) -> list[str]:
    """The statements for ``vendor`` (``schema_editor.connection.vendor``); none elsewhere."""
    if vendor == "postgresql":
        return POSTGRESQL_FORWARD if forward else POSTGRESQL_BACKWARD
    if vendor == "sqlite":
        return SQLITE_FORWARD if forward else SQLITE_BACKWARD
    return []
