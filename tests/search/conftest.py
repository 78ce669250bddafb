import hashlib

import pytest
from django.db import connection
from django.utils import timezone

from standard_versions.consultation.comments import new_tracking_id
from standard_versions.models import Comment
from tests.admin.conftest import editor_admin  # noqa: F401
from tests.comments.conftest import draft, make_period, open_period  # noqa: F401

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's own stemmers"
)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")


def make_comment(period, body: str, *, language: str = "en", **fields) -> Comment:
    """A stored comment, written as the submission service stores one (only what search reads
    matters here)."""
    digest = hashlib.sha256(body.encode()).hexdigest()
    return Comment.objects.create(
        period=period,
        tracking_id=new_tracking_id(),
        submitted_at=fields.pop("submitted_at", None) or timezone.now(),
        body=body,
        language=language,
        content_sha256=digest,
        normalized_hash=digest,
        **fields,
    )
