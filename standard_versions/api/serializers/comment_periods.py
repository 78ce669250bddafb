"""Serializers for comment periods: the staff's input (opening, extending, closing) and the public
output, with the period's times in its own time zone and in the response language."""

import datetime as dt
import zoneinfo

from django.utils.dateparse import parse_datetime
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from standard_versions.api.serializers.fields import StrictCharField, optional_text
from standard_versions.api.serializers.standards import (
    ContentField,
    ContentHTMLField,
    TranslatableOutputSerializer,
)
from standard_versions.consultation import deadlines
from standard_versions.consultation.comment_limits import (
    ANSWER_WINDOW_DAYS_MAX,
    ANSWER_WINDOW_DAYS_MIN,
    STAFF_REASON_MAX_CHARS,
)
from standard_versions.models import DEFAULT_ANSWER_WINDOW_DAYS
from standard_versions.translations import i18n


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


class StrictIntegerField(serializers.IntegerField):
    """A JSON integer only (DRF takes ``"14"`` and ``14.0`` too); its range is the service's
    rule, refused with its own code."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return data


def _answer_window_days(**options) -> StrictIntegerField:
    return StrictIntegerField(
        help_text=f"Days a commenter has to accept or object to a response, counted from the "
        f"response: {ANSWER_WINDOW_DAYS_MIN} to {ANSWER_WINDOW_DAYS_MAX} (400 "
        f"answer_window_out_of_range); {DEFAULT_ANSWER_WINDOW_DAYS} unless set.",
        **options,
    )


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
    instructions = optional_text()
    answer_window_days = _answer_window_days(required=False, default=DEFAULT_ANSWER_WINDOW_DAYS)
    reason = optional_text(max_length=STAFF_REASON_MAX_CHARS)


class CommentPeriodUpdateInputSerializer(serializers.Serializer):
    answer_window_days = _answer_window_days()
    reason = optional_text(max_length=STAFF_REASON_MAX_CHARS)


class CommentPeriodExtendInputSerializer(serializers.Serializer):
    closes_at = AwareDateTimeField()
    reason = StrictCharField(max_length=STAFF_REASON_MAX_CHARS)


class CommentPeriodCloseInputSerializer(serializers.Serializer):
    reason = StrictCharField(max_length=STAFF_REASON_MAX_CHARS)


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
    answer_window_days = serializers.IntegerField(
        read_only=True,
        help_text="Days a commenter has to accept or object to a response, from the response.",
    )
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
