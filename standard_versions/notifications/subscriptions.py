"""Subscriptions by email: asking for one, confirming it by its link (double opt-in), and leaving
it (one subscription, or every one of an address) by a link that never expires.

Links carry signed tokens (``django.core.signing``, one salt per purpose) holding the
subscription's id, or the address's for "unsubscribe from everything": the signature is the
authority, so an unsubscribe link works from any mail client without a session or cookie.
Nothing here ever returns or logs the address to a public reader.
"""

import datetime as dt

from django.core import signing
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from standard_versions.errors import InvalidInput, NotFound
from standard_versions.models import (
    Comment,
    EmailAddress,
    Frequency,
    Subscription,
    SubscriptionScope,
)
from standard_versions.notifications import events, selectors
from standard_versions.standards import selectors as standard_selectors
from standard_versions.translations.i18n import LANGUAGES

CONFIRM_SALT = "notifications.subscription.confirm"
UNSUBSCRIBE_SALT = "notifications.subscription.unsubscribe"
UNSUBSCRIBE_ALL_SALT = "notifications.address.unsubscribe-all"
# A confirmation link is good for two weeks; asking again sends a fresh one.
CONFIRM_MAX_AGE = dt.timedelta(days=14)


def confirm_token(subscription: Subscription) -> str:
    return signing.dumps({"s": subscription.pk}, salt=CONFIRM_SALT, compress=True)


