"""Who hears of an event: the deliveries fanning it out writes (``outbox.fan_out``).

One mail per event and address, through the most specific subscription that wants it (one's own
comment, then the criterion, then the standard), so a commenter following both a criterion and
their comment on it gets one mail for its response. Webhook endpoints get every public kind they
named. A receipt goes to the commenter's address whether or not it is verified (it carries the
confirmation link), at most ``UNVERIFIED_RECEIPTS_PER_DAY`` a day while it is not.
"""

import datetime as dt

from django.conf import settings
from django.db.models import Count, Q

from standard_versions.models import (
    PUBLIC_EVENT_KINDS,
    Channel,
    Delivery,
    DeliveryStatus,
    EmailAddress,
    Event,
    EventKind,
    Frequency,
    Subscription,
    SubscriptionScope,
    WebhookEndpoint,
)

STANDARD_KINDS = frozenset(
    {
        EventKind.PERIOD_OPENED,
        EventKind.PERIOD_CLOSING_SOON,
        EventKind.PERIOD_EXTENDED,
        EventKind.PERIOD_CLOSED_EARLY,
        EventKind.PERIOD_REOPENED,
        EventKind.VERSION_PUBLISHED,
        EventKind.REPORT_PUBLISHED,
    }
)
CRITERION_KINDS = frozenset({EventKind.CRITERION_CHANGED, EventKind.RESPONSE_PUBLISHED})
COMMENT_KINDS = frozenset({EventKind.RESPONSE_PUBLISHED})
# The most specific first: the one a mail is sent for when several match.
_SPECIFICITY = {SubscriptionScope.COMMENT: 0, SubscriptionScope.CRITERION: 1}


def next_digest_at(now: dt.datetime) -> dt.datetime:
    """The next daily digest instant: ``DIGEST_HOUR_UTC`` o'clock UTC after ``now``."""
    today = now.astimezone(dt.UTC).replace(
        hour=settings.DIGEST_HOUR_UTC, minute=0, second=0, microsecond=0
    )
    return today if today > now else today + dt.timedelta(days=1)


def mail_recipient(address_id: int) -> str:
    return f"mail:{address_id}"


def _mail(
    event: Event,
    subscription: Subscription,
    *,
    due_at: dt.datetime,
    status: str = DeliveryStatus.PENDING,
    last_error: str = "",
) -> Delivery:
    """The mail of ``event`` to ``subscription``'s address (not saved)."""
    return Delivery(
        event=event,
        channel=Channel.EMAIL,
        address_id=subscription.address_id,
        subscription=subscription,
        recipient=mail_recipient(subscription.address_id),
        status=status,
        last_error=last_error,
        due_at=due_at,
    )


def _matching_subscriptions(event: Event) -> list[Subscription]:
    wanted = Q(pk__in=[])
    if event.kind in STANDARD_KINDS:
        wanted |= Q(scope=SubscriptionScope.STANDARD)
    if event.kind in CRITERION_KINDS and event.criterion_key:
        wanted |= Q(scope=SubscriptionScope.CRITERION, criterion_key=event.criterion_key)
    if event.kind in COMMENT_KINDS and event.comment_id:
        wanted |= Q(scope=SubscriptionScope.COMMENT, comment_id=event.comment_id)
    found = Subscription.objects.filter(
        wanted,
        standard_id=event.standard_id,
        confirmed_at__isnull=False,
        unsubscribed_at__isnull=True,
    ).order_by("id")
    best: dict[int, Subscription] = {}
    for subscription in found:
        kept = best.get(subscription.address_id)
        rank = _SPECIFICITY.get(subscription.scope, 2)
        if kept is None or rank < _SPECIFICITY.get(kept.scope, 2):
            best[subscription.address_id] = subscription
    return list(best.values())


