"""Serializers for staff's webhook endpoints (publishers): what they send to register or change
one, and what they read back. The signing secret is in the answer to registering only."""

from rest_framework import serializers

from standard_versions.api.serializers.fields import StrictCharField, optional_text
from standard_versions.models import PUBLIC_EVENT_KINDS, DeliveryAttempt, WebhookEndpoint
from standard_versions.notifications.webhook_endpoints import DESCRIPTION_MAX_LENGTH, URL_MAX_LENGTH

EVENT_KINDS_HELP = (
    "The event kinds it receives; empty: every public kind (a commenter's receipt and a "
    "subscription's confirmation request are never sent to a webhook)."
)


class _EventKindsField(serializers.ListField):
    child = serializers.ChoiceField(choices=list(PUBLIC_EVENT_KINDS))


class WebhookEndpointCreateInputSerializer(serializers.Serializer):
    url = StrictCharField(max_length=URL_MAX_LENGTH, help_text="An http or https URL.")
    event_kinds = _EventKindsField(
        required=False, default=list, max_length=len(PUBLIC_EVENT_KINDS), help_text=EVENT_KINDS_HELP
    )
    standard = StrictCharField(
        max_length=50,
        required=False,
        allow_null=True,
        default=None,
        help_text="Only events of this standard (its slug); null or absent: every standard.",
    )
    description = optional_text(max_length=DESCRIPTION_MAX_LENGTH)


class WebhookEndpointUpdateInputSerializer(serializers.Serializer):
    """Only the fields given change. ``active``: false stops sending; true sends again, its
    failures forgotten."""

    url = StrictCharField(max_length=URL_MAX_LENGTH, required=False)
    event_kinds = _EventKindsField(
        required=False, max_length=len(PUBLIC_EVENT_KINDS), help_text=EVENT_KINDS_HELP
    )
    standard = StrictCharField(max_length=50, required=False, allow_null=True)
    description = StrictCharField(
        max_length=DESCRIPTION_MAX_LENGTH, required=False, allow_blank=True
    )
    active = serializers.BooleanField(required=False)


class WebhookEndpointOutputSerializer(serializers.ModelSerializer):
    standard = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text="Only events of this standard; null: every standard.",
    )
    event_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=list(PUBLIC_EVENT_KINDS)),
        read_only=True,
        help_text=EVENT_KINDS_HELP,
    )

    class Meta:
        model = WebhookEndpoint
        fields = (
            "id",
            "url",
            "description",
            "event_kinds",
            "standard",
            "active",
            "created_at",
            "consecutive_failures",
            "failing_since",
            "disabled_at",
            "disabled_reason",
        )
        read_only_fields = fields


class WebhookEndpointCreatedOutputSerializer(WebhookEndpointOutputSerializer):
    secret = serializers.CharField(
        read_only=True,
        help_text="The HMAC-SHA256 signing key. Shown here once: keep it (staff can rotate it "
        "in the admin).",
    )

    class Meta(WebhookEndpointOutputSerializer.Meta):
        fields = (*WebhookEndpointOutputSerializer.Meta.fields, "secret")
        read_only_fields = fields


class WebhookAttemptOutputSerializer(serializers.ModelSerializer):
    """One try of one delivery to the endpoint."""

    delivery = serializers.IntegerField(source="delivery_id", read_only=True)
    event_id = serializers.UUIDField(source="delivery.event.event_id", read_only=True)
    event_type = serializers.CharField(source="delivery.event.kind", read_only=True)
    delivery_status = serializers.CharField(
        source="delivery.status",
        read_only=True,
        help_text="pending (to be tried again), sent or failed.",
    )

    class Meta:
        model = DeliveryAttempt
        fields = (
            "id",
            "delivery",
            "event_id",
            "event_type",
            "delivery_status",
            "attempted_at",
            "succeeded",
            "status_code",
            "error",
            "duration_ms",
        )
        read_only_fields = fields
