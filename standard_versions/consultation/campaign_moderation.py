"""Staff work on a whole near-duplicate campaign: publish or withhold every member, or give every
member one disposition and response.

The rules are the one-comment services' (consultation/moderation.py checks them once for all);
the writes are in bulk, so a campaign of 10,000 letters costs a handful of statements per 500
members, not several per member. Each member's history records the change as if done alone
(the acting user, a reason naming the campaign, the ``now`` given), after the record of its
submission; all members change in one transaction, or none does. Only the notifications are
one per member whose response becomes public: each goes to that member's own commenter.
"""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation import moderation
from standard_versions.errors import Conflict, NotFound
from standard_versions.history import bulk_save_with_history
from standard_versions.models import Comment, NearDuplicateCampaign
from standard_versions.notifications import events


def _campaign_for_update(
    campaign_id: int, *, expected_count: int | None
) -> tuple[NearDuplicateCampaign, list[Comment]]:
    """The campaign, locked (a grouping run adding members waits), and its members, locked, in
    their history's first record. ``expected_count`` is the count the staff member saw: a
    campaign that has changed since is refused (409 ``campaign_changed``), so nobody publishes
    letters they have not seen."""
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
        Comment.objects.select_for_update(of=("self",))
        .filter(signature__campaign=campaign)
        .select_related("period__version__standard")
        .order_by("submitted_at", "id")
    )
    moderation.record_submissions(members)
    return campaign, members


def _save_members(
    campaign: NearDuplicateCampaign,
    members: list[Comment],
    values: dict,
    *,
    were_public: list[bool],
    user,
    reason: str,
    now: dt.datetime,
) -> None:
    """Set ``values`` on every one of ``members``, save them in bulk with a history reason
    naming the campaign, and announce each response that has become public by it (a member
    whose ``were_public`` is true is announced no second time)."""
    for comment in members:
        for name, value in values.items():
            setattr(comment, name, value)
    bulk_save_with_history(
        members,
        fields=list(values),
        user=user,
        reason=f"campaign {campaign.pk}: {reason}",
        now=now,
    )
    for comment, was_public in zip(members, were_public, strict=True):
        if moderation.response_is_public(comment) and not was_public:
            events.response_published(comment, now=now)


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
    reason = moderation.checked_moderation(state=state, reason=reason)
    campaign, members = _campaign_for_update(campaign_id, expected_count=count)
    changed = [c for c in members if (c.moderation_state, c.moderation_reason) != (state, reason)]
    _save_members(
        campaign,
        changed,
        {"moderation_state": state, "moderation_reason": reason},
        were_public=[moderation.response_is_public(c) for c in changed],
        user=user,
        reason=reason or f"moderation: {state}",
        now=now,
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
    response = moderation.checked_response(disposition=disposition, response=response)
    campaign, members = _campaign_for_update(campaign_id, expected_count=count)
    # A member whose response was already this one and public is announced no second time.
    were_public = [
        moderation.response_is_public(c) and (c.disposition, c.response) == (disposition, response)
        for c in members
    ]
    _save_members(
        campaign,
        members,
        {"disposition": disposition, "response": response, "responded_at": now},
        were_public=were_public,
        user=user,
        reason=reason.strip() or f"disposition: {disposition}",
        now=now,
    )
    return campaign
