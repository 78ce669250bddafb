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


class NearDuplicateCampaign(models.Model):
    """Comments of a period that are copies of one form letter, personal edits and all, found by
    MinHash and LSH off the request path (consultation/near_duplicates.py).

    Derived rows, like the tallies: they keep no history of their own (what staff do to a
    campaign is recorded in each member comment's history). ``template`` is the first member
    (the earliest submitted), whose body is ``template_text``; the counts and times are kept by
    the grouping run that adds members."""

    period = models.ForeignKey(
        CommentPeriod, on_delete=models.CASCADE, related_name="near_duplicate_campaigns"
    )
    template = models.ForeignKey(
        "standard_versions.Comment", on_delete=models.PROTECT, related_name="+"
    )
    template_text = models.TextField(_("template text"))
    member_count = models.PositiveIntegerField(_("comments"), default=0)
    first_submitted_at = models.DateTimeField(_("first submitted at"))
    last_submitted_at = models.DateTimeField(_("last submitted at"))
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("near-duplicate campaign")
        verbose_name_plural = _("near-duplicate campaigns")
        # A period's campaigns largest first: one index range read (the staff list).
        indexes = [
            models.Index(
                "period",
                models.F("member_count").desc(),
                "first_submitted_at",
                "id",
                name="campaign_largest_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.pk}: {self.member_count}"


class CommentSignature(models.Model):
    """A comment the near-duplicate grouping has examined: its MinHash signature (``scheme``
    names the parameters it was computed with, so a change of them recomputes it), its campaign
    if it is in one, and the sentences it adds to the campaign's template.

    A comment in no campaign keeps its row too, so the next run compares new comments with it
    without computing its signature again; and each comment is examined once (its body never
    changes after submission)."""

    comment = models.OneToOneField(
        "standard_versions.Comment", on_delete=models.CASCADE, related_name="signature"
    )
    period = models.ForeignKey(CommentPeriod, on_delete=models.CASCADE, related_name="+")
    # The comment's own, copied so a campaign's members page by (submitted_at, id) on this table.
    submitted_at = models.DateTimeField(_("submitted at"))
    scheme = models.PositiveSmallIntegerField(_("signature scheme"))
    signature = models.BinaryField(_("signature"))
    campaign = models.ForeignKey(
        NearDuplicateCampaign,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    unique_additions = models.JSONField(_("unique additions"), default=list, blank=True)

    class Meta:
        verbose_name = _("comment signature")
        verbose_name_plural = _("comment signatures")
        indexes = [
            # A campaign's members by cursor; a period's signatures for the LSH index.
            models.Index(
                fields=["campaign", "submitted_at", "id"], name="signature_campaign_order_idx"
            ),
            models.Index(fields=["period", "campaign"], name="signature_period_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.comment_id} → {self.campaign_id}"
