"""Reads of near-duplicate campaigns (consultation/near_duplicates.py), each with a fixed number
of queries: a period's campaigns largest first, one campaign, its members by cursor; and for the
public, a campaign shown once: its first published member stands for it, with the number of
its published members and every sentence they added (``one_per_campaign``,
``public_campaign_counts``, ``published_additions``)."""

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from standard_versions.errors import NotFound
from standard_versions.models import (
    Comment,
    CommentPeriod,
    CommentSignature,
    ModerationState,
    NearDuplicateCampaign,
)


def near_duplicate_campaigns(*, period: CommentPeriod) -> QuerySet[NearDuplicateCampaign]:
    """The period's campaigns, largest first (one index range read: ``campaign_largest_idx``),
    with their template's tracking id."""
    return (
        NearDuplicateCampaign.objects.filter(period=period)
        .select_related("template")
        .only(
            "id",
            "period_id",
            "member_count",
            "template_text",
            "first_submitted_at",
            "last_submitted_at",
            "template__tracking_id",
        )
        .order_by("-member_count", "first_submitted_at", "id")
    )


def campaign_get(*, campaign_id: int) -> NearDuplicateCampaign:
    campaign = (
        NearDuplicateCampaign.objects.select_related("template").filter(pk=campaign_id).first()
    )
    if campaign is None:
        raise NotFound(
            _("There is no campaign %(id)s.") % {"id": campaign_id}, code="campaign_not_found"
        )
    return campaign


def campaign_members(*, campaign: NearDuplicateCampaign) -> QuerySet[CommentSignature]:
    """The campaign's members, oldest first, each with its comment and unique additions; pages
    by (submitted_at, id) on ``signature_campaign_order_idx``."""
    return (
        CommentSignature.objects.filter(campaign=campaign)
        .select_related("comment")
        .defer("signature")
        .order_by("submitted_at", "id")
    )


# ---- the public's view: a campaign once -----------------------------------------------------


def _earlier_published_member() -> Exists:
    """A published member of the outer comment's campaign submitted before it: one probe of
    ``signature_campaign_order_idx`` (campaign, submitted_at, id), which finds the campaign's
    first member at once when it is published (the usual case: staff publish a campaign whole)."""
    earlier = Q(submitted_at__lt=OuterRef("submitted_at")) | Q(
        submitted_at=OuterRef("submitted_at"), comment_id__lt=OuterRef("pk")
    )
    return Exists(
        CommentSignature.objects.filter(
            earlier,
            campaign_id=OuterRef("signature__campaign_id"),
            comment__moderation_state=ModerationState.PUBLISHED,
        )
    )


def one_per_campaign(comments: QuerySet[Comment]) -> QuerySet[Comment]:
    """``comments`` (published ones) with each near-duplicate campaign's first published member
    only, annotated ``campaign_ref`` (its campaign's id, or None for a comment in none)."""
    return comments.annotate(campaign_ref=F("signature__campaign_id")).filter(
        Q(signature__campaign__isnull=True) | ~_earlier_published_member()
    )


def public_campaign_counts(campaign_ids) -> dict[int, tuple[int, int]]:
    """For each campaign, how many of its members are published and how many of those add
    sentences of their own. One query (none for no campaign)."""
    ids = sorted({pk for pk in campaign_ids if pk is not None})
    if not ids:
        return {}
    rows = (
        CommentSignature.objects.filter(
            campaign_id__in=ids, comment__moderation_state=ModerationState.PUBLISHED
        )
        .values("campaign_id")
        .annotate(n=Count("pk"), with_additions=Count("pk", filter=~Q(unique_additions=[])))
        .order_by()
        .values_list("campaign_id", "n", "with_additions")
    )
    return {pk: (n, with_additions) for pk, n, with_additions in rows}


def attach_public_campaigns(comments) -> None:
    """Give each comment of a page read through ``one_per_campaign`` its ``public_campaign``:
    None, or (campaign id, published members, members with additions). One query at most."""
    counts = public_campaign_counts(getattr(c, "campaign_ref", None) for c in comments)
    for comment in comments:
        ref = getattr(comment, "campaign_ref", None)
        comment.public_campaign = (ref, *counts[ref]) if ref in counts else None


def public_campaign_get(*, campaign_id: int) -> NearDuplicateCampaign:
    """A campaign the public may see: one with a published member (else NotFound, as for a
    campaign that does not exist, so nothing unpublished is revealed)."""
    campaign = (
        NearDuplicateCampaign.objects.filter(pk=campaign_id)
        .filter(
            Exists(
                CommentSignature.objects.filter(
                    campaign_id=OuterRef("pk"),
                    comment__moderation_state=ModerationState.PUBLISHED,
                )
            )
        )
        .first()
    )
    if campaign is None:
        raise NotFound(
            _("There is no campaign %(id)s.") % {"id": campaign_id}, code="campaign_not_found"
        )
    return campaign


def published_additions(*, campaign: NearDuplicateCampaign) -> QuerySet[CommentSignature]:
    """The campaign's published members that add sentences of their own, oldest first, with
    their comment's tracking id; pages by (submitted_at, id)."""
    return (
        CommentSignature.objects.filter(
            campaign=campaign, comment__moderation_state=ModerationState.PUBLISHED
        )
        .exclude(unique_additions=[])
        .select_related("comment")
        .only("id", "submitted_at", "unique_additions", "comment__tracking_id")
        .order_by("submitted_at", "id")
    )
