"""What one try of a delivery came to, and what it does to the delivery: the outbox and the
digests claim deliveries and record tries with these; each channel returns an ``AttemptOutcome``.
A module of its own so that a channel (webhooks, mail) and the digests import it without importing
the outbox, which imports them."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from standard_versions.models import Delivery, DeliveryAttempt, DeliveryStatus

# The delivery's fields a recorded try changes (for ``save(update_fields=...)``, ``bulk_update``).
RECORDED_FIELDS = ["attempts", "claimed_until", "status", "sent_at", "last_error", "due_at"]


@dataclass(frozen=True)
class AttemptOutcome:
    """What one try of a delivery came to (a channel's ``send`` returns it; it never raises for
    a failure of the receiver)."""

    succeeded: bool
    status_code: int | None = None
    error: str = ""
    duration_ms: int = 0


def claim_due(
    *, status: str, order_by: tuple[str, ...], now: dt.datetime, limit: int, claim_seconds: int
) -> list[int]:
    """Claim up to ``limit`` deliveries of ``status`` due by ``now`` and claimed by no live worker,
    in ``order_by`` order, for ``claim_seconds``; their ids. Locked rows are skipped (``SKIP
    LOCKED`` under PostgreSQL), so concurrent workers claim different deliveries."""
    with transaction.atomic():
        ids = list(
            Delivery.objects.filter(status=status, due_at__lte=now)
            .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
            .select_for_update(skip_locked=True)
            .order_by(*order_by)
            .values_list("id", flat=True)[:limit]
        )
        if ids:
            Delivery.objects.filter(pk__in=ids).update(
                claimed_until=now + dt.timedelta(seconds=claim_seconds)
            )
    return ids


def retry_delay(attempts: int) -> dt.timedelta:
    """Exponential backoff after the ``attempts``-th failed try: base, 2 x base, 4 x base...,
    capped at ``NOTIFY_RETRY_MAX_SECONDS``."""
    seconds = settings.NOTIFY_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return dt.timedelta(seconds=min(seconds, settings.NOTIFY_RETRY_MAX_SECONDS))


def attempt_log(delivery: Delivery, outcome: AttemptOutcome, *, now: dt.datetime):
    """The try's row of the delivery log (not saved)."""
    return DeliveryAttempt(
        delivery=delivery,
        attempted_at=now,
        succeeded=outcome.succeeded,
        status_code=outcome.status_code,
        error=outcome.error[:2000],
        duration_ms=outcome.duration_ms,
    )


def apply_outcome(delivery: Delivery, outcome: AttemptOutcome, *, now: dt.datetime) -> None:
    """The delivery after the try (not saved): sent, or due again after the backoff, or failed
    after ``NOTIFY_MAX_ATTEMPTS``; its claim released."""
    delivery.attempts += 1
    delivery.claimed_until = None
    if outcome.succeeded:
        delivery.status = DeliveryStatus.SENT
        delivery.sent_at = now
        delivery.last_error = ""
        return
    delivery.last_error = outcome.error[:2000]
    if delivery.attempts >= settings.NOTIFY_MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.FAILED
    else:
        delivery.due_at = now + retry_delay(delivery.attempts)
