"""Reads of near-duplicate campaigns (consultation/near_duplicates.py), each with a fixed number
of queries: a period's campaigns largest first, one campaign, its members by cursor."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from standard_versions.errors import NotFound
from standard_versions.models import CommentPeriod, CommentSignature, NearDuplicateCampaign


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
