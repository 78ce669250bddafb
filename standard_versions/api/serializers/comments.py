"""Serializers for comment periods and comments. Input and output apart; public output
serializers never name ``email`` (tests check every public endpoint for it)."""

import datetime as dt
import zoneinfo

from django.utils.dateparse import parse_datetime
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from standard_versions.api.serializers.fields import StrictCharField, StrictRegexField
from standard_versions.api.serializers.standards import (
    ContentField,
    ContentHTMLField,
    TranslatableOutputSerializer,
)
from standard_versions.consultation import deadlines
from standard_versions.consultation.selectors_comments import title_for_reader
from standard_versions.models import CommentType, Disposition, ModerationState
from standard_versions.translations import i18n

LANGUAGE_TAG = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$"


class AwareDateTimeField(serializers.DateTimeField):
    """An ISO 8601 instant with an explicit offset or Z; a naive time is refused, never guessed."""

    default_error_messages = {"naive": "Give the time with a UTC offset or Z."}

    def to_internal_value(self, value):
        if isinstance(value, str):
            parsed = serializers.DateTimeField().to_internal_value(value)  # validates the form
            try:
                bare = parse_datetime(value.strip())
            except ValueError:
                bare = None
            if bare is None or bare.tzinfo is None:
                self.fail("naive")
            return parsed
        return super().to_internal_value(value)


def _local(instant: dt.datetime, name: str) -> str:
    return instant.astimezone(zoneinfo.ZoneInfo(name)).isoformat()


# ---- periods -------------------------------------------------------------------------------


class CommentPeriodCreateInputSerializer(serializers.Serializer):
    standard = StrictCharField(max_length=50)
    version = StrictCharField(max_length=20)
    opens_at = AwareDateTimeField()
    closes_at = AwareDateTimeField()
    timezone = StrictCharField(max_length=64, default="UTC")
    criteria = serializers.ListField(
        child=StrictCharField(max_length=20),
        allow_null=True,
        required=False,
        default=None,
        max_length=1000,
    )
    instructions = StrictCharField(allow_blank=True, required=False, default="")
    reason = StrictCharField(allow_blank=True, required=False, default="", max_length=2000)


class CommentPeriodExtendInputSerializer(serializers.Serializer):
    closes_at = AwareDateTimeField()
    reason = StrictCharField(max_length=2000)


class CommentPeriodCloseInputSerializer(serializers.Serializer):
    reason = StrictCharField(max_length=2000)


class CommentPeriodChangeOutputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=["extended", "closed_early", "reopened", "cancelled"],
        help_text="cancelled: a scheduled period that never opened, because its version was "
        "published or withdrawn (its opening before is in opens_at_before).",
    )
    at = serializers.CharField(help_text="When the change was made (ISO 8601, UTC).")
    reason = serializers.CharField()
    closes_at_before = serializers.CharField()
    closes_at_after = serializers.CharField()
    opens_at_before = serializers.CharField(
        required=False, help_text="Only for cancelled: the opening it had."
    )


class CommentPeriodOutputSerializer(TranslatableOutputSerializer):
    id = serializers.IntegerField(read_only=True)
    standard = serializers.CharField(source="version.standard.slug", read_only=True)
    version = serializers.CharField(source="version.label", read_only=True)
    opens_at = serializers.DateTimeField(read_only=True, help_text="ISO 8601, UTC.")
    closes_at = serializers.DateTimeField(
        read_only=True, help_text="ISO 8601, UTC; the first instant at which comments are refused."
    )
    timezone = serializers.CharField(read_only=True)
    opens_at_local = serializers.SerializerMethodField()
    closes_at_local = serializers.SerializerMethodField()
    timezone_name = serializers.SerializerMethodField(
        help_text='The time zone in words, in the response language: "New York time", '
        '"hora de Nueva York", "horário de Nova York".'
    )
    opening_text = serializers.SerializerMethodField(
        help_text="When comments are first accepted, in the response language and the period's "
        'time zone: "from the start of Thursday, April 14, 2022, New York time".'
    )
    deadline_text = serializers.SerializerMethodField(
        help_text="Until when comments are accepted, in the response language and the period's "
        'time zone; a period that closes at local midnight names its last day: "until the end '
        'of Wednesday, April 27, 2022, New York time".'
    )
    last_day = serializers.SerializerMethodField(
        help_text="The last day on which comments are accepted, in the period's time zone "
        "(ISO 8601 date; the day before closes_at_local when that is a midnight)."
    )
    calendar_url = serializers.SerializerMethodField(
        help_text="The period as an iCalendar file (.ics, RFC 5545), in the response language."
    )
    status = serializers.SerializerMethodField()
    criteria = serializers.SerializerMethodField()
    instructions = ContentField(help_text="Markdown.")
    instructions_html = ContentHTMLField("instructions")
    changes = CommentPeriodChangeOutputSerializer(many=True, read_only=True)
    url = serializers.SerializerMethodField()
    comments_url = serializers.SerializerMethodField()

    def get_opens_at_local(self, period) -> str:
        return _local(period.opens_at, period.timezone)

    def get_closes_at_local(self, period) -> str:
        return _local(period.closes_at, period.timezone)

    def _language(self) -> str:
        return i18n.request_language(self.context["request"])

    def get_timezone_name(self, period) -> str:
        return i18n.format_zone_name(period.timezone, language=self._language())

    def get_opening_text(self, period) -> str:
        return deadlines.opening_text(
            period.opens_at, timezone=period.timezone, language=self._language()
        )

    def get_deadline_text(self, period) -> str:
        return deadlines.deadline_text(
            period.closes_at, timezone=period.timezone, language=self._language()
        )

    def get_last_day(self, period) -> dt.date:
        return deadlines.last_day(period.closes_at, timezone=period.timezone)

    def get_calendar_url(self, period) -> str:
        path = reverse("web:comment-period-calendar", args=[period.pk])
        return self.context["request"].build_absolute_uri(f"{path}?lang={self._language()}")

    @extend_schema_field(serializers.ChoiceField(choices=["scheduled", "open", "closed"]))
    def get_status(self, period) -> str:
        return str(period.status_at(self.context["now"]))

    @extend_schema_field(serializers.ListField(child=serializers.CharField(), allow_null=True))
    def get_criteria(self, period):
        return period.scope_codes

    def get_url(self, period) -> str:
        return reverse("comment-period-detail", args=[period.pk], request=self.context["request"])

    def get_comments_url(self, period) -> str:
        return reverse("comment-period-comments", args=[period.pk], request=self.context["request"])


