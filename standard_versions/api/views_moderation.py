"""The staff's work on comments (editors): publishing or withholding one, responding to one, and
the lists they work from (a period's comments with contact details, its campaigns).

Views are thin: they read the clock once (``now``), parse, call one service or selector and
serialize.
"""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema_view
from rest_framework.response import Response

from standard_versions.api.operations import error_response, list_operation, operation
from standard_versions.api.pagination import CommentKeysetPagination
from standard_versions.api.permissions_comments import StaffRoleRequired
from standard_versions.api.serializers import comments as s
from standard_versions.api.views import ContentAPIView
from standard_versions.api.views_comments_common import valid_input
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


class _StaffCommentChangeView(ContentAPIView):
    """POST: one staff change of a comment, ``change`` (a service of ``consultation.moderation``)
    called with the fields of ``input_serializer`` as its keywords; editors only."""

    required_role = EDITORS
    serializer_class = s.StaffCommentOutputSerializer
    input_serializer = None
    change = None

    def post(self, request, tracking_id):
        now = timezone.now()
        data = valid_input(self.input_serializer, request.data)
        comment = type(self).change(tracking_id=tracking_id, user=request.user, now=now, **data)
        return Response(self.serializer_class(comment).data)


def _change_schema(operation_id: str, *, summary: str, request, refusals: str):
    refusals = {400: error_response(refusals)}
    return extend_schema_view(
        post=operation(
            operation_id,
            summary,
            s.StaffCommentOutputSerializer,
            request=request,
            refusals=refusals,
        )
    )


@_change_schema(
    "comments_moderate",
    summary="Publish or withhold a comment",
    request=s.CommentModerateInputSerializer,
    refusals="`invalid_moderation_state`, `reason_required` (withholding), or `invalid` with "
    "`errors`.",
)
class CommentModerateView(_StaffCommentChangeView):
    """Staff (editors): publish or withhold a comment (withholding needs a reason)."""

    input_serializer = s.CommentModerateInputSerializer
    change = staticmethod(moderation_services.moderate_comment)


@_change_schema(
    "comments_respond",
    summary="Answer a comment",
    request=s.CommentRespondInputSerializer,
    refusals="`invalid_disposition`, `response_required`, `response_too_long`, or `invalid` "
    "with `errors`.",
)
class CommentRespondView(_StaffCommentChangeView):
    """Staff (editors): record a comment's disposition and the response to it."""

    input_serializer = s.CommentRespondInputSerializer
    change = staticmethod(moderation_services.respond_to_comment)


class _StaffCommentListView(ContentAPIView):
    # Lists of a period's comments for its staff: they hold contact details.
    queryset = Comment.objects.none()  # for the schema generator only
    permission_classes = [StaffRoleRequired]
    required_role = EDITORS


class CommentPeriodModerationView(_StaffCommentListView):
    """Staff: every comment of the period, with contact details; ``?state=`` and ``?q=``
    (a search) filter; pages by cursor."""

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


class CommentPeriodCampaignsView(_StaffCommentListView):
    """Staff: groups of identical or near-identical comments, with counts."""

    serializer_class = s.CampaignOutputSerializer

    @list_operation("comment_periods_campaigns_list", "List a period's campaigns", serializer_class)
    def get(self, request, period_id):
        period = selectors_comments.period_get(period_id=period_id)
        return self.list_response(selectors_comments.campaigns(period=period))
