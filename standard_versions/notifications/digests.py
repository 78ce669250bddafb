"""Daily digests: every due ``digest`` delivery of one address in one mail, grouped by standard
and criterion, in the subscriber's language.

Deliveries are claimed as the outbox claims them (a claim per worker, ``SKIP LOCKED`` under
PostgreSQL, a killed worker's claim runs out), and every delivery of a digest records the
mail's outcome, as ``outbox.record_attempt`` does: sent together, or due again together after
the same backoff, or failed after ``NOTIFY_MAX_ATTEMPTS``. The outbox calls this module
(``drain``), so it cannot import the outbox back: both claim and record with ``outcomes``.
"""

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from standard_versions.models import Delivery, DeliveryAttempt, DeliveryStatus, Subscription
from standard_versions.notifications import mail, mail_content, subscriptions
from standard_versions.notifications.outcomes import (
    RECORDED_FIELDS,
    AttemptOutcome,
    apply_outcome,
    attempt_log,
    claim_due,
)
from standard_versions.translations import i18n

DIGEST_BATCH = 500
# Longer than the outbox's minute: one claim covers a batch of addresses, and a killed worker's
# digests waiting five minutes more is nothing for a daily mail.
CLAIM_SECONDS = 300


def claim(*, now: dt.datetime, limit: int = DIGEST_BATCH) -> list[int]:
    """Claim up to ``limit`` due digest deliveries, whole addresses first come first."""
    return claim_due(
        status=DeliveryStatus.DIGEST,
        order_by=("address_id", "id"),
        now=now,
        limit=limit,
        claim_seconds=CLAIM_SECONDS,
    )


@transaction.atomic
def record_group(deliveries: list[Delivery], outcome: AttemptOutcome, *, now: dt.datetime):
    """One attempt per delivery of one digest mail; all sent, or all due again (or failed)."""
    DeliveryAttempt.objects.bulk_create(
        attempt_log(delivery, outcome, now=now) for delivery in deliveries
    )
    for delivery in deliveries:
        apply_outcome(delivery, outcome, now=now)
    Delivery.objects.bulk_update(deliveries, RECORDED_FIELDS)


def _claimed(ids: list[int]) -> list[Delivery]:
    return list(
        Delivery.objects.filter(pk__in=ids, status=DeliveryStatus.DIGEST)
        .select_related(
            "address",
            "subscription__standard",
            "subscription__comment",
            "event__standard",
            "event__version",
            "event__period",
            "event__comment__period",
        )
        .order_by("address_id", "event__occurred_at", "id")
    )


def _groups(deliveries: list[Delivery], *, language: str) -> list[dict]:
    """``[{name, subgroups: [{name, entries}]}]`` in the order the events happened."""
    grouped: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for delivery in deliveries:
        entry = mail_content.event_lines(delivery.event, language=language)
        entry = mail_content.with_answer_link(
            entry, delivery.event, delivery.subscription, language=language
        )
        grouped[entry.group][entry.subgroup].append(entry)
    return [
        {
            "name": name,
            # The standard's own news first, then each criterion's.
            "subgroups": [
                {"name": sub, "entries": entries}
                for sub, entries in sorted(subs.items(), key=lambda item: item[0] != "")
            ],
        }
        for name, subs in grouped.items()
    ]


def _digest_mail(deliveries: list[Delivery]):
    address = deliveries[0].address
    followed = list({d.subscription_id: d.subscription for d in deliveries}.values())
    language = max(followed, key=lambda s: s.created_at).language
    language = language if language in i18n.LANGUAGES else "en"
    with translation.override(i18n.DJANGO_LANGUAGE[language]):
        context = {
            "page_language": language,
            "count": len(deliveries),
            "groups": _groups(deliveries, language=language),
            "followed": [
                {
                    "target": mail_content.subscription_target(subscription),
                    "unsubscribe_url": mail.unsubscribe_url(
                        subscriptions.unsubscribe_token(subscription), language=language
                    ),
                }
                for subscription in followed
            ],
            "unsubscribe_all_url": mail.unsubscribe_url(
                subscriptions.unsubscribe_all_token(address),
                language=language,
                all_of_address=True,
            ),
        }
        # One subscription: its own one-click link; several: every mail to the address.
        one_click = (
            context["followed"][0]["unsubscribe_url"]
            if len(followed) == 1
            else context["unsubscribe_all_url"]
        )
        events = ",".join(sorted(str(d.event.event_id) for d in deliveries))
        return mail.compose(
            template="digest",
            context=context,
            subject=str(_("Your daily digest")),
            to=address,
            message_id_value=mail.message_id(
                "digest", hashlib.sha256(events.encode()).hexdigest()[:24], address=address.address
            ),
            unsubscribe=one_click,
        )


def _skip(delivery: Delivery, reason: str) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.SKIPPED, claimed_until=None, last_error=reason
    )


def _send_one(deliveries: list[Delivery], *, clock: Callable[[], dt.datetime]) -> bool:
    # Only while the claim has a whole try left: past it, another worker may claim them.
    try_ends = clock() + dt.timedelta(seconds=settings.EMAIL_TIMEOUT)
    if any(
        delivery.claimed_until is None or delivery.claimed_until <= try_ends
        for delivery in deliveries
    ):
        return False
    wanted = []
    for delivery in deliveries:
        subscription: Subscription = delivery.subscription
        if subscription.unsubscribed_at is not None:
            _skip(delivery, "unsubscribed")
        elif subscription.confirmed_at is None:
            _skip(delivery, "subscription not confirmed")
        else:
            wanted.append(delivery)
    if not wanted:
        return False
    outcome = mail.send(_digest_mail(wanted))
    record_group(wanted, outcome, now=clock())
    return outcome.succeeded


def send_due_digests(*, clock: Callable[[], dt.datetime]) -> int:
    """Send every digest that is due; the number of digest mails sent."""
    sent = 0
    while ids := claim(now=clock()):
        by_address: dict[int, list[Delivery]] = defaultdict(list)
        for delivery in _claimed(ids):
            by_address[delivery.address_id].append(delivery)
        for deliveries in by_address.values():
            sent += _send_one(deliveries, clock=clock)
        if len(ids) < DIGEST_BATCH:
            break
    return sent
