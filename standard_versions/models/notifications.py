"""Events, their outbox, and who hears of them: email subscriptions and webhook endpoints.

An ``Event`` is written in the same transaction as the change that causes it (a period extended,
a version published, a response published...), so it exists exactly when the change does. The
``events`` table is the outbox: a worker fans each event out to ``Delivery`` rows (one per
subscription or endpoint that wants it; unique, so fanning out twice adds nothing) and marks it
fanned out; deliveries are then sent at least once, retried with backoff, and every attempt is
logged in ``DeliveryAttempt``. A receiver deduplicates by the event's ``event_id``.

Email addresses are private, as on comments: no public serializer, feed or webhook reads them.
Every subscription is confirmed by its own link (double opt-in) before anything but the
confirmation request itself (and a commenter's receipt) is sent to it.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from standard_versions.models.comments import Comment, CommentPeriod
from standard_versions.models.constraints import unique_unless_blank, value_in_choices
from standard_versions.models.standards import Standard, Version


class EventKind(models.TextChoices):
    PERIOD_OPENED = "period.opened", _("a comment period opened")
    PERIOD_CLOSING_SOON = "period.closing_soon", _("a comment period closes in 48 hours")
    PERIOD_EXTENDED = "period.extended", _("a comment period was extended")
    PERIOD_CLOSED_EARLY = "period.closed_early", _("a comment period was closed early")
    PERIOD_REOPENED = "period.reopened", _("a comment period was reopened")
    VERSION_PUBLISHED = "version.published", _("a version was published")
    REPORT_PUBLISHED = "disposition_report.published", _("a disposition report was published")
    CRITERION_CHANGED = "criterion.changed", _("a criterion's text changed in a draft")
    RESPONSE_PUBLISHED = "comment.response_published", _("a response to a comment was published")
    # Private: the commenter's receipt mail. Never in a feed or a webhook.
    COMMENT_RECEIVED = "comment.received", _("a comment was received")
    # Private: the mail that asks an address to confirm a new subscription (``payload``:
    # ``{"subscription": id}``).
    SUBSCRIPTION_REQUESTED = "subscription.requested", _("a subscription was asked for")


PRIVATE_EVENT_KINDS = frozenset({EventKind.COMMENT_RECEIVED, EventKind.SUBSCRIPTION_REQUESTED})
# What feeds and webhooks may carry (never a commenter's receipt or a confirmation request).
PUBLIC_EVENT_KINDS = tuple(kind for kind in EventKind.values if kind not in PRIVATE_EVENT_KINDS)


class Event(models.Model):
    """One thing that happened, once. ``payload`` is public JSON (the webhook's ``data``)."""

    event_id = models.UUIDField(_("event id"), default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=40, choices=EventKind.choices)
    occurred_at = models.DateTimeField(_("occurred at"))
    standard = models.ForeignKey(
        Standard, on_delete=models.CASCADE, related_name="events", null=True, blank=True
    )
    version = models.ForeignKey(
        Version, on_delete=models.CASCADE, related_name="events", null=True, blank=True
    )
    period = models.ForeignKey(
        CommentPeriod, on_delete=models.CASCADE, related_name="events", null=True, blank=True
    )
    # The permanent key of the criterion it concerns, if any: a subscription follows the key.
    criterion_key = models.CharField(_("criterion key"), max_length=64, blank=True, default="")
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="events", null=True, blank=True
    )
    payload = models.JSONField(_("payload"), default=dict)
    # Set for events that must happen once (a clock event: "period 7 opened at ..."): a second
    # writer's INSERT fails on the unique index instead of announcing it twice.
    dedupe_key = models.CharField(_("deduplication key"), max_length=200, blank=True, default="")
    # Null until a worker has written its deliveries: the outbox's "to do" marker.
    fanned_out_at = models.DateTimeField(_("fanned out at"), null=True, blank=True)

    class Meta:
        ordering = ["occurred_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            unique_unless_blank("dedupe_key", name="event_dedupe_key_unique"),
            value_in_choices("kind", EventKind, name="event_kind_valid"),
        ]
        indexes = [
            # The outbox: what is left to fan out, oldest first (a small partial index).
            models.Index(
                fields=["id"], name="event_outbox_idx", condition=Q(fanned_out_at__isnull=True)
            ),
            # The feeds' reads. Partial: a receipt (no standard) is written at every comment
            # submission with an address, and must not pay for indexes only feeds read.
            models.Index(
                fields=["standard", "occurred_at"],
                name="event_standard_idx",
                condition=Q(standard__isnull=False),
            ),
            models.Index(
                fields=["criterion_key", "occurred_at"],
                name="event_criterion_idx",
                condition=Q(standard__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.event_id}"


class EmailAddress(models.Model):
    """A private email address that asked for mail. ``address`` is stored lower-cased."""

    address = models.EmailField(_("address (private)"), max_length=254, unique=True)
    created_at = models.DateTimeField(_("created at"))
    # Set by the first confirmed subscription: the address is known to reach its owner.
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)

    class Meta:
        verbose_name = _("email address")
        verbose_name_plural = _("email addresses")

    def __str__(self) -> str:
        return self.address


class SubscriptionScope(models.TextChoices):
    STANDARD = "standard", _("a standard")
    CRITERION = "criterion", _("a criterion")
    COMMENT = "comment", _("one's own comment")


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("immediately")
    DAILY = "daily", _("in a daily digest")


class Subscription(models.Model):
    """An address following a standard, a criterion of it by permanent key, or one comment."""

    address = models.ForeignKey(
        EmailAddress, on_delete=models.CASCADE, related_name="subscriptions"
    )
    scope = models.CharField(_("scope"), max_length=10, choices=SubscriptionScope.choices)
    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="subscriptions")
    criterion_key = models.CharField(_("criterion key"), max_length=64, blank=True, default="")
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="subscriptions", null=True, blank=True
    )
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    created_at = models.DateTimeField(_("created at"))
    # Double opt-in: nothing is sent for a subscription until its own link was followed.
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            value_in_choices("scope", SubscriptionScope, name="subscription_scope_valid"),
            value_in_choices("frequency", Frequency, name="subscription_frequency_valid"),
            models.CheckConstraint(
                condition=(
                    Q(scope=SubscriptionScope.STANDARD, criterion_key="", comment__isnull=True)
                    | (
                        Q(scope=SubscriptionScope.CRITERION, comment__isnull=True)
                        & ~Q(criterion_key="")
                    )
                    | Q(scope=SubscriptionScope.COMMENT, comment__isnull=False)
                ),
                name="subscription_target_matches_scope",
            ),
            # One subscription per address and target (asking again finds the first one).
            models.UniqueConstraint(
                fields=["address", "standard"],
                condition=Q(scope=SubscriptionScope.STANDARD),
                name="subscription_unique_per_standard",
            ),
            models.UniqueConstraint(
                fields=["address", "standard", "criterion_key"],
                condition=Q(scope=SubscriptionScope.CRITERION),
                name="subscription_unique_per_criterion",
            ),
            models.UniqueConstraint(
                fields=["address", "comment"],
                condition=Q(scope=SubscriptionScope.COMMENT),
                name="subscription_unique_per_comment",
            ),
        ]
        indexes = [
            models.Index(fields=["standard", "scope", "criterion_key"], name="subscription_idx")
        ]

    def __str__(self) -> str:
        target = self.criterion_key or (self.comment_id and f"comment {self.comment_id}") or ""
        return f"{self.scope} {self.standard_id} {target}".strip()

    @property
    def active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class WebhookEndpoint(models.Model):
    """A URL staff registered to receive signed JSON for the events it names."""

    url = models.URLField(_("URL"), max_length=500)
    description = models.CharField(_("description"), max_length=200, blank=True, default="")
    # The HMAC-SHA256 key; shown to staff once at creation and in the admin.
    secret = models.CharField(_("signing secret"), max_length=100)
    # Event kinds (EventKind values) it wants; empty: every public kind.
    event_kinds = models.JSONField(_("event kinds"), default=list, blank=True)
    # Only events of this standard (null: every standard).
    standard = models.ForeignKey(
        Standard, on_delete=models.CASCADE, related_name="webhooks", null=True, blank=True
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"))
    consecutive_failures = models.PositiveIntegerField(_("consecutive failures"), default=0)
    # The first failed try since the last success (null while it succeeds).
    failing_since = models.DateTimeField(_("failing since"), null=True, blank=True)
    disabled_at = models.DateTimeField(_("disabled at"), null=True, blank=True)
    disabled_reason = models.TextField(_("why it was disabled"), blank=True, default="")

    class Meta:
        ordering = ["id"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self) -> str:
        return self.url


class Channel(models.TextChoices):
    EMAIL = "email", _("email")
    WEBHOOK = "webhook", _("webhook")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    # Waiting for its subscriber's daily digest (``due_at``).
    DIGEST = "digest", _("waiting for the digest")
    SENT = "sent", _("sent")
    # Gave up after the last retry, or its endpoint was disabled.
    FAILED = "failed", _("failed")
    # Not sent on purpose: unsubscribed, or an unconfirmed address's mail limit.
    SKIPPED = "skipped", _("skipped")


class Delivery(models.Model):
    """One event to one recipient: an email to an address (for a subscription or a receipt) or a
    POST to a webhook endpoint. Sent at least once; ``attempts`` counts the tries."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    address = models.ForeignKey(
        EmailAddress, on_delete=models.CASCADE, related_name="deliveries", null=True, blank=True
    )
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries", null=True, blank=True
    )
    endpoint = models.ForeignKey(
        WebhookEndpoint,
        on_delete=models.CASCADE,
        related_name="deliveries",
        null=True,
        blank=True,
    )
    # Who it goes to, as one value ("subscription:12", "receipt:5", "endpoint:3"), so that one
    # unique index makes fanning an event out twice add nothing.
    recipient = models.CharField(_("recipient"), max_length=40)
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    # When it may next be tried (pending) or when its digest goes out (digest).
    due_at = models.DateTimeField(_("due at"))
    # A worker's claim: others leave it alone until then (a killed worker's claim runs out).
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True, default="")
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            value_in_choices("channel", Channel, name="delivery_channel_valid"),
            value_in_choices("status", DeliveryStatus, name="delivery_status_valid"),
            models.CheckConstraint(
                condition=(
                    Q(channel=Channel.EMAIL, address__isnull=False, endpoint__isnull=True)
                    | Q(channel=Channel.WEBHOOK, endpoint__isnull=False, address__isnull=True)
                ),
                name="delivery_recipient_matches_channel",
            ),
            # Fanning an event out twice adds nothing: one delivery per event and recipient.
            models.UniqueConstraint(
                fields=["event", "recipient"], name="delivery_unique_per_recipient"
            ),
        ]
        indexes = [
            models.Index(
                fields=["due_at", "id"],
                name="delivery_due_idx",
                condition=Q(status__in=["pending", "digest"]),
            ),
            models.Index(fields=["endpoint", "id"], name="delivery_endpoint_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.event_id} #{self.pk}"


class DeliveryAttempt(models.Model):
    """One try of a delivery: the delivery log staff read in the admin."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="log")
    attempted_at = models.DateTimeField(_("attempted at"))
    succeeded = models.BooleanField(_("succeeded"))
    # The receiver's HTTP status (webhooks); null for mail or when no answer came.
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True, default="")
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)

    class Meta:
        ordering = ["-attempted_at", "-id"]
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")

    def __str__(self) -> str:
        return f"{self.delivery_id} {self.attempted_at:%Y-%m-%d %H:%M:%S}"
