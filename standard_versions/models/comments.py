"""Public comment periods on draft versions, and the comments submitted in them.

A period is the half-open interval [opens_at, closes_at) in UTC; its status is computed from the
clock at the moment of each request (``CommentPeriod.status_at``), so nothing depends on a
scheduler. Its scope is a JSON list of permanent criterion keys of its version (no many-to-many, so
the scope is part of the period's history). Changes to a period's dates are kept in
simple-history and, for the public, in ``changes``.

A comment keeps a snapshot of the criterion text it was written against, so the receipt can show
whether and how that text changed since. Email addresses are private: no public serializer reads
them. Idempotency keys are unique per period in the database, which is what makes concurrent
retries safe.
"""

import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from standard_versions.consultation import deadlines
from standard_versions.models.constraints import unique_unless_blank, value_in_choices
from standard_versions.models.standards import Version
from standard_versions.translations import i18n


class PeriodStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class CommentPeriod(models.Model):
    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="comment_periods")
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    timezone = models.CharField(_("display time zone"), max_length=64, default="UTC")
    # Permanent criterion keys of ``version`` open for comment, or null for the whole version.
    criterion_keys = models.JSONField(_("criteria in scope"), null=True, blank=True)
    instructions = models.TextField(_("instructions"), blank=True, help_text=_("Markdown."))
    # Public record of extensions, early closes and reopenings: dicts with kind, at, reason and the
    # closing instants before and after. The same changes are in the history with their reasons.
    changes = models.JSONField(_("changes"), default=list, blank=True)
    # How long a commenter may accept or object to a response, counted from the response.
    answer_window_days = models.PositiveSmallIntegerField(
        _("days to answer a response"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    # Identifies a period loaded from shipped data, so loading it again changes nothing.
    reference = models.CharField(_("reference"), max_length=100, blank=True, default="")
    created_at = models.DateTimeField(_("created at"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["opens_at", "id"]
        verbose_name = _("comment period")
        verbose_name_plural = _("comment periods")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="comment_period_closes_after_opening",
            ),
            unique_unless_blank("reference", name="comment_period_reference_unique"),
        ]
        indexes = [models.Index(fields=["opens_at", "closes_at"], name="comment_period_dates_idx")]

    def __str__(self) -> str:
        # Its first and last days in its own zone (a midnight close ends the day before), in
        # the active language, joined by an en dash: "wwc 3.0: April 14, 2022 \u2013 April 27,
        # 2022, New York time".
        language = i18n.current_language()
        first, last = (
            i18n.format_date(day, language=language)
            for day in (
                deadlines.first_day(self.opens_at, timezone=self.timezone),
                deadlines.last_day(self.closes_at, timezone=self.timezone),
            )
        )
        zone = i18n.format_zone_name(self.timezone, language=language)
        return f"{self.version}: {first} \u2013 {last}, {zone}"

    def status_at(self, now: dt.datetime) -> str:
        if now < self.opens_at:
            return PeriodStatus.SCHEDULED
        if now < self.closes_at:
            return PeriodStatus.OPEN
        return PeriodStatus.CLOSED


class CommentType(models.TextChoices):
    GENERAL = "general", _("general")
    EDITORIAL = "editorial", _("editorial")
    TECHNICAL = "technical", _("technical")
    TRANSLATION = "translation", _("translation")


class ModerationState(models.TextChoices):
    # A context of their own: "published" is also a version status, and the two differ in
    # grammatical gender in Spanish and Portuguese.
    RECEIVED = "received", pgettext_lazy("comment moderation state", "received")
    PUBLISHED = "published", pgettext_lazy("comment moderation state", "published")
    WITHHELD = "withheld", pgettext_lazy("comment moderation state", "withheld")


class Disposition(models.TextChoices):
    ACCEPTED = "accepted", _("accepted")
    PARTIALLY_ACCEPTED = "partially_accepted", _("partially accepted")
    NOT_ACCEPTED = "not_accepted", _("not accepted")
    NOTED = "noted", _("noted")
    DUPLICATE = "duplicate", _("duplicate")


class Comment(models.Model):
    period = models.ForeignKey(CommentPeriod, on_delete=models.PROTECT, related_name="comments")
    tracking_id = models.CharField(_("tracking id"), max_length=40, unique=True)
    submitted_at = models.DateTimeField(_("submitted at"))

    # The criterion commented on (empty for the version as a whole), with the exact text it had.
    criterion_key = models.CharField(_("criterion key"), max_length=64, blank=True, default="")
    criterion_code = models.CharField(_("criterion code"), max_length=20, blank=True, default="")
    criterion_revision = models.PositiveIntegerField(_("criterion revision"), null=True, blank=True)
    criterion_title = models.CharField(_("criterion title then"), max_length=300, blank=True)
    criterion_description = models.TextField(_("criterion description then"), blank=True)

    body = models.TextField(_("body"))
    proposed_text = models.TextField(_("proposed text"), blank=True, default="")
    type = models.CharField(
        _("type"), max_length=12, choices=CommentType.choices, default=CommentType.GENERAL
    )
    language = models.CharField(_("language"), max_length=35, default="en")
    name = models.CharField(_("name"), max_length=200, blank=True, default="")
    organization = models.CharField(_("organization"), max_length=200, blank=True, default="")
    identity_public = models.BooleanField(
        _("name and organization may be published"), default=False
    )
    email = models.EmailField(_("email (private)"), max_length=254, blank=True, default="")

    content_sha256 = models.CharField(_("SHA-256 of the content"), max_length=64)
    normalized_hash = models.CharField(_("campaign hash"), max_length=64)

    # Empty when the client sent no Idempotency-Key.
    idempotency_key = models.CharField(_("idempotency key"), max_length=255, blank=True, default="")
    request_sha256 = models.CharField(_("SHA-256 of the request"), max_length=64, blank=True)

    moderation_state = models.CharField(
        _("moderation state"),
        max_length=10,
        choices=ModerationState.choices,
        default=ModerationState.RECEIVED,
    )
    moderation_reason = models.TextField(_("moderation reason"), blank=True, default="")
    disposition = models.CharField(
        _("disposition"), max_length=20, choices=Disposition.choices, blank=True, default=""
    )
    response = models.TextField(_("response"), blank=True, default="")
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["submitted_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            unique_unless_blank(
                "period", "idempotency_key", name="comment_idempotency_key_unique_per_period"
            ),
            value_in_choices(
                "moderation_state", ModerationState, name="comment_moderation_state_valid"
            ),
            value_in_choices(
                "disposition", Disposition, blank=True, name="comment_disposition_valid"
            ),
            value_in_choices("type", CommentType, name="comment_type_valid"),
        ]
        # Each list's filter and order, so a page is an index range read whatever the count
        # (keyset pagination: standard_versions/http/keyset.py): a period's comments, by state
        # or all; every comment newest first (the admin).
        indexes = [
            models.Index(
                fields=["period", "moderation_state", "submitted_at", "id"],
                name="comment_period_state_order_idx",
            ),
            models.Index(fields=["period", "submitted_at", "id"], name="comment_period_order_idx"),
            models.Index(fields=["submitted_at", "id"], name="comment_order_idx"),
            models.Index(fields=["period", "normalized_hash"], name="comment_campaign_idx"),
        ]

    def __str__(self) -> str:
        return self.tracking_id