# ---- submitting ----------------------------------------------------------------------------


class CommentSubmitInputSerializer(serializers.Serializer):
    # Lengths of body and proposed_text are the service's rule (after NFC normalisation); here
    # only a bound generous enough never to decide it.
    criterion = StrictCharField(
        max_length=20, required=False, allow_blank=True, allow_null=True, default=""
    )
    body = StrictCharField(allow_blank=True, trim_whitespace=False, max_length=100_000)
    proposed_text = StrictCharField(
        allow_blank=True, trim_whitespace=False, required=False, default="", max_length=100_000
    )
    type = serializers.ChoiceField(choices=CommentType.choices, default=CommentType.GENERAL)
    language = StrictRegexField(LANGUAGE_TAG, max_length=35, required=False, default="en")
    name = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    organization = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    identity_public = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Publish name and organization with the comment (default: anonymous).",
    )
    email = serializers.EmailField(
        required=False, allow_blank=True, default="", help_text="Private; never published."
    )


class CommentReceiptOutputSerializer(serializers.Serializer):
    tracking_id = serializers.CharField()
    status = serializers.CharField(source="moderation_state")
    submitted_at = serializers.DateTimeField()
    content_sha256 = serializers.CharField()
    period = serializers.IntegerField(source="period_id")
    criterion = serializers.CharField(source="criterion_code", allow_null=True)
    receipt_url = serializers.SerializerMethodField()

    def get_receipt_url(self, comment) -> str:
        return reverse(
            "comment-receipt", args=[comment.tracking_id], request=self.context["request"]
        )

    def to_representation(self, comment):
        data = super().to_representation(comment)
        data["criterion"] = data["criterion"] or None
        return data


class WordDiffPartOutputSerializer(serializers.Serializer):
    op = serializers.ChoiceField(choices=["equal", "insert", "delete"])
    text = serializers.CharField()


class CriterionChangeOutputSerializer(serializers.Serializer):
    removed = serializers.BooleanField(help_text="The criterion is no longer in the version.")
    changed = serializers.BooleanField()
    title_diff = WordDiffPartOutputSerializer(many=True, allow_null=True)
    description_diff = WordDiffPartOutputSerializer(many=True, allow_null=True)


class ShownTextOutputSerializer(serializers.Serializer):
    text = serializers.CharField()
    language = serializers.CharField(help_text="en, es or pt-BR.")
    translation_status = serializers.CharField(
        source="status",
        help_text="source, reviewed, draft, stale (English changed since) or missing (English "
        "served as fallback).",
    )


def _shown(text) -> dict | None:
    return None if text is None else ShownTextOutputSerializer(text).data


