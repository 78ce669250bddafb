"""The staff's links between a response and the change it led to (editors): a comment's links
(list, create), one link (delete), and a period's flags (accepted comments naming no change).

Views are thin: they read the clock once (``now``), parse, call one service or selector and
serialize.
"""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response

from standard_versions.api import views_staff as staff
from standard_versions.api.operations import error_response
from standard_versions.api.pagination import CommentKeysetPagination
from standard_versions.api.permissions_comments import StaffRoleRequired
from standard_versions.api.serializers import response_links as s
from standard_versions.api.views import ContentAPIView
from standard_versions.api.views_comments_common import valid_input
from standard_versions.consultation import response_links as link_services
from standard_versions.consultation import selectors_response_links as selectors_links
from standard_versions.models import Comment
from standard_versions.roles import EDITORS

LINK_REFUSALS = {
    400: error_response(
        "`version_of_another_standard`, `version_before_comment` (the version is earlier than "
        "the commented one), `target_not_found` (no such key in that version), "
        "`target_key_required`, `target_key_not_expected` (requirements), `invalid_target`, "
        "`invalid_change_class`, or `invalid` with `errors`."
    ),
    404: error_response("`comment_not_found`, `standard_not_found` or `version_not_found`."),
    409: error_response("`response_link_exists`: this exact link exists already."),
}


class _StaffView(ContentAPIView):
    # Staff only, reads included: the links are the staff's working view of a comment.
    permission_classes = [StaffRoleRequired]
    required_role = EDITORS


class CommentResponseLinksView(_StaffView):
    """A comment's response links: GET lists them (each with the change it points at), POST
    adds one."""

    serializer_class = s.ResponseLinkOutputSerializer
    pagination_class = None

    @extend_schema(
        operation_id="comments_response_links_list",
        summary="List a comment's response links",
        responses={
            200: s.ResponseLinkOutputSerializer(many=True),
            404: error_response("`comment_not_found`."),
        },
    )
    def get(self, request, tracking_id):
        links = selectors_links.comment_links(tracking_id=tracking_id)
        return Response(self.serializer_class(links, many=True).data)

    @extend_schema(
        operation_id="comments_response_links_create",
        summary="Link a response to the change it led to",
        request=s.ResponseLinkCreateInputSerializer,
        responses={201: s.ResponseLinkOutputSerializer, **LINK_REFUSALS},
    )
    def post(self, request, tracking_id):
        now = timezone.now()
        data = valid_input(s.ResponseLinkCreateInputSerializer, request.data)
        link = link_services.link_response_change(
            tracking_id=tracking_id,
            standard_slug=data["standard"],
            label=data["version"],
            target=data["target"],
            target_key=data.get("target_key", ""),
            change_class=data["change_class"],
            reason=data.get("reason", ""),
            user=request.user,
            now=now,
        )
        shown = selectors_links.links_of_comments(comment_ids=[link.comment_id])
        (linked,) = [item for item in shown[link.comment_id] if item.id == link.pk]
        return Response(self.serializer_class(linked).data, status=status.HTTP_201_CREATED)


REASON_PARAMETER = OpenApiParameter(
    "reason", str, description="Why the link is removed (kept in history); or in the body."
)


class CommentResponseLinkDetailView(_StaffView):
    """One response link: DELETE removes it (204)."""

    serializer_class = s.ResponseLinkOutputSerializer

    @extend_schema(
        operation_id="comments_response_links_destroy",
        summary="Remove a response link",
        parameters=[REASON_PARAMETER],
        request=s.ResponseLinkDeleteInputSerializer,
        responses={
            204: None,
            400: error_response("`invalid` with `errors`."),
            404: error_response("`response_link_not_found`."),
        },
    )
    def delete(self, request, tracking_id, link_id):
        now = timezone.now()
        data = request.data if request.data else {"reason": request.query_params.get("reason", "")}
        reason = valid_input(s.ResponseLinkDeleteInputSerializer, data).get("reason", "")
        link_services.unlink_response_change(
            link_id=link_id, tracking_id=tracking_id, reason=reason, user=request.user, now=now
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


@staff.period_list_schema(
    "comment_periods_response_flags_list", "List a period's accepted comments that name no change"
)
class CommentPeriodResponseFlagsView(staff.PeriodListView):
    """A period's comments accepted or partially accepted whose response names no change yet,
    oldest first; pages by cursor."""

    queryset = Comment.objects.none()  # for the schema generator only
    serializer_class = s.FlaggedCommentOutputSerializer
    pagination_class = CommentKeysetPagination
    rows = staticmethod(selectors_links.response_flags)
