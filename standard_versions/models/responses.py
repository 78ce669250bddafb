"""What came of a comment's response: the change it led to, and the commenter's answer to it.

A ``ResponseLink`` names the change a response led to: a criterion (by permanent key, so a
criterion renumbered between the commented and the linked version is still found), a practice
area (by key) or the requirements, in a later draft or version, classed ``editorial`` or
``substantive``. The word-level change it points at is computed from the comment's snapshot of
the text it was written against and the linked version's text (the diff), never stored.

A ``CommenterAnswer`` is the commenter's answer to the response: accepted, or objected to with a
short text, within the period's ``answer_window_days`` after the response. An objection is
public once moderated like a comment; staff may reply once. Without an answer the response is
"assumed satisfied" when the window ends: computed from the clock (``answer_status_at``), so
nothing depends on a scheduler.
"""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from standard_versions.models.comments import Comment, ModerationState
from standard_versions.models.constraints import value_in_choices
from standard_versions.models.standards import Version

DEFAULT_ANSWER_WINDOW_DAYS = 14


class ChangeTarget(models.TextChoices):
    CRITERION = "criterion", _("criterion")
    PRACTICE_AREA = "practice_area", _("practice area")
    REQUIREMENTS = "requirements", _("requirements")


class ChangeClass(models.TextChoices):
    # A context of their own: "editorial" is also a comment type.
    EDITORIAL = "editorial", pgettext_lazy("class of a change", "editorial")
    SUBSTANTIVE = "substantive", pgettext_lazy("class of a change", "substantive")


class ResponseLink(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="response_links")
    # The later draft or version that holds the change.
    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="+")
    target = models.CharField(_("changed part"), max_length=16, choices=ChangeTarget.choices)
    # The criterion's or practice area's permanent key; empty for the requirements.
    target_key = models.CharField(_("key"), max_length=64, blank=True, default="")
    change_class = models.CharField(_("class"), max_length=12, choices=ChangeClass.choices)
    created_at = models.DateTimeField(_("created at"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["comment_id", "id"]
        verbose_name = _("response link")
        verbose_name_plural = _("response links")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "version", "target", "target_key"],
                name="response_link_unique",
            ),
            value_in_choices("target", ChangeTarget, name="response_link_target_valid"),
            value_in_choices("change_class", ChangeClass, name="response_link_class_valid"),
            # A criterion or practice area is named by key; the requirements are one whole.
            models.CheckConstraint(
                condition=Q(target="requirements", target_key="")
                | (~Q(target="requirements") & ~Q(target_key="")),
                name="response_link_key_given",
            ),
        ]
        # The diff's "why": the comments behind a change of one part of one version.
        indexes = [
            models.Index(fields=["version", "target", "target_key"], name="response_link_part_idx")
        ]

    def __str__(self) -> str:
        return f"{self.comment_id} → {self.version_id} {self.target} {self.target_key}"


class AnswerKind(models.TextChoices):
    ACCEPTED = "accepted", pgettext_lazy("commenter's answer", "accepted")
    OBJECTED = "objected", pgettext_lazy("commenter's answer", "objected")


class AnswerStatus(models.TextChoices):
    """Where a response stands with its commenter, computed from the answer and the clock."""

    NO_RESPONSE = "no_response", _("no response yet")
    PENDING = "pending", _("commenter response pending")
    ACCEPTED = "accepted", pgettext_lazy("commenter's answer", "accepted")
    OBJECTED = "objected", pgettext_lazy("commenter's answer", "objected")
    ASSUMED_SATISFIED = "assumed_satisfied", _("assumed satisfied")


class CommenterAnswer(models.Model):
    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="answer")
    kind = models.CharField(_("answer"), max_length=10, choices=AnswerKind.choices)
    text = models.TextField(_("text"), blank=True, default="")
    submitted_at = models.DateTimeField(_("submitted at"))
    # An objection's text is public once published, moderated like a comment.
    moderation_state = models.CharField(
        _("moderation state"),
        max_length=10,
        choices=ModerationState.choices,
        default=ModerationState.RECEIVED,
    )
    moderation_reason = models.TextField(_("moderation reason"), blank=True, default="")
    # Staff may reply to an objection once.
    staff_reply = models.TextField(_("staff reply"), blank=True, default="")
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("commenter answer")
        verbose_name_plural = _("commenter answers")
        constraints = [
            value_in_choices("kind", AnswerKind, name="commenter_answer_kind_valid"),
            value_in_choices(
                "moderation_state", ModerationState, name="commenter_answer_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind="objected") | Q(text=""), name="commenter_answer_text_objects"
            ),
            models.CheckConstraint(
                condition=Q(staff_reply="", replied_at__isnull=True)
                | (~Q(staff_reply="") & Q(replied_at__isnull=False)),
                name="commenter_answer_reply_dated",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "moderation_state"], name="commenter_answer_kind_idx")
        ]

    def __str__(self) -> str:
        return f"{self.comment_id}: {self.kind}"


def answer_window_ends(comment: Comment, *, window_days: int) -> dt.datetime | None:
    """When the commenter's window to answer the response closes (None: no response yet)."""
    if comment.responded_at is None or not comment.response:
        return None
    return comment.responded_at + dt.timedelta(days=window_days)


def answer_status_at(
    comment: Comment, answer: "CommenterAnswer | None", *, window_days: int, now: dt.datetime
) -> str:
    """The response's status with its commenter at ``now``: the answer if there is one, else
    pending until the window's end (exclusive: at its exact end the window is closed), then
    assumed satisfied."""
    if answer is not None:
        return answer.kind
    ends = answer_window_ends(comment, window_days=window_days)
    if ends is None:
        return AnswerStatus.NO_RESPONSE
    return AnswerStatus.PENDING if now < ends else AnswerStatus.ASSUMED_SATISFIED
