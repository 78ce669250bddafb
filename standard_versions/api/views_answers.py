"""The commenter's answer to a response: accepting or objecting (anyone holding the answer key,
throttled like submitting), staff moderating an objection and replying to it once (editors), and
a period's open objections (editors).

Views are thin: they read the clock once (``now``), parse, call one service or selector and
serialize.
"""

from django.utils import timezone
from rest_framework import status
from rest_framework.response import Response

from standard_versions.api import views_staff as staff
from standard_versions.api.operations import error_response, operation
from standard_versions.api.pagination import StandardPagination
from standard_versions.api.serializers import answers as s
from standard_versions.api.views import ContentAPIView
from standard_versions.api.views_comments_common import valid_input
from standard_versions.consultation import answers as answer_services
from standard_versions.consultation import selectors_answers
from standard_versions.http.throttling import CommentSubmissionThrottle
from standard_versions.models import CommenterAnswer


class CommenterAnswerView(ContentAPIView):
    """POST: the commenter accepts the response or objects to it, with the answer key."""

    allow_anonymous_writes = True
    serializer_class = s.CommenterAnswerOutputSerializer

    def get_throttles(self):
        return [CommentSubmissionThrottle()]

    @operation(
        "comments_answer_create",
        "Accept or object to the response to a comment",
        serializer_class,
        status=201,
        request=s.CommenterAnswerInputSerializer,
        refusals={
            400: error_response(
                "`invalid_answer_kind`, `objection_text_required`, `answer_text_not_allowed` "
                "(a text with an acceptance), `objection_too_long`, `invalid_text` (control "
                "characters), or `invalid` with `errors`. Nothing was stored."
            ),
            403: error_response(
                "`answer_key_invalid`: the key is not this comment's answer key; or "
                "`permission_denied` (a session request without its CSRF token)."
            ),
            404: error_response("`comment_not_found`."),
            409: error_response(
                "`no_response_yet` (no public response), `answer_window_closed` (at or after "
                "the window's end), or `already_answered` (one answer per comment)."
            ),
        },
    )
    def post(self, request, tracking_id):
        """Anyone holding the comment's answer key (given only to its submitter): accept the
        response, or object to it with a short text, before the answer window ends. One answer
        per comment; an objection is public once staff publish it."""
        now = timezone.now()
        data = valid_input(s.CommenterAnswerInputSerializer, request.data)
        answer = answer_services.answer_response(tracking_id=tracking_id, now=now, **data)
        body = self.serializer_class(answer, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)


NO_OBJECTION = {404: error_response("`objection_not_found`: the response has no objection.")}


@staff.change_schema(
    "comments_answer_moderate",
    summary="Publish or withhold an objection",
    invalid="`invalid_moderation_state`, `reason_required` (withholding), `invalid_text`, or "
    "`invalid` with `errors`.",
    refusals=NO_OBJECTION,
)
class ObjectionModerateView(staff.ChangeView):
    """Staff (editors): publish or withhold an objection (withholding needs a reason)."""

    serializer_class = s.StaffAnswerOutputSerializer
    input_serializer = s.AnswerModerateInputSerializer
    change = staticmethod(answer_services.moderate_answer)


@staff.change_schema(
    "comments_answer_reply",
    summary="Reply to an objection (once)",
    invalid="`reply_required`, `reply_too_long`, `invalid_text`, or `invalid` with `errors`.",
    refusals={
        **NO_OBJECTION,
        409: error_response("`already_replied`: staff reply to an objection once."),
    },
)
class ObjectionReplyView(staff.ChangeView):
    """Staff (editors): the one reply to an objection."""

    serializer_class = s.StaffAnswerOutputSerializer
    input_serializer = s.ObjectionReplyInputSerializer
    change = staticmethod(answer_services.reply_to_objection)


@staff.period_list_schema("comment_periods_objections_list", "List a period's open objections")
class CommentPeriodObjectionsView(staff.PeriodListView):
    """Staff: the period's objections not yet replied to, oldest first."""

    queryset = CommenterAnswer.objects.none()  # for the schema generator only
    serializer_class = s.StaffAnswerOutputSerializer
    pagination_class = StandardPagination
    rows = staticmethod(selectors_answers.open_objections)
