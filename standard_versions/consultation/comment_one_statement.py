"""A submission as one statement on PostgreSQL, in autocommit: the checks of the period that
``comments._store`` makes in Python under a share lock, made by the statement itself.

``_store`` reads its period FOR SHARE in a transaction, checks it, INSERTs and COMMITs: BEGIN, a
SELECT, the INSERT and COMMIT, four round trips, and four statements for PostgreSQL to run. Here
one statement does it (``row_insert.insert_new_if``): its first step (the guard) selects the
period FOR SHARE only if the submission's ``now`` is in its window, its version is a draft and,
for a comment on a criterion, the criterion read just before is unchanged (same revision) and in
the period's scope; the INSERT and the tally's count read the guard's row. In autocommit the share
lock lasts the statement's own transaction, so the promise of ``_store`` holds: a submission never
commits outside a window that a concurrent staff change (which locks the period FOR UPDATE) has
just narrowed.

When the guard finds nothing, nothing is written and the caller falls back to ``_store``, which
reads the period again and refuses with its precise error. A key already used fails the INSERT
on its unique index, as in ``_store``, and is answered the same way (``comments.submit``).
"""

import datetime as dt

from django.db import connection, transaction

from standard_versions.consultation import tallies
from standard_versions.models import Comment, CommentPeriod, Criterion, Version, VersionStatus
from standard_versions.raw_rows import first_raw_instance
from standard_versions.row_insert import insert_new_if

_PERIODS = CommentPeriod._meta.db_table
_VERSIONS = Version._meta.db_table
_CRITERIA = Criterion._meta.db_table

_GUARD = (
    f"SELECT p.id FROM {_PERIODS} p JOIN {_VERSIONS} v ON v.id = p.version_id "
    "WHERE p.id = %s AND p.opens_at <= %s AND %s < p.closes_at AND v.status = %s"
)
_CRITERION_UNCHANGED_IN_SCOPE = (
    f" AND EXISTS (SELECT 1 FROM {_CRITERIA} c WHERE c.id = %s AND c.version_id = p.version_id"
    " AND c.code = %s AND c.revision = %s)"
    # criterion_keys: SQL NULL for every criterion, else a JSON array of keys (jsonb's ``?``).
    " AND (p.criterion_keys IS NULL OR p.criterion_keys ? %s)"
)
_LOCK = " FOR SHARE OF p"

_CRITERION_OF_PERIOD = (
    f"SELECT c.id, c.key, c.code, c.title, c.description, c.revision FROM {_CRITERIA} c "
    f"JOIN {_PERIODS} p ON p.version_id = c.version_id WHERE p.id = %s AND c.code = %s LIMIT 1"
)


def applies() -> bool:
    """Whether submissions may be stored this way on this connection."""
    return connection.vendor == "postgresql"


def criterion_of(*, period_id: int, code: str) -> Criterion | None:
    """The criterion ``code`` of the period's version as it is now (the guard checks it is still
    so); None if there is none (``_store`` says so)."""
    return first_raw_instance(Criterion, _CRITERION_OF_PERIOD, [period_id, code])


def insert_if_accepting(comment: Comment, *, criterion: Criterion | None, now: dt.datetime) -> bool:
    """INSERT ``comment`` (built for ``now`` and ``criterion``) and count it in its tally, if
    its period accepts it at ``now``; True if it was stored, False if nothing was written."""
    guard, parameters = _GUARD, [comment.period_id, now, now, VersionStatus.DRAFT]
    if criterion is not None:
        guard += _CRITERION_UNCHANGED_IN_SCOPE
        parameters += [criterion.pk, criterion.code, criterion.revision, criterion.key]
    statement = {
        "guard": (guard + _LOCK, parameters),
        "along": tallies.count_after_new_row(comment),
    }
    if connection.in_atomic_block:
        # Inside a caller's transaction (a test's, a command's): a savepoint, so that a key
        # already used leaves that transaction usable for the answer's read.
        with transaction.atomic():
            return insert_new_if(comment, **statement)
    return insert_new_if(comment, **statement)
