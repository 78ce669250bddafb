"""The staff's work on comments (editors): publishing or withholding one, responding to one, and
the lists they work from (a period's comments with contact details, its campaigns).

Views are thin: they read the clock once (``now``), parse, call one service or selector and
serialize.
"""

from drf_spectacular.utils import OpenApiParameter

from standard_versions.api import views_staff as staff
from standard_versions.api.operations import list_operation
from standard_versions.api.pagination import CommentKeysetPagination
from standard_versions.api.permissions_comments import StaffRoleRequired
from standard_versions.api.serializers import comments as s
from standard_versions.api.views import ContentAPIView
from standard_versions.consultation import moderation as moderation_services
from standard_versions.consultation import selectors_comments
from standard_versions.models import Comment
from standard_versions.roles import EDITORS

QUERY_PARAMETER = OpenApiParameter(
    "q",
    str,
    description="Only the comments this search finds: a tracking id (as the receipt writes it, "
    "exactly), or words, each in the comment's language (stemmed on PostgreSQL); at most 1,000 "
    "characters (400 query_too_long).",
)
STATE_PARAMETER = OpenApiParameter(
    "state",
    str,
    enum=["received", "published", "withheld"],
    description="Only comments in this moderation state (400 invalid_state otherwise).",
)


@staff.change_schema(
    "comments_moderate",
    summary="Publish or withhold a comment",
    invalid="`invalid_moderation_state`, `reason_required` (withholding), or `invalid` with "
    "`errors`.",
)
class CommentModerateView(staff.ChangeView):
    """Staff (editors): publish or withhold a comment (withholding needs a reason)."""

    serializer_class = s.StaffCommentOutputSerializer
    input_serializer = s.CommentModerateInputSerializer
    change = staticmethod(moderation_services.moderate_comment)


@staff.change_schema(
    "comments_respond",
    summary="Answer a comment",
    invalid="`invalid_disposition`, `response_required`, `response_too_long`, or `invalid` "
    "with `errors`.",
)
class CommentRespondView(staff.ChangeView):
    """Staff (editors): record a comment's disposition and the response to it."""

    serializer_class = s.StaffCommentOutputSerializer
    input_serializer = s.CommentRespondInputSerializer
    change = staticmethod(moderation_services.respond_to_comment)


class CommentPeriodModerationView(ContentAPIView):
    """Staff: every comment of the period, with contact details; ``?state=`` and ``?q=``
    (a search) filter; pages by cursor."""

    # Staff only, reads included: the comments hold contact details.
    queryset = Comment.objects.none()  # for the schema generator only
    permission_classes = [StaffRoleRequired]
    required_role = EDITORS
    serializer_class = s.StaffCommentOutputSerializer
    pagination_class = CommentKeysetPagination

    @list_operation(
        "comment_periods_moderation_list",
        "List a period's comments for moderation",
        serializer_class,
        parameters=[STATE_PARAMETER, QUERY_PARAMETER],
    )
    def get(self, request, period_id):
        period = selectors_comments.period_get(period_id=period_id)
        comments = selectors_comments.staff_comments(
            period=period,
            state=request.query_params.get("state"),
            query=request.query_params.get("q"),
        )
        return self.list_response(comments)


@staff.period_list_schema("comment_periods_campaigns_list", "List a period's campaigns")
class CommentPeriodCampaignsView(staff.PeriodListView):
    """Staff: groups of identical or near-identical comments, with counts."""

    queryset = Comment.objects.none()  # for the schema generator only
    serializer_class = s.CampaignOutputSerializer
    rows = staticmethod(selectors_comments.campaigns)
