"""Staff admin for notifications, read-only (publishers): the outbox of events, the deliveries
with their log, and the email subscriptions. Addresses are private: they are shown here, to
publishers, and nowhere public. Webhook endpoints, which publishers manage, are in webhooks.py.
"""

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from standard_versions.admin.base import utc_column, utc_text
from standard_versions.admin.webhooks import PublishersAdmin
from standard_versions.models import Delivery, Event, Subscription


@admin.register(Event)
class EventAdmin(PublishersAdmin):
    list_display = ("kind", "event_id", "standard", "occurred_at_utc", "fanned_out_at_utc")
    list_filter = ("kind", "standard")
    list_select_related = ("standard",)
    search_fields = ("event_id", "criterion_key")
    ordering = ("-occurred_at", "-id")
    fields = (
        "event_id",
        "kind",
        "occurred_at_utc",
        "standard",
        "version",
        "period",
        "criterion_key",
        "payload",
        "dedupe_key",
        "fanned_out_at_utc",
    )
    readonly_fields = fields

    occurred_at_utc = utc_column("occurred_at", _("occurred at"))
    fanned_out_at_utc = utc_column("fanned_out_at", _("fanned out at"))


@admin.register(Delivery)
class DeliveryAdmin(PublishersAdmin):
    list_display = ("pk", "event", "channel", "recipient", "status", "attempts", "due_at_utc")
    list_filter = ("status", "channel")
    list_select_related = ("event",)
    search_fields = ("recipient", "event__event_id")
    ordering = ("-id",)
    fields = (
        "event",
        "channel",
        "recipient",
        "endpoint",
        "address",
        "subscription",
        "status",
        "attempts",
        "due_at_utc",
        "sent_at_utc",
        "last_error",
        "attempt_log",
    )
    readonly_fields = fields

    due_at_utc = utc_column("due_at", _("due at"))
    sent_at_utc = utc_column("sent_at", _("sent at"))

    @admin.display(description=_("attempts (newest first)"))
    def attempt_log(self, delivery: Delivery):
        return format_html_join(
            "",
            "<p>{}: {} {} {} ({} ms)</p>",
            (
                (
                    utc_text(attempt.attempted_at),
                    _("succeeded") if attempt.succeeded else _("failed"),
                    attempt.status_code or "",
                    attempt.error,
                    attempt.duration_ms,
                )
                for attempt in delivery.log.all()
            ),
        )


@admin.register(Subscription)
class SubscriptionAdmin(PublishersAdmin):
    list_display = (
        "address",
        "scope",
        "standard",
        "criterion_key",
        "frequency",
        "language",
        "confirmed_at_utc",
        "unsubscribed_at_utc",
    )
    list_filter = ("scope", "frequency", "standard")
    list_select_related = ("address", "standard")
    search_fields = ("address__address", "criterion_key")
    ordering = ("-id",)
    fields = (
        "address",
        "scope",
        "standard",
        "criterion_key",
        "comment",
        "frequency",
        "language",
        "created_at_utc",
        "confirmed_at_utc",
        "unsubscribed_at_utc",
    )
    readonly_fields = fields

    created_at_utc = utc_column("created_at", _("created at"))
    confirmed_at_utc = utc_column("confirmed_at", _("confirmed at"))
    unsubscribed_at_utc = utc_column("unsubscribed_at", _("unsubscribed at"))
