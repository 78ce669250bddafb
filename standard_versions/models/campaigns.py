from django.db import models
from django.utils.translation import gettext_lazy as _

from standard_versions.models.comments import CommentPeriod


class IdenticalCommentTally(models.Model):
    """How many comments of a period share one normalised body, kept at ingest.

    One row per (period, ``normalized_hash``), added to by the submission itself (an upsert that is
    the transaction's last statement, so the row lock of a popular form letter is held for the
    commit only), so listing a period's campaigns reads as many rows as it has campaigns, not its
    comments. ``recount_identical_comments`` rebuilds the rows from the comments."""

    period = models.ForeignKey(CommentPeriod, on_delete=models.CASCADE, related_name="tallies")
    normalized_hash = models.CharField(_("campaign hash"), max_length=64)
    count = models.PositiveIntegerField(_("comments"), default=0)
    first_submitted_at = models.DateTimeField(_("first submitted at"))
    last_submitted_at = models.DateTimeField(_("last submitted at"))
    example_tracking_id = models.CharField(_("example tracking id"), max_length=40)

    class Meta:
        verbose_name = _("identical comment tally")
        verbose_name_plural = _("identical comment tallies")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "normalized_hash"], name="identical_comment_tally_unique"
            )
        ]
        indexes = [
            models.Index(
                "period", models.F("count").desc(), "first_submitted_at", name="tally_largest_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.normalized_hash[:12]}: {self.count}"