def receipts_for(events: list[Event], *, now: dt.datetime) -> list[Delivery]:
    """The receipt deliveries of a batch of ``comment.received`` events (their comments loaded),
    in six queries whatever its size: at a deadline the outbox is mostly receipts. Each comment's
    address gets an ``EmailAddress`` and an unconfirmed own-comment subscription (confirmed at
    once when the address is verified already: it asked for this mail)."""
    wanted = [
        (event, event.comment.email.strip().lower())
        for event in events
        if event.comment is not None and event.comment.email
    ]
    if not wanted:
        return []
    emails = {email for _event, email in wanted}
    EmailAddress.objects.bulk_create(
        [EmailAddress(address=email, created_at=now) for email in sorted(emails)],
        ignore_conflicts=True,
    )
    addresses = {a.address: a for a in EmailAddress.objects.filter(address__in=emails)}
    Subscription.objects.bulk_create(
        [
            Subscription(
                address=addresses[email],
                scope=SubscriptionScope.COMMENT,
                comment=event.comment,
                standard_id=event.comment.period.version.standard_id,
                language=event.payload.get("language", "en"),
                created_at=now,
                confirmed_at=now if addresses[email].verified_at else None,
            )
            for event, email in wanted
        ],
        ignore_conflicts=True,
    )
    subscriptions = {
        (s.address_id, s.comment_id): s
        for s in Subscription.objects.filter(
            scope=SubscriptionScope.COMMENT,
            comment_id__in=[event.comment_id for event, _email in wanted],
        )
    }
    unverified = [a.pk for a in addresses.values() if a.verified_at is None]
    sent_today = dict(
        Delivery.objects.filter(
            address_id__in=unverified,
            event__kind=EventKind.COMMENT_RECEIVED,
            event__occurred_at__gte=now - dt.timedelta(days=1),
        )
        .values_list("address_id")
        .annotate(count=Count("id"))
    )
    deliveries = []
    for event, email in wanted:
        address = addresses[email]
        status, error = DeliveryStatus.PENDING, ""
        if address.verified_at is None:
            if sent_today.get(address.pk, 0) >= settings.UNVERIFIED_RECEIPTS_PER_DAY:
                status, error = DeliveryStatus.SKIPPED, "unverified address: daily receipt limit"
            else:
                sent_today[address.pk] = sent_today.get(address.pk, 0) + 1
        subscription = subscriptions[(address.pk, event.comment_id)]
        deliveries.append(_mail(event, subscription, due_at=now, status=status, last_error=error))
    return deliveries


def _confirmation_request(event: Event, *, now: dt.datetime) -> list[Delivery]:
    subscription = Subscription.objects.filter(pk=event.payload.get("subscription")).first()
    if subscription is None or subscription.unsubscribed_at is not None:
        return []
    return [_mail(event, subscription, due_at=now)]


def deliveries_for(event: Event, *, now: dt.datetime) -> list[Delivery]:
    """The deliveries of ``event`` (not saved)."""
    if event.kind == EventKind.COMMENT_RECEIVED:
        return receipts_for([event], now=now)
    if event.kind == EventKind.SUBSCRIPTION_REQUESTED:
        return _confirmation_request(event, now=now)
    if event.kind not in PUBLIC_EVENT_KINDS:
        return []
    deliveries = []
    for subscription in _matching_subscriptions(event):
        daily = subscription.frequency == Frequency.DAILY
        deliveries.append(
            _mail(
                event,
                subscription,
                due_at=next_digest_at(now) if daily else now,
                status=DeliveryStatus.DIGEST if daily else DeliveryStatus.PENDING,
            )
        )
    endpoints = WebhookEndpoint.objects.filter(active=True).filter(
        Q(standard__isnull=True) | Q(standard_id=event.standard_id)
    )
    for endpoint in endpoints:
        if endpoint.event_kinds and event.kind not in endpoint.event_kinds:
            continue
        deliveries.append(
            Delivery(
                event=event,
                channel=Channel.WEBHOOK,
                endpoint=endpoint,
                recipient=f"endpoint:{endpoint.pk}",
                due_at=now,
            )
        )
    return deliveries
