"""Reads for the public feeds: the public events of a standard, or of one criterion of it by its
permanent key, newest first and bounded, each with a fixed number of queries.

A feed's ``head`` names what it would contain (the events' ids and the revisions of their
versions, whose translations the entries' titles are read from) without loading the events, so a
revalidation is answered after one cheap query. Private kinds (a commenter's receipt, a
subscription's confirmation request) are never read here: only ``PUBLIC_EVENT_KINDS``.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.db.models import QuerySet

from standard_versions.models import CommentPeriod, Criterion, Event, Standard
from standard_versions.models.notifications import PUBLIC_EVENT_KINDS
from standard_versions.standards.selectors_history import criterion_key_not_found

# Enough for a reader polling daily during a busy consultation; older events are on the pages.
FEED_LIMIT = 50


@dataclass(frozen=True)
class FeedHead:
    """What a conditional GET of a feed needs: a digest of the entries it would show."""

    digest: str
    # The newest event's time (Last-Modified), or None for a feed with no entry yet.
    updated_at: dt.datetime | None


def _public_events(standard: Standard, *, key: str | None) -> QuerySet[Event]:
    events = Event.objects.filter(standard=standard, kind__in=PUBLIC_EVENT_KINDS)
    if key is not None:
        events = events.filter(criterion_key=key)
    return events.order_by("-occurred_at", "-id")


def feed_criterion(*, standard: Standard, key: str) -> Criterion:
    """The newest row of the criterion with permanent ``key`` (its code and title name the
    feed), with its version (one query). A key no version of the standard has raises
    ``NotFound``, as the criterion's history page does."""
    criterion = (
        Criterion.objects.filter(version__standard=standard, key=key)
        .select_related("version")
        .order_by("-version__created_at", "-version__label")
        .first()
    )
    if criterion is None:
        raise criterion_key_not_found(standard_slug=standard.slug, key=key)
    return criterion


def feed_head(*, standard: Standard, key: str | None = None, limit: int = FEED_LIMIT) -> FeedHead:
    """One query. The digest changes when an event joins or leaves the feed, and when a
    version it mentions changes what it serves (its translations: a revision bump)."""
    rows = list(
        _public_events(standard, key=key).values_list(
            "event_id", "occurred_at", "version_id", "version__revision"
        )[:limit]
    )
    digest = hashlib.sha256()
    for event_id, _occurred_at, version_id, revision in rows:
        digest.update(f"{event_id}:{version_id}.{revision};".encode())
    return FeedHead(digest=digest.hexdigest()[:20], updated_at=rows[0][1] if rows else None)


def feed_events(*, standard: Standard, key: str | None = None, limit: int = FEED_LIMIT) -> list:
    """The newest ``limit`` public events, newest first, with their version and period (one
    query)."""
    return list(_public_events(standard, key=key).select_related("version", "period")[:limit])


def criteria_of_events(events: list[Event]) -> dict[tuple[int, str], Criterion]:
    """The criterion row each event names, by (version id, key), for its code and title in the
    reader's language (one query, none when no event names a criterion). A criterion since
    removed from its draft is missing: the entry keeps what the event recorded."""
    pairs = {(e.version_id, e.criterion_key) for e in events if e.version_id and e.criterion_key}
    if not pairs:
        return {}
    rows = Criterion.objects.filter(
        version_id__in={version_id for version_id, _key in pairs},
        key__in={key for _version_id, key in pairs},
    )
    return {(row.version_id, row.key): row for row in rows if (row.version_id, row.key) in pairs}


def calendar_periods(*, standard: Standard | None = None) -> list[CommentPeriod]:
    """Every comment period (of ``standard``, or of every standard) for the calendar feed, with
    its version and standard, in the order they open (one query). A cancelled period (a
    scheduled one that will never open) is left out, so a subscribed calendar drops it."""
    periods = CommentPeriod.objects.select_related("version__standard").order_by("opens_at", "id")
    if standard is not None:
        periods = periods.filter(version__standard=standard)
    return [period for period in periods if not _cancelled(period)]


def _cancelled(period: CommentPeriod) -> bool:
    changes = period.changes or []
    return bool(changes) and changes[-1].get("kind") == "cancelled"


def period_stamp(period: CommentPeriod) -> dt.datetime:
    """When the period last changed in public (its creation, or its latest extension, early
    close or reopening): the calendar's DTSTAMP, so the same periods make the same file."""
    stamp = period.created_at
    for change in period.changes or []:
        try:
            stamp = max(stamp, dt.datetime.fromisoformat(change["at"]))
        except (KeyError, TypeError, ValueError):
            continue
    return stamp


def calendar_digest(periods: list[CommentPeriod]) -> str:
    """Changes when a period is added, moved, extended, closed or reopened, or when a version
    it belongs to changes what it serves (its translations)."""
    digest = hashlib.sha256()
    for p in periods:
        version = p.version
        digest.update(
            f"{p.pk}:{p.opens_at.isoformat()}:{p.closes_at.isoformat()}:{p.timezone}:"
            f"{len(p.changes or [])}:{version.pk}.{version.revision}:{version.label};".encode()
        )
    return digest.hexdigest()[:20]
