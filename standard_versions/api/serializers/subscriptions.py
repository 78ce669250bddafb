"""Serializers for asking for an email subscription. Input and output apart; the output never
echoes the address (it is private, and the answer is the same whether or not it was known)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from standard_versions.api.serializers.fields import StrictCharField, optional_text
from standard_versions.models import Frequency
from standard_versions.translations.i18n import LANGUAGES


class SubscriptionRequestInputSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254, help_text="Private; never published.")
    standard = StrictCharField(max_length=50, help_text="The standard's slug, e.g. `wwc`.")
    criterion = optional_text(
        max_length=64,
        help_text="A criterion's permanent key: follow that criterion across versions.",
    )
    comment = optional_text(
        max_length=40, help_text="A comment's tracking id: be told when its response is published."
    )
    frequency = serializers.ChoiceField(choices=Frequency.choices, default=Frequency.IMMEDIATE)
    language = serializers.ChoiceField(
        choices=[(code, code) for code in LANGUAGES],
        default="en",
        help_text="The language of the mails.",
    )

    def validate(self, attrs):
        if attrs["criterion"] and attrs["comment"]:
            raise serializers.ValidationError(
                {"comment": [_("Give a criterion or a comment, not both.")]}
            )
        return attrs


class SubscriptionRequestOutputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=["confirmation_sent"],
        help_text="Always `confirmation_sent`: a mail with a confirmation link is on its way "
        "unless the subscription was confirmed already (then nothing changed: a request never "
        "changes a confirmed subscription). Nothing else is sent before the link is followed.",
    )
    scope = serializers.ChoiceField(choices=["standard", "criterion", "comment"])
    frequency = serializers.ChoiceField(choices=Frequency.choices)
    language = serializers.CharField()
