"""Writing events: called by the services of the other domains inside their own transaction, so
an event exists exactly when its change does (the transactional outbox). The worker is nudged
when the transaction commits; if the broker is down the nudge is lost, never the event: the
worker's periodic tick finds it (``outbox.drain``).

Clock events (a period opened, closes in 48 hours) have no write to ride on: the worker's tick
records them (``record_clock_events``), once each by their ``dedupe_key``.
"""

import datetime as dt
import logging
import time

from django.conf import settings
from django.db import IntegrityError, transaction

from standard_versions.models import (
    Comment,
    CommentPeriod,
    Criterion,
    Event,
    EventKind,
    Subscription,
    Version,
)
from standard_versions.row_insert import insert_new

log = logging.getLogger(__name__)

CLOSING_SOON = dt.timedelta(hours=48)


NUDGE_BACKOFF_SECONDS = 30
# When this process last nudged a worker (time.monotonic()).
_last_nudge = [float("-inf")]


def _nudge_worker() -> None:
    """Ask a worker to drain the outbox now: at most once a second per process (a surge of
    comments sends one message a second, not thousands; no round trip to decide it), best effort
    (the periodic tick is the guarantee: a broker outage never fails the change just committed)."""
    if not settings.NOTIFY_NUDGE:
        return
    now = time.monotonic()
    if now - _last_nudge[0] < 1.0:
        return
    _last_nudge[0] = now
    try:
        from backend.celery import app  # Celery is loaded only when needed

        # By name: the task's module (tasks.py) imports the outbox, which imports this one.
        app.send_task("notifications.drain_outbox", retry=False, ignore_result=True)
    except Exception:
        # The broker is down: leave it alone for half a minute, so requests do not each wait
        # for its connection timeout.
        _last_nudge[0] = now + NUDGE_BACKOFF_SECONDS
        log.warning("Could not nudge the notification worker; its periodic tick will deliver.")


def _record(*, kind: str, now: dt.datetime, dedupe_key: str = "", **fields) -> Event | None:
    # Inserted with its SQL built once (``row_insert``): a receipt event is written by every
    # submission with an address, and the ORM's save cost a tenth of the submission's CPU.
    event = Event(kind=kind, occurred_at=now, dedupe_key=dedupe_key, **fields)
    if dedupe_key:
        # A savepoint, so that an event recorded already leaves the caller's transaction usable.
        try:
            with transaction.atomic():
                insert_new(event)
        except IntegrityError:
            return None
    else:
        insert_new(event)
    transaction.on_commit(_nudge_worker)
    return event


def _version_event(
    kind: str, version: Version, *, now: dt.datetime, payload: dict | None = None, **fields
) -> Event | None:
    """An event of ``version``, whose payload names its standard and label first."""
    return _record(
        kind=kind,
        now=now,
        standard_id=version.standard_id,
        version=version,
        payload={"standard": version.standard.slug, "version": version.label} | (payload or {}),
        **fields,
    )


def _period_event(
    kind: str, period: CommentPeriod, *, now: dt.datetime, payload: dict | None = None, **fields
) -> Event | None:
    """An event of ``period``, whose payload adds its dates to its version's."""
    dates = {
        "id": period.pk,
        "opens_at": period.opens_at.isoformat(),
        "closes_at": period.closes_at.isoformat(),
        "timezone": period.timezone,
    }
    return _version_event(
        kind,
        period.version,
        now=now,
        period=period,
        payload={"period": dates} | (payload or {}),
        **fields,
    )


_PERIOD_CHANGE_KINDS = {
    "extended": EventKind.PERIOD_EXTENDED,
    "closed_early": EventKind.PERIOD_CLOSED_EARLY,
    "reopened": EventKind.PERIOD_REOPENED,
}


def period_changed(period: CommentPeriod, *, change: str, reason: str, now: dt.datetime) -> None:
    """A period's closing instant moved (``change``: extended, closed_early, reopened)."""
    kind = _PERIOD_CHANGE_KINDS.get(change)
    if kind is not None:
        _period_event(kind, period, now=now, payload={"reason": reason})


