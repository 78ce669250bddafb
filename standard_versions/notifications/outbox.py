"""Draining the outbox: fan events out to deliveries, send what is due, retry with backoff.

At least once: a delivery is claimed for ``CLAIM_SECONDS`` (so two workers never send it at the
same time, and a killed worker's claim runs out), sent, then marked sent. A worker killed between
sending and marking sends it again after the claim runs out, with the same event id (webhooks:
``WWC-Event-Id``; mail: the same ``Message-ID``), which is how a receiver deduplicates.

PostgreSQL workers claim with ``FOR UPDATE SKIP LOCKED``, so several workers on several hosts
share the work; SQLite takes the database's write lock for the same effect.
"""

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from standard_versions.models import (
    Channel,
    Delivery,
    DeliveryStatus,
    Event,
    EventKind,
    WebhookEndpoint,
)
from standard_versions.notifications import events, recipients
from standard_versions.notifications.outcomes import (  # noqa: F401 (retry_delay: named here too)
    RECORDED_FIELDS,
    AttemptOutcome,
    apply_outcome,
    attempt_log,
    claim_due,
    retry_delay,
)

log = logging.getLogger(__name__)

# A claim lasts a minute: what a killed worker held goes out a minute later at most. A worker
# sends a claimed delivery only while its claim has the longest try (a timeout) left, and lets
# the rest go, so a slow receiver never makes two workers send the same delivery at once.
CLAIM_SECONDS = 60
FAN_OUT_BATCH = 500
SEND_BATCH = 20


def _longest_try() -> dt.timedelta:
    return dt.timedelta(seconds=max(settings.WEBHOOK_TIMEOUT_SECONDS, settings.EMAIL_TIMEOUT) + 5)


def fan_out(*, now: dt.datetime, batch: int = FAN_OUT_BATCH) -> int:
    """Write the deliveries of up to ``batch`` events not fanned out yet; the number of events.
    Fanning out twice (a worker killed before its commit) adds nothing: deliveries are unique per
    event and recipient."""
    with transaction.atomic():
        pending = list(
            Event.objects.filter(fanned_out_at__isnull=True)
            # Only the events' rows: PostgreSQL cannot lock the nullable side of the joins.
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("comment__period__version")
            .order_by("id")[:batch]
        )
        if not pending:
            return 0
        receipts = [event for event in pending if event.kind == EventKind.COMMENT_RECEIVED]
        deliveries = recipients.receipts_for(receipts, now=now)
        for event in pending:
            if event.kind != EventKind.COMMENT_RECEIVED:
                deliveries.extend(recipients.deliveries_for(event, now=now))
        Delivery.objects.bulk_create(deliveries, ignore_conflicts=True)
        Event.objects.filter(pk__in=[event.pk for event in pending]).update(fanned_out_at=now)
    return len(pending)


def claim(*, now: dt.datetime, status: str = DeliveryStatus.PENDING, limit: int = SEND_BATCH):
    """Claim up to ``limit`` due deliveries of ``status`` for this worker; their ids."""
    return claim_due(
        status=status,
        order_by=("due_at", "id"),
        now=now,
        limit=limit,
        claim_seconds=CLAIM_SECONDS,
    )


def _send(delivery: Delivery, *, now: dt.datetime) -> AttemptOutcome:
    # Imported here: each channel pulls in its own libraries (mail, HTTP).
    if delivery.channel == Channel.EMAIL:
        from standard_versions.notifications import mail

        return mail.send_delivery(delivery, now=now)
    from standard_versions.notifications import webhooks

    return webhooks.send_delivery(delivery, now=now)


def record_attempt(delivery: Delivery, outcome: AttemptOutcome, *, now: dt.datetime) -> None:
    """Log the try; mark the delivery sent, or due again after the backoff, or failed after
    ``NOTIFY_MAX_ATTEMPTS``. A webhook endpoint's failures are counted across its deliveries."""
    with transaction.atomic():
        attempt_log(delivery, outcome, now=now).save()
        apply_outcome(delivery, outcome, now=now)
        delivery.save(update_fields=RECORDED_FIELDS)
        if delivery.channel == Channel.WEBHOOK:
            _count_endpoint_outcome(delivery.endpoint_id, outcome, now=now)


