"""Counts of identical comments per period (``IdenticalCommentTally``), kept at ingest so listing a
period's campaigns reads one row per campaign, not every comment."""

from django.db import connection, transaction
from django.db.models import Count, Max, Min

from standard_versions.models import Comment, CommentPeriod, IdenticalCommentTally
from standard_versions.row_insert import insert_new

_TABLE = IdenticalCommentTally._meta.db_table
# PostgreSQL's two-argument LEAST/GREATEST are SQLite's scalar MIN/MAX.
_EARLIER, _LATER = ("LEAST", "GREATEST") if connection.vendor == "postgresql" else ("MIN", "MAX")
_UPSERT = (
    f"INSERT INTO {_TABLE} (period_id, normalized_hash, count, first_submitted_at, "
    "last_submitted_at, example_tracking_id) VALUES (%s, %s, 1, %s, %s, %s) "
    "ON CONFLICT (period_id, normalized_hash) DO UPDATE SET count = {t}.count + 1, "
    "first_submitted_at = {earlier}({t}.first_submitted_at, EXCLUDED.first_submitted_at), "
    "last_submitted_at = {later}({t}.last_submitted_at, EXCLUDED.last_submitted_at), "
    "example_tracking_id = {earlier}({t}.example_tracking_id, EXCLUDED.example_tracking_id)"
).format(t=_TABLE, earlier=_EARLIER, later=_LATER)


# The same count for a row a WITH query inserts as ``new_row``: made only if that row was.
_UPSERT_AFTER_NEW_ROW = _UPSERT.replace(
    "VALUES (%s, %s, 1, %s, %s, %s)", "SELECT %s, %s, 1, %s, %s, %s FROM new_row"
)
if _UPSERT_AFTER_NEW_ROW == _UPSERT:
    raise RuntimeError("The tally's upsert no longer has the VALUES this module rewrites.")


def count_after_new_row(comment: Comment) -> tuple[str, list]:
    """The tally's upsert for ``comment`` as the ``along`` of ``row_insert.insert_new_if``."""
    return _UPSERT_AFTER_NEW_ROW, _upsert_parameters(comment)


def insert_counted(comment: Comment) -> None:
    """INSERT a new comment and count it in its tally, in the caller's transaction and at its
    end: a form letter's tally row is locked from here to the commit only, so its senders queue
    for microseconds, not for each other's whole submission. On PostgreSQL both writes are one
    statement (``insert_new``'s ``along``), one round trip fewer per submission; elsewhere, two."""
    if connection.vendor == "postgresql":
        insert_new(comment, along=(_UPSERT, _upsert_parameters(comment)))
        return
    insert_new(comment)
    add_to_tally(comment)


def add_to_tally(comment: Comment) -> None:
    """Count a comment just inserted, in its transaction (``insert_counted``)."""
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT, _upsert_parameters(comment))


def _upsert_parameters(comment: Comment) -> list:
    submitted_at = connection.ops.adapt_datetimefield_value(comment.submitted_at)
    return [
        comment.period_id,
        comment.normalized_hash,
        submitted_at,
        submitted_at,
        comment.tracking_id,
    ]


@transaction.atomic
def recount_tallies(*, period: CommentPeriod) -> int:
    """Rebuild a period's tallies from its comments (after a restore from a dump of the comments
    alone, say); returns how many campaigns it has. Locks the period so no submission counts
    itself between the delete and the insert."""
    CommentPeriod.objects.select_for_update().filter(pk=period.pk).exists()
    IdenticalCommentTally.objects.filter(period=period).delete()
    groups = (
        Comment.objects.filter(period=period)
        .values("normalized_hash")
        .annotate(
            count=Count("id"),
            first=Min("submitted_at"),
            last=Max("submitted_at"),
            example=Min("tracking_id"),
        )
        .order_by()
    )
    tallies = IdenticalCommentTally.objects.bulk_create(
        (
            IdenticalCommentTally(
                period=period,
                normalized_hash=group["normalized_hash"],
                count=group["count"],
                first_submitted_at=group["first"],
                last_submitted_at=group["last"],
                example_tracking_id=group["example"],
            )
            for group in groups.iterator()
        ),
        batch_size=1000,
    )
    return len(tallies)
