"""Serializers for a response's links to the changes it led to (``consultation.response_links``):
the staff's input, the staff's and the public receipt's output, and the flags list."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from standard_versions.api.serializers.fields import (
    StrictCharField,
    StrictRegexField,
    optional_text,
)
from standard_versions.consultation import comment_limits as limits
from standard_versions.models import ChangeClass, ChangeTarget
from standard_versions.models.standards import LABEL_PATTERN


class ResponseLinkCreateInputSerializer(serializers.Serializer):
    standard = StrictCharField(
        max_length=50, help_text="The standard's slug (the comment's own standard)."
    )
    version = StrictRegexField(
        LABEL_PATTERN,
        max_length=20,
        help_text="Label of the version holding the change: the commented version or a later one.",
    )
    target = serializers.ChoiceField(choices=ChangeTarget.choices)
    target_key = optional_text(
        max_length=64,
        help_text="The criterion's or practice area's permanent key in that version; empty for "
        "requirements.",
    )
    change_class = serializers.ChoiceField(choices=ChangeClass.choices)
    reason = optional_text(max_length=limits.STAFF_REASON_MAX_CHARS, help_text="Kept in history.")


class ResponseLinkDeleteInputSerializer(serializers.Serializer):
    reason = optional_text(max_length=limits.STAFF_REASON_MAX_CHARS, help_text="Kept in history.")


class LinkedChangeWordOutputSerializer(serializers.Serializer):
    op = serializers.ChoiceField(choices=["equal", "insert", "delete"])
    text = serializers.CharField()


class ResponseLinkOutputSerializer(serializers.Serializer):
    """One link, with the word-level change it points at."""

    id = serializers.IntegerField()
    version = serializers.CharField(source="version_label")
    target = serializers.ChoiceField(choices=ChangeTarget.choices)
    target_key = serializers.CharField()
    code = serializers.CharField(
        help_text="The criterion's or practice area's code in that version now; empty for "
        "requirements."
    )
    change_class = serializers.ChoiceField(choices=ChangeClass.choices)
    created_at = serializers.DateTimeField()
    has_redline = serializers.BooleanField(
        help_text="False for the requirements: they are named, without a word-level change."
    )
    title_diff = LinkedChangeWordOutputSerializer(
        source="title_ops",
        many=True,
        help_text="The title (a practice area's name) then -> in that version now, word by word.",
    )
    description_diff = LinkedChangeWordOutputSerializer(
        source="description_ops", many=True, help_text="The description, word by word."
    )
    title_redline = serializers.CharField(
        help_text="HTML: the title's words with <del> and <ins>, the text escaped."
    )
    description_redline = serializers.CharField(
        help_text="HTML: the description's words with <del> and <ins>, the text escaped."
    )


class FlaggedCommentOutputSerializer(serializers.Serializer):
    """An accepted or partially accepted comment whose response names no change yet."""

    tracking_id = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    moderation_state = serializers.CharField()
    criterion = serializers.CharField(source="criterion_code")
    criterion_key = serializers.CharField()
    disposition = serializers.CharField()
    responded_at = serializers.DateTimeField(allow_null=True)
    response_links_url = serializers.SerializerMethodField()

    @extend_schema_field(serializers.URLField())
    def get_response_links_url(self, comment) -> str:
        return reverse(
            "comment-response-links", args=[comment.tracking_id], request=self.context["request"]
        )
