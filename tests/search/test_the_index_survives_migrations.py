"""The index exists after every migration. SQLite drops a table's triggers with the table, and
Django remakes a SQLite table for most field changes: a migration that alters the comment table
must run ``search_schema.SQLITE_RESTORE`` after it, and this test fails until it does."""

import pytest
from django.db import connection

from standard_versions.consultation import search_schema

pytestmark = pytest.mark.django_db


def test_the_database_has_its_comment_index():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            triggers = {row[0] for row in cursor.fetchall()}
            assert set(search_schema.SQLITE_TRIGGERS) <= triggers, (
                "the comment table lost its search triggers: run search_schema.SQLITE_RESTORE "
                "in the migration that remade it"
            )
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [search_schema.FTS_TABLE])
        else:
            cursor.execute(
                "SELECT 1 FROM pg_indexes WHERE tablename = %s AND indexname = "
                "'comment_search_idx' AND indexdef LIKE '%%USING gin (search_vector)%%'",
                [search_schema.TABLE],
            )
        assert cursor.fetchone() is not None
