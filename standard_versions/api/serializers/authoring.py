"""Serializers for staff authoring, change records and timelines.

Input serializers only parse: rules (reason required, codes unique, drafts only) live in
the authoring services (``standards/``). ``reason`` is parsed leniently so that a missing or
overlong reason gets the service's specific code (``reason_required``, ``reason_too_long``).
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from standard_versions.api.serializers.fields import StrictCharField, optional_text
from standard_versions.api.serializers.standards import (
    ContentField,
    TranslatableOutputSerializer,
    VersionSummaryOutputSerializer,
)

MAX_POSITION = 2**31 - 1


def _reason_field(**kwargs):
    return StrictCharField(
        required=False,
        allow_blank=True,
        max_length=2000,
        help_text="Why the change is made (required on every edit, at most 1000 characters); "
        "recorded in the history.",
        **kwargs,
    )


class ChangeReasonInputSerializer(serializers.Serializer):
    reason = _reason_field()


class VersionCreateInputSerializer(serializers.Serializer):
    label = StrictCharField(max_length=20)
    title = StrictCharField(max_length=300)
    based_on = StrictCharField(max_length=20, help_text="Label of the version to copy.")
    reason = _reason_field()


def _close_open_period_field():
    return serializers.BooleanField(
        required=False,
        default=False,
        help_text="Close the version's scheduled or open comment period now, with `reason` "
        "(required then; recorded in the period's history and public changes). Without it, a "
        "version with such a period is refused with 409 comment_period_open.",
    )


class VersionPublishInputSerializer(serializers.Serializer):
    effective_from = serializers.DateField(required=False, allow_null=True)
    close_open_period = _close_open_period_field()
    reason = _reason_field()


class VersionWithdrawInputSerializer(serializers.Serializer):
    close_open_period = _close_open_period_field()
    reason = _reason_field()


class CriterionUpdateInputSerializer(serializers.Serializer):
    title = StrictCharField(required=False, max_length=300)
    description = StrictCharField(required=False, help_text="Markdown.")
    code = StrictCharField(required=False, max_length=20, help_text="New display code.")
    practice_area = StrictCharField(
        required=False, max_length=20, help_text="Code of a practice area of the same version."
    )
    position = serializers.IntegerField(required=False, min_value=0, max_value=MAX_POSITION)
    is_core = serializers.BooleanField(required=False)
    reason = _reason_field()


class CriterionCreateInputSerializer(serializers.Serializer):
    code = StrictCharField(max_length=20)
    title = StrictCharField(max_length=300)
    description = StrictCharField(help_text="Markdown.")
    practice_area = StrictCharField(max_length=20)
    position = serializers.IntegerField(required=False, min_value=0, max_value=MAX_POSITION)
    is_core = serializers.BooleanField(required=False, default=False)
    key = StrictCharField(
        required=False,
        max_length=64,
        help_text="Permanent key; give it only to continue a criterion of an earlier version.",
    )
    reason = _reason_field()


class PracticeAreaCreateInputSerializer(serializers.Serializer):
    code = StrictCharField(max_length=20)
    name = StrictCharField(max_length=200)
    description = optional_text()
    position = serializers.IntegerField(required=False, min_value=0, max_value=MAX_POSITION)
    key = StrictCharField(required=False, max_length=64)
    reason = _reason_field()


class PracticeAreaUpdateInputSerializer(serializers.Serializer):
    code = StrictCharField(required=False, max_length=20, help_text="New code.")
    name = StrictCharField(required=False, max_length=200)
    description = StrictCharField(required=False, allow_blank=True)
    position = serializers.IntegerField(required=False, min_value=0, max_value=MAX_POSITION)
    reason = _reason_field()


class LevelInputSerializer(serializers.Serializer):
    key = StrictCharField(required=False, max_length=64)
    name = StrictCharField(max_length=100)
    min_percent = serializers.IntegerField(min_value=0, max_value=100)


class OutcomeAreaInputSerializer(serializers.Serializer):
    key = StrictCharField(required=False, max_length=64)
    name = StrictCharField(max_length=200)
    description = optional_text()


class VersionUpdateInputSerializer(serializers.Serializer):
    title = StrictCharField(required=False, max_length=300)
    provenance = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=20000,
        help_text="Where the version's text comes from (plain text).",
    )
    effective_from = serializers.DateField(
        required=False, allow_null=True, help_text="When the version takes effect; null clears it."
    )
    reason = _reason_field()


class RequirementsUpdateInputSerializer(serializers.Serializer):
    levels = LevelInputSerializer(
        many=True, required=False, help_text="The complete list of levels."
    )
    outcome_areas = OutcomeAreaInputSerializer(
        many=True, required=False, help_text="The complete list of outcome areas."
    )
    min_outcome_areas = serializers.IntegerField(required=False, min_value=0, max_value=100)
    core_criteria = serializers.ListField(
        child=StrictCharField(max_length=20),
        required=False,
        max_length=10000,
        help_text="Codes of all core criteria.",
    )
    reason = _reason_field()


class PracticeAreaAuthoringOutputSerializer(TranslatableOutputSerializer):
    key = serializers.CharField(read_only=True)
    code = serializers.CharField(read_only=True)
    name = ContentField()
    description = ContentField()
    position = serializers.IntegerField(read_only=True)


class VersionAuthoringOutputSerializer(VersionSummaryOutputSerializer):
    provenance = serializers.CharField(read_only=True)
    revision = serializers.IntegerField(read_only=True)


@extend_schema_field(OpenApiTypes.ANY)
class AnyValueField(serializers.Field):
    def to_representation(self, value):
        return value


class HistoryChangeOutputSerializer(serializers.Serializer):
    field = serializers.CharField()
    old = AnyValueField(allow_null=True)
    new = AnyValueField(allow_null=True)


class HistoryEntryOutputSerializer(serializers.Serializer):
    changed_at = serializers.DateTimeField()
    changed_by = serializers.CharField(allow_null=True, help_text="Username, or null.")
    reason = serializers.CharField(allow_null=True)
    type = serializers.ChoiceField(choices=["created", "changed", "removed"])
    object_type = serializers.ChoiceField(
        choices=["version", "practice_area", "criterion", "level", "outcome_area"]
    )
    key = serializers.CharField(allow_null=True)
    code = serializers.CharField(
        allow_null=True, help_text="Display code (criteria, practice areas) or label (version)."
    )
    changes = HistoryChangeOutputSerializer(many=True)


class TimelineEntryOutputSerializer(TranslatableOutputSerializer):
    label = serializers.CharField(source="version.label", read_only=True)
    status = serializers.CharField(source="version.status", read_only=True)
    published_at = serializers.DateTimeField(
        source="version.published_at", read_only=True, allow_null=True
    )
    key = serializers.CharField(read_only=True)
    code = serializers.CharField(read_only=True)
    practice_area = serializers.CharField(source="practice_area.code", read_only=True)
    title = ContentField()
    description = ContentField(help_text="Markdown.")
    is_core = serializers.BooleanField(read_only=True)
    revision = serializers.IntegerField(read_only=True)
