"""Reads of near-duplicate campaigns (consultation/near_duplicates.py), each with a fixed number
of queries: a period's campaigns largest first, one campaign, its members by cursor; and for the
public, a campaign shown once: its first published member stands for it, with the number of
its published members and every sentence they added (``one_per_campaign``,
``attach_public_campaigns``, ``published_additions``)."""

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Window
from django.db.models.functions import RowNumber
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

# How many members' added sentences a page shows with the comment that stands for them; the
# rest are a link away (``published_additions``).
ADDITIONS_SHOWN = 20


def _earlier_published_member(*, per_criterion: bool) -> Exists:
    """A published member of the outer comment's campaign (on the same criterion, with
    ``per_criterion``) submitted before it: one probe of ``signature_campaign_order_idx``
    (campaign, submitted_at, id), which finds the campaign's first member at once when it is
    published (the usual case: staff publish a campaign whole)."""
    earlier = Q(submitted_at__lt=OuterRef("submitted_at")) | Q(
        submitted_at=OuterRef("submitted_at"), comment_id__lt=OuterRef("pk")
    )
    same = {"comment__criterion_key": OuterRef("criterion_key")} if per_criterion else {}
    return Exists(
        CommentSignature.objects.filter(
            earlier,
            campaign_id=OuterRef("signature__campaign_id"),
            comment__moderation_state=ModerationState.PUBLISHED,
            **same,
        )
    )


def one_per_campaign(
    comments: QuerySet[Comment], *, per_criterion: bool = False
) -> QuerySet[Comment]:
    """``comments`` (published ones) with each near-duplicate campaign's first published member
    only (its first on each criterion, with ``per_criterion``: the report's sections), annotated
    ``campaign_ref`` (its campaign's id, or None for a comment in none)."""
    return comments.annotate(campaign_ref=F("signature__campaign_id")).filter(
        Q(signature__campaign__isnull=True)
        | ~_earlier_published_member(per_criterion=per_criterion)
    )


def _published_members(campaign_ids):
    return CommentSignature.objects.filter(
        campaign_id__in=sorted(campaign_ids), comment__moderation_state=ModerationState.PUBLISHED
    )


def attach_public_campaigns(comments, *, per_criterion: bool = False) -> None:
    """Give each comment of a page read through ``one_per_campaign`` its ``public_campaign``:
    None, or (campaign id, its published members, how many of them add sentences of their own),
    counted on the comment's criterion only with ``per_criterion``; with ``per_criterion``, also
    ``campaign_additions``: the first ``ADDITIONS_SHOWN`` members' added sentences, as
    (tracking id, sentences). One query, two with ``per_criterion``; none without campaigns."""
    ids = {c.campaign_ref for c in comments if getattr(c, "campaign_ref", None) is not None}
    if not ids:
        for comment in comments:
            comment.public_campaign, comment.campaign_additions = None, []
        return
    group = ["campaign_id", "comment__criterion_key"] if per_criterion else ["campaign_id"]
    counts = {
        tuple(row[:-2]): row[-2:]
        for row in _published_members(ids)
        .values(*group)
        .annotate(n=Count("pk"), with_additions=Count("pk", filter=~Q(unique_additions=[])))
        .order_by()
        .values_list(*group, "n", "with_additions")
    }
    additions: dict[tuple, list] = {}
    if per_criterion:
        rows = (
            _published_members(ids)
            .exclude(unique_additions=[])
            .annotate(
                rank=Window(
                    RowNumber(),
                    partition_by=[F("campaign_id"), F("comment__criterion_key")],
                    order_by=[F("submitted_at").asc(), F("id").asc()],
                )
            )
            .filter(rank__lte=ADDITIONS_SHOWN)
            .values_list(
                "campaign_id", "comment__criterion_key", "comment__tracking_id", "unique_additions"
            )
            .order_by("campaign_id", "comment__criterion_key", "submitted_at", "id")
        )
        for campaign_id, key, tracking_id, sentences in rows:
            additions.setdefault((campaign_id, key), []).append((tracking_id, sentences))
    for comment in comments:
        ref = getattr(comment, "campaign_ref", None)
        where = (ref, comment.criterion_key) if per_criterion else (ref,)
        shown = counts.get(where)
        comment.public_campaign = (ref, *shown) if shown else None
        comment.campaign_additions = additions.get(where, []) if shown else []


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