def _count_endpoint_outcome(endpoint_id: int, outcome: AttemptOutcome, *, now: dt.datetime):
    """Count the endpoint's failures in a row; disable it once they are ``WEBHOOK_DISABLE_AFTER``
    in a row over at least ``WEBHOOK_DISABLE_AFTER_SECONDS`` (settings.py says why both)."""
    if outcome.succeeded:
        WebhookEndpoint.objects.filter(pk=endpoint_id, consecutive_failures__gt=0).update(
            consecutive_failures=0, failing_since=None
        )
        return
    WebhookEndpoint.objects.filter(pk=endpoint_id).update(
        consecutive_failures=F("consecutive_failures") + 1
    )
    WebhookEndpoint.objects.filter(pk=endpoint_id, failing_since__isnull=True).update(
        failing_since=now
    )
    endpoint = WebhookEndpoint.objects.select_for_update().get(pk=endpoint_id)
    failing_for = now - endpoint.failing_since
    if (
        endpoint.active
        and endpoint.consecutive_failures >= settings.WEBHOOK_DISABLE_AFTER
        and failing_for >= dt.timedelta(seconds=settings.WEBHOOK_DISABLE_AFTER_SECONDS)
    ):
        from standard_versions.notifications import webhooks

        webhooks.disable_endpoint(endpoint, error=outcome.error, now=now)


def send_claimed(ids: list[int], *, clock: Callable[[], dt.datetime]) -> int:
    """Send the claimed deliveries ``ids``, each attempt dated by ``clock()``; the number sent.
    Mail of the batch shares one connection to the mail server."""
    # Everything a channel renders, in this one query (not two more per mail).
    deliveries = Delivery.objects.filter(pk__in=ids).select_related(
        "event__standard",
        "event__version",
        "event__period",
        "event__comment__period__version__standard",
        "address",
        "subscription__standard",
        "subscription__comment",
        "endpoint",
    )
    from standard_versions.notifications import mail

    with mail.one_connection():
        return _send_each(deliveries, clock=clock)


def _send_each(deliveries, *, clock: Callable[[], dt.datetime]) -> int:
    sent = 0
    # Endpoints disabled during this batch: their rows above were read while still active.
    disabled: set[int] = set()
    longest_try = _longest_try()
    for delivery in deliveries:
        if delivery.status != DeliveryStatus.PENDING:
            continue
        if delivery.claimed_until is None or clock() + longest_try > delivery.claimed_until:
            # The claim would run out during the try: leave it to the next claim.
            Delivery.objects.filter(pk=delivery.pk, claimed_until=delivery.claimed_until).update(
                claimed_until=None
            )
            continue
        webhook = delivery.channel == Channel.WEBHOOK
        if webhook and (not delivery.endpoint.active or delivery.endpoint_id in disabled):
            Delivery.objects.filter(pk=delivery.pk).update(
                status=DeliveryStatus.FAILED, claimed_until=None, last_error="endpoint disabled"
            )
            continue
        if delivery.subscription_id and delivery.subscription.unsubscribed_at is not None:
            Delivery.objects.filter(pk=delivery.pk).update(
                status=DeliveryStatus.SKIPPED, claimed_until=None, last_error="unsubscribed"
            )
            continue
        try:
            outcome = _send(delivery, now=clock())
        except Exception as error:
            # A bug in rendering one delivery must not stop the queue: it is logged, counted as
            # a failed try and retried like any other (after a fix, it goes out).
            log.exception("Delivery %s could not be sent", delivery.pk)
            outcome = AttemptOutcome(succeeded=False, error=f"internal error: {error!r}")
        record_attempt(delivery, outcome, now=clock())
        sent += outcome.succeeded
        if webhook and not outcome.succeeded:
            if WebhookEndpoint.objects.filter(pk=delivery.endpoint_id, active=False).exists():
                disabled.add(delivery.endpoint_id)
    return sent


@dataclass
class DrainReport:
    clock_events: int = 0
    fanned_out: int = 0
    sent: int = 0
    digests: int = 0


def drain(*, clock: Callable[[], dt.datetime] = timezone.now, budget_seconds: float = 50.0):
    """One worker's turn: record clock events, fan out every event, send what is due and the
    digests that are due, until nothing is left or ``budget_seconds`` have passed."""
    from standard_versions.notifications import digests

    report = DrainReport()
    started = time.monotonic()
    report.clock_events = events.record_clock_events(now=clock())

    def in_budget() -> bool:
        return time.monotonic() - started < budget_seconds

    while in_budget() and (fanned := fan_out(now=clock())):
        report.fanned_out += fanned
    while in_budget():
        ids = claim(now=clock())
        if not ids:
            break
        report.sent += send_claimed(ids, clock=clock)
    report.digests = digests.send_due_digests(clock=clock)
    return report