def unsubscribe_token(subscription: Subscription) -> str:
    return signing.dumps({"s": subscription.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_all_token(address: EmailAddress) -> str:
    return signing.dumps({"a": address.pk}, salt=UNSUBSCRIBE_ALL_SALT, compress=True)


_BAD_LINK = _("This link is not valid. Copy the whole link from the mail, or ask again.")


def _load(token: str, *, salt: str, field: str, max_age: dt.timedelta | None = None) -> int:
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise InvalidInput(
            _("This confirmation link has expired. Ask for the subscription again."),
            code="token_expired",
        ) from None
    except signing.BadSignature:
        raise InvalidInput(_BAD_LINK, code="token_invalid") from None
    if not isinstance(data, dict) or not isinstance(data.get(field), int):
        raise InvalidInput(_BAD_LINK, code="token_invalid")
    return data[field]


def _subscription(pk: int) -> Subscription:
    subscription = (
        Subscription.objects.select_related("address", "standard", "comment").filter(pk=pk).first()
    )
    if subscription is None:
        raise NotFound(_("This subscription no longer exists."), code="subscription_not_found")
    return subscription


def subscription_for_confirm(*, token: str) -> Subscription:
    """The subscription a confirmation link names (for the page that asks to confirm it)."""
    return _subscription(_load(token, salt=CONFIRM_SALT, field="s", max_age=CONFIRM_MAX_AGE))


def subscription_for_unsubscribe(*, token: str) -> Subscription:
    return _subscription(_load(token, salt=UNSUBSCRIBE_SALT, field="s"))


def address_for_unsubscribe_all(*, token: str) -> EmailAddress:
    pk = _load(token, salt=UNSUBSCRIBE_ALL_SALT, field="a")
    address = EmailAddress.objects.filter(pk=pk).first()
    if address is None:
        raise NotFound(_("This subscription no longer exists."), code="subscription_not_found")
    return address


def _target(*, standard_slug: str, criterion_key: str | None, tracking_id: str | None):
    standard = standard_selectors.standard_get(slug=standard_slug)
    if tracking_id:
        comment = Comment.objects.filter(
            tracking_id=tracking_id, period__version__standard=standard
        ).first()
        if comment is None:
            raise NotFound(
                _("There is no comment %(tracking_id)s on this standard.")
                % {"tracking_id": tracking_id},
                code="comment_not_found",
            )
        return standard, SubscriptionScope.COMMENT, "", comment
    if criterion_key:
        selectors.criterion_by_key(standard=standard, criterion_key=criterion_key)
        return standard, SubscriptionScope.CRITERION, criterion_key, None
    return standard, SubscriptionScope.STANDARD, "", None


def _address(email: str, *, now: dt.datetime) -> EmailAddress:
    normalised = (email or "").strip().lower()
    if "@" not in normalised or len(normalised) > 254:
        raise InvalidInput(_("Enter a valid email address."), code="invalid_email")
    address, _created = EmailAddress.objects.get_or_create(
        address=normalised, defaults={"created_at": now}
    )
    return address


@transaction.atomic
def subscribe(
    *,
    email: str,
    standard_slug: str,
    criterion_key: str | None = None,
    tracking_id: str | None = None,
    frequency: str = Frequency.IMMEDIATE,
    language: str = "en",
    now: dt.datetime,
) -> Subscription:
    """Ask for a subscription. A new one (or one unsubscribed before, or one still waiting)
    waits for its confirmation link, which a SUBSCRIPTION_REQUESTED event sends, with the
    frequency and language asked last; a confirmed one is left as it is. The answer is the same
    whether or not the address was known (callers say "check your mail" either way)."""
    if frequency not in Frequency.values:
        raise InvalidInput(_("Choose immediate mail or a daily digest."), code="invalid_frequency")
    if language not in LANGUAGES:
        raise InvalidInput(_("Choose English, Spanish or Portuguese."), code="invalid_language")
    standard, scope, key, comment = _target(
        standard_slug=standard_slug, criterion_key=criterion_key, tracking_id=tracking_id
    )
    address = _address(email, now=now)
    lookup = {"address": address, "scope": scope, "standard": standard}
    if scope == SubscriptionScope.CRITERION:
        lookup["criterion_key"] = key
    if scope == SubscriptionScope.COMMENT:
        lookup = {"address": address, "scope": scope, "comment": comment}
    defaults = {
        "standard": standard,
        "criterion_key": key,
        "comment": comment,
        "frequency": frequency,
        "language": language,
        "created_at": now,
    }
    # get_or_create reads again when a concurrent request created it first.
    subscription, created = Subscription.objects.get_or_create(**lookup, defaults=defaults)
    if created:
        events.subscription_requested(subscription, now=now)
        return subscription
    if subscription.confirmed_at is not None and subscription.unsubscribed_at is None:
        # Confirmed: left as it is. Anyone may ask with any address, so a request must not
        # change what its owner chose (to change it: unsubscribe, then subscribe again).
        return subscription
    returning = subscription.unsubscribed_at is not None
    # Not confirmed yet, or coming back after leaving: confirmed (again) by a new link.
    subscription.frequency = frequency
    subscription.language = language
    subscription.unsubscribed_at = None
    subscription.confirmed_at = None
    subscription.save(update_fields=["frequency", "language", "unsubscribed_at", "confirmed_at"])
    events.subscription_requested(subscription, now=now, once_an_hour=not returning)
    return subscription


@transaction.atomic
def confirm(*, token: str, now: dt.datetime) -> Subscription:
    """Follow a confirmation link (by POST: mail scanners prefetch GETs). Confirming twice is
    harmless; an unsubscribed subscription is not brought back by an old link."""
    subscription = subscription_for_confirm(token=token)
    if subscription.unsubscribed_at is not None:
        raise InvalidInput(
            _("You left this subscription since this link was sent. Ask for it again."),
            code="subscription_unsubscribed",
        )
    if subscription.confirmed_at is None:
        subscription.confirmed_at = now
        subscription.save(update_fields=["confirmed_at"])
    EmailAddress.objects.filter(pk=subscription.address_id, verified_at__isnull=True).update(
        verified_at=now
    )
    return subscription


@transaction.atomic
def unsubscribe(*, token: str, now: dt.datetime) -> Subscription:
    """Leave one subscription (its mails' one-click link). Leaving twice is harmless."""
    subscription = subscription_for_unsubscribe(token=token)
    if subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = now
        subscription.save(update_fields=["unsubscribed_at"])
    return subscription


@transaction.atomic
def unsubscribe_all(*, token: str, now: dt.datetime) -> int:
    """Leave every subscription of an address; how many were left."""
    address = address_for_unsubscribe_all(token=token)
    return Subscription.objects.filter(address=address, unsubscribed_at__isnull=True).update(
        unsubscribed_at=now
    )
