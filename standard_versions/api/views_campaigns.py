"""Near-duplicate campaigns for the staff (editors): a period's campaigns, a campaign's members
with their unique additions, and moderating or answering a whole campaign at once.

Views are thin: they read the clock once (``now``), parse, call one service or selector and
serialize.
"""

from standard_versions.api import views_staff as staff
from standard_versions.api.operations import error_response, list_operation
from standard_versions.api.pagination import CommentKeysetPagination
from standard_versions.api.permissions_comments import StaffRoleRequired
from standard_versions.api.serializers import campaigns as s
from standard_versions.api.views import ContentAPIView
from standard_versions.consultation import campaign_moderation, selectors_campaigns
from standard_versions.models import NearDuplicateCampaign
from standard_versions.roles import EDITORS


class _StaffCampaignView(ContentAPIView):
    # Members hold contact details: staff only, reads included.
    queryset = NearDuplicateCampaign.objects.none()  # for the schema generator only
    permission_classes = [StaffRoleRequired]
    required_role = EDITORS


@staff.period_list_schema(
    "comment_periods_near_duplicates_list", "List a period's near-duplicate campaigns"
)
class CommentPeriodNearDuplicatesView(staff.PeriodListView):
    """Staff: the period's near-duplicate campaigns (form letters with personal edits, grouped
    on the task queue), largest first, with their template text and counts."""

    queryset = NearDuplicateCampaign.objects.none()  # for the schema generator only
    serializer_class = s.NearDuplicateCampaignOutputSerializer
    rows = staticmethod(selectors_campaigns.near_duplicate_campaigns)


class NearDuplicateMembersView(_StaffCampaignView):
    """Staff: a near-duplicate campaign's members, oldest first, each with the sentences it adds
    to the template; pages by cursor."""

    serializer_class = s.CampaignMemberOutputSerializer
    pagination_class = CommentKeysetPagination

    @list_operation(
        "near_duplicates_members_list", "List a near-duplicate campaign's members", serializer_class
    )
    def get(self, request, campaign_id):
        campaign = selectors_campaigns.campaign_get(campaign_id=campaign_id)
        members = selectors_campaigns.campaign_members(campaign=campaign)
        return self.list_response(members, context={"template_id": campaign.template_id})


class _CampaignChangeView(_StaffCampaignView, staff.ChangeView):
    """POST: one staff change of every member of a campaign (a service of
    ``consultation.campaign_moderation``); the answer reads the campaign again."""

    serializer_class = s.NearDuplicateCampaignOutputSerializer

    def shown(self, changed):
        return selectors_campaigns.campaign_get(campaign_id=changed.pk)


CAMPAIGN_REFUSALS = {
    404: error_response("`campaign_not_found`."),
    409: error_response("`campaign_changed`: the campaign's count is not the `count` sent."),
}


@staff.change_schema(
    "near_duplicates_moderate",
    summary="Publish or withhold every comment of a campaign",
    invalid="`invalid_moderation_state`, `reason_required` (withholding), or `invalid` with "
    "`errors`.",
    refusals=CAMPAIGN_REFUSALS,
)
class NearDuplicateModerateView(_CampaignChangeView):
    """Staff (editors): publish or withhold every member of a near-duplicate campaign at once;
    each member's history records it, naming the campaign."""

    input_serializer = s.CampaignModerateInputSerializer
    change = staticmethod(campaign_moderation.moderate_campaign)


@staff.change_schema(
    "near_duplicates_respond",
    summary="Answer every comment of a campaign",
    invalid="`invalid_disposition`, `response_required`, `response_too_long`, or `invalid` "
    "with `errors`.",
    refusals=CAMPAIGN_REFUSALS,
)
class NearDuplicateRespondView(_CampaignChangeView):
    """Staff (editors): give every member of a near-duplicate campaign one disposition and
    response; each member's history records it, naming the campaign."""

    input_serializer = s.CampaignRespondInputSerializer
    change = staticmethod(campaign_moderation.respond_to_campaign)


class PublicCampaignAdditionsView(ContentAPIView):
    """Anyone: the sentences the published members of a near-duplicate campaign added to its
    form letter, oldest first, by cursor (the public comment list shows the campaign once)."""

    queryset = NearDuplicateCampaign.objects.none()  # for the schema generator only
    serializer_class = s.PublicCampaignAdditionOutputSerializer
    pagination_class = CommentKeysetPagination

    @list_operation(
        "campaigns_additions_list",
        "List the sentences a campaign's published comments added",
        serializer_class,
        refusals={404: error_response("`campaign_not_found`.")},
    )
    def get(self, request, campaign_id):
        campaign = selectors_campaigns.public_campaign_get(campaign_id=campaign_id)
        additions = selectors_campaigns.published_additions(campaign=campaign)
        return self.list_response(additions, context={"request": request})
