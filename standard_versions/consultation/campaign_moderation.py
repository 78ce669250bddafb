"""Staff work on a whole near-duplicate campaign: publish or withhold every member, or give every
member one disposition and response. Each member goes through the one-comment service
(consultation/moderation.py), so its history records the change as if done alone, with the
campaign named in the reason; all members change in one transaction, or none does."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation import moderation
from standard_versions.errors import Conflict, NotFound
from standard_versions.models import Comment, NearDuplicateCampaign


def _campaign_for_update(
    campaign_id: int, *, expected_count: int | None
) -> tuple[NearDuplicateCampaign, list[str]]:
    """The campaign, locked (a grouping run adding members waits), and its members' tracking
    ids. ``expected_count`` is the count the staff member saw: a campaign that has changed since
    is refused (409 ``campaign_changed``), so nobody publishes letters they have not seen."""
    campaign = NearDuplicateCampaign.objects.select_for_update().filter(pk=campaign_id).first()
    if campaign is None:
        raise NotFound(
            _("There is no campaign %(id)s.") % {"id": campaign_id}, code="campaign_not_found"
        )
    if expected_count is not None and expected_count != campaign.member_count:
        raise Conflict(
            _("This campaign has %(count)s comments now, not %(expected)s: read it again.")
            % {"count": campaign.member_count, "expected": expected_count},
            code="campaign_changed",
        )
    members = list(
        Comment.objects.filter(signature__campaign=campaign)
        .order_by("submitted_at", "id")
        .values_list("tracking_id", flat=True)
    )
    return campaign, members


@transaction.atomic
def moderate_campaign(
    *,
    campaign_id: int,
    state: str,
    reason: str = "",
    count: int | None = None,
    user,
    now: dt.datetime,
) -> NearDuplicateCampaign:
    """Publish or withhold every member of the campaign (withholding needs a reason)."""
    campaign, members = _campaign_for_update(campaign_id, expected_count=count)
    history_reason = f"campaign {campaign.pk}: {reason.strip() or f'moderation: {state}'}"
    for tracking_id in members:
        moderation.moderate_comment(
            tracking_id=tracking_id,
            state=state,
            reason=reason,
            user=user,
            now=now,
            history_reason=history_reason,
        )
    return campaign


@transaction.atomic
def respond_to_campaign(
    *,
    campaign_id: int,
    disposition: str,
    response: str,
    reason: str = "",
    count: int | None = None,
    user,
    now: dt.datetime,
) -> NearDuplicateCampaign:
    """Give every member of the campaign the disposition and the response."""
    campaign, members = _campaign_for_update(campaign_id, expected_count=count)
    history_reason = f"campaign {campaign.pk}: {reason.strip() or f'disposition: {disposition}'}"
    for tracking_id in members:
        moderation.respond_to_comment(
            tracking_id=tracking_id,
            disposition=disposition,
            response=response,
            reason=history_reason,
            user=user,
            now=now,
        )
    return campaign