class CommentReceiptDetailOutputSerializer(CommentReceiptOutputSerializer):
    standard = serializers.CharField(source="period.version.standard.slug")
    version = serializers.CharField(source="period.version.label")
    criterion_revision = serializers.IntegerField(allow_null=True)
    type = serializers.CharField()
    language = serializers.CharField()
    body = serializers.CharField()
    proposed_text = serializers.CharField()
    moderation_reason = serializers.CharField(help_text="Why the comment was withheld, if it was.")
    disposition = serializers.CharField(allow_blank=True)
    response = serializers.CharField(allow_blank=True)
    responded_at = serializers.DateTimeField(allow_null=True)
    criterion_text_changed = serializers.SerializerMethodField()
    criterion_change = serializers.SerializerMethodField()
    criterion_title = serializers.SerializerMethodField(
        help_text="The criterion's title now, in the response language (for a criterion removed "
        "since, the English title the comment stored); null for the version as a whole."
    )
    criterion_title_when_commented = serializers.SerializerMethodField(
        help_text="The criterion's title as the commenter was shown it: the translation in the "
        "comment's language stored at submission, else the English; null for the version as a "
        "whole."
    )

    def get_criterion_text_changed(self, comment) -> bool | None:
        change = self.context["criterion_change"]
        return None if change is None else change.changed

    @extend_schema_field(CriterionChangeOutputSerializer(allow_null=True))
    def get_criterion_change(self, comment):
        change = self.context["criterion_change"]
        return None if change is None else CriterionChangeOutputSerializer(change).data

    @extend_schema_field(ShownTextOutputSerializer(allow_null=True))
    def get_criterion_title(self, comment):
        if not comment.criterion_key:
            return None
        return _shown(
            title_for_reader(
                self.context["criterion"],
                stored_title=comment.criterion_title,
                content=self.context["content"],
            )
        )

    @extend_schema_field(ShownTextOutputSerializer(allow_null=True))
    def get_criterion_title_when_commented(self, comment):
        return _shown(self.context["title_when_commented"])


class CommentAuthorOutputSerializer(serializers.Serializer):
    name = serializers.CharField()
    organization = serializers.CharField()


class PublishedCommentOutputSerializer(serializers.Serializer):
    tracking_id = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    criterion = serializers.SerializerMethodField()
    type = serializers.CharField()
    language = serializers.CharField()
    body = serializers.CharField()
    proposed_text = serializers.CharField()
    author = serializers.SerializerMethodField(
        help_text="Name and organization, if the commenter chose to publish them; else null."
    )
    disposition = serializers.CharField(allow_blank=True)
    response = serializers.CharField(allow_blank=True)

    def get_criterion(self, comment) -> str | None:
        return comment.criterion_code or None

    @extend_schema_field(CommentAuthorOutputSerializer(allow_null=True))
    def get_author(self, comment):
        if not comment.identity_public or not (comment.name or comment.organization):
            return None
        return {"name": comment.name, "organization": comment.organization}


# ---- staff ---------------------------------------------------------------------------------


class CommentModerateInputSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=[ModerationState.PUBLISHED, ModerationState.WITHHELD])
    reason = StrictCharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=2000,
        help_text="Required to withhold; kept in history.",
    )


class CommentRespondInputSerializer(serializers.Serializer):
    disposition = serializers.ChoiceField(choices=Disposition.choices)
    response = StrictCharField(max_length=20_000)
    reason = StrictCharField(required=False, allow_blank=True, default="", max_length=2000)


class StaffCommentOutputSerializer(serializers.Serializer):
    tracking_id = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    moderation_state = serializers.CharField()
    moderation_reason = serializers.CharField()
    criterion = serializers.CharField(source="criterion_code")
    criterion_key = serializers.CharField()
    criterion_revision = serializers.IntegerField(allow_null=True)
    type = serializers.CharField()
    language = serializers.CharField()
    body = serializers.CharField()
    proposed_text = serializers.CharField()
    name = serializers.CharField()
    organization = serializers.CharField()
    identity_public = serializers.BooleanField()
    email = serializers.CharField()
    disposition = serializers.CharField()
    response = serializers.CharField()
    responded_at = serializers.DateTimeField(allow_null=True)
    content_sha256 = serializers.CharField()
    campaign = serializers.CharField(source="normalized_hash")


class CampaignOutputSerializer(serializers.Serializer):
    campaign = serializers.CharField(source="normalized_hash")
    count = serializers.IntegerField()
    first_submitted_at = serializers.DateTimeField()
    last_submitted_at = serializers.DateTimeField()
    example_tracking_id = serializers.CharField()


# ---- disposition report --------------------------------------------------------------------


class ReportCommentOutputSerializer(PublishedCommentOutputSerializer):
    period = serializers.IntegerField(source="period_id")


class ReportSectionOutputSerializer(serializers.Serializer):
    criterion = serializers.SerializerMethodField()
    key = serializers.SerializerMethodField()
    title = serializers.CharField(
        help_text="The criterion's English title (as commented on, for a criterion removed since)."
    )
    display_title = serializers.SerializerMethodField(
        help_text="The same title in the response language, with its translation status."
    )
    comments = ReportCommentOutputSerializer(many=True)

    @extend_schema_field(ShownTextOutputSerializer(allow_null=True))
    def get_display_title(self, section):
        if not section.key:
            return None
        return _shown(
            title_for_reader(
                section.criterion, stored_title=section.title, content=self.context["content"]
            )
        )

    def get_criterion(self, section) -> str | None:
        return section.code or None

    def get_key(self, section) -> str | None:
        return section.key or None


class DispositionReportOutputSerializer(serializers.Serializer):
    standard = serializers.CharField(source="version.standard.slug")
    version = serializers.CharField(source="version.label")
    version_status = serializers.CharField(source="version.status")
    periods = CommentPeriodOutputSerializer(many=True)
    summary = serializers.DictField(child=serializers.IntegerField())
    sections = ReportSectionOutputSerializer(many=True)