def version_published(version: Version, *, now: dt.datetime) -> None:
    _version_event(EventKind.VERSION_PUBLISHED, version, now=now)


def criterion_changed(criterion: Criterion, *, version: Version, now: dt.datetime) -> None:
    """A draft criterion's text (title or description) changed."""
    _version_event(
        EventKind.CRITERION_CHANGED,
        version,
        now=now,
        criterion_key=criterion.key,
        payload={
            "criterion": {
                "key": criterion.key,
                "code": criterion.code,
                "title": criterion.title,
                "revision": criterion.revision,
            },
        },
    )


def comment_received(comment: Comment, *, language: str, now: dt.datetime) -> None:
    """A comment with an email address was stored: its receipt mail (private)."""
    _record(
        kind=EventKind.COMMENT_RECEIVED,
        now=now,
        period_id=comment.period_id,
        criterion_key=comment.criterion_key,
        comment=comment,
        payload={"language": language},
    )


def response_published(comment: Comment, *, now: dt.datetime) -> None:
    """A published comment's response is public (it was answered after publication, or
    published after it was answered). The first one of a version also publishes its
    disposition report."""
    period = comment.period
    version = period.version
    _version_event(
        EventKind.RESPONSE_PUBLISHED,
        version,
        now=now,
        period=period,
        criterion_key=comment.criterion_key,
        comment=comment,
        payload={
            "comment": {
                "tracking_id": comment.tracking_id,
                "criterion": comment.criterion_code or None,
                "disposition": comment.disposition,
                "response": comment.response,
            }
        },
    )
    _version_event(
        EventKind.REPORT_PUBLISHED, version, now=now, dedupe_key=f"disposition_report:{version.pk}"
    )


def record_clock_events(*, now: dt.datetime) -> int:
    """Periods that have opened, or close within 48 hours, by ``now`` and were not announced:
    one event each, dated when it happened, whichever worker gets there first (the unique
    ``dedupe_key``). Only draft periods not yet closed are looked at (a handful), so a period of
    2022 is never announced on a first start in 2026. Two queries when there is nothing new."""
    due: list[tuple[str, CommentPeriod, dt.datetime, str]] = []
    periods = CommentPeriod.objects.filter(
        closes_at__gt=now, opens_at__lte=now, version__status="draft"
    ).select_related("version__standard")
    for period in periods:
        opened = f"period:{period.pk}:opened:{period.opens_at.isoformat()}"
        due.append((EventKind.PERIOD_OPENED, period, period.opens_at, opened))
        if period.closes_at - now <= CLOSING_SOON:
            at = max(period.opens_at, period.closes_at - CLOSING_SOON)
            closing = f"period:{period.pk}:closing_soon:{period.closes_at.isoformat()}"
            due.append((EventKind.PERIOD_CLOSING_SOON, period, at, closing))
    if not due:
        return 0
    keys = [key for *_rest, key in due]
    known = set(Event.objects.filter(dedupe_key__in=keys).values_list("dedupe_key", flat=True))
    recorded = 0
    for kind, period, at, key in due:
        if key not in known and _period_event(kind, period, now=at, dedupe_key=key):
            recorded += 1
    return recorded


def subscription_requested(
    subscription: Subscription, *, now: dt.datetime, once_an_hour: bool = True
) -> Event | None:
    """An address asked for a subscription not confirmed yet: its confirmation mail (private).
    At most one an hour per subscription (``dedupe_key``), so asking again and again cannot
    flood an address that never asked; ``once_an_hour=False`` for a subscription asked for
    again after it was left (once per leaving: it is then waiting, and hourly again)."""
    hour = f"{now:%Y%m%d%H}" if once_an_hour else now.isoformat()
    return _record(
        kind=EventKind.SUBSCRIPTION_REQUESTED,
        now=now,
        standard_id=subscription.standard_id,
        criterion_key=subscription.criterion_key,
        comment_id=subscription.comment_id,
        dedupe_key=f"subscription:{subscription.pk}:requested:{hour}",
        payload={"subscription": subscription.pk},
    )
