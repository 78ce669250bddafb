"""Comments: a period's published comments, submitting one (anyone, throttled), a comment's
receipt, and the staff's export of a period's comments. Moderation: ``views_moderation``;
periods: ``views_comment_periods``; the disposition report: ``views_disposition_report``.

Views are thin: they read the clock once (``now``), parse, call one service or selector and
serialize.
"""

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from standard_versions.api import submission_fast_path
from standard_versions.api.operations import (
    download_responses,
    error_response,
    list_operation,
    operation,
)
from standard_versions.api.pagination import CommentKeysetPagination
from standard_versions.api.permissions_comments import StaffRoleRequired
from standard_versions.api.renderers_comments import CSVRenderer, JSONLinesRenderer
from standard_versions.api.renderers_xlsx import XLSXRenderer, xlsx_download
from standard_versions.api.serializers import comments as s
from standard_versions.api.views import ContentAPIView
from standard_versions.api.views_comments_common import valid_input
from standard_versions.consultation import comments as comment_services
from standard_versions.consultation import (
    export_files,
    selectors_answers,
    selectors_campaigns,
    selectors_comments,
)
from standard_versions.consultation.comments import CommentSubmission
from standard_versions.errors import InvalidInput
from standard_versions.http.language import content_for
from standard_versions.http.throttling import CommentSubmissionThrottle
from standard_versions.models import Comment
from standard_versions.roles import EDITORS

IDEMPOTENCY_KEY_HEADER = OpenApiParameter(
    "Idempotency-Key",
    str,
    location=OpenApiParameter.HEADER,
    description="Up to 255 printable ASCII characters. A retry with the same key and the same "
    "body gets the same receipt and stores nothing new; another body gets 409.",
)
CAMPAIGNS_PARAMETER = OpenApiParameter(
    "campaigns",
    str,
    enum=["once", "each"],
    description=(
        "once (the default): a near-duplicate campaign (a form letter with personal edits) is "
        "listed once, as its first published member, with its `campaign` (how many published "
        "comments it has and where their added sentences are); each: every published comment."
    ),
)
EXPORT_FORMAT_PARAMETER = OpenApiParameter(
    "format",
    str,
    enum=["csv", "jsonl", "xlsx"],
    description=(
        "csv (the default), jsonl (JSON Lines, one comment per line) or xlsx (an Excel workbook "
        "with the CSV's columns and rows)."
    ),
)


class CommentPeriodCommentsView(ContentAPIView):
    """GET: the period's published comments. POST: submit a comment (anyone, throttled)."""

    queryset = Comment.objects.none()  # for the schema generator only
    allow_anonymous_writes = True
    serializer_class = s.PublishedCommentOutputSerializer
    pagination_class = CommentKeysetPagination
    # An anonymous, valid JSON submission is answered by ``submission_fast_path`` without DRF's
    # request machinery, as this view would answer it, before the request reaches the view
    # (``api/submission_middleware.py``); everything else comes here. Tests turn it off to
    # compare the two.
    fast_path = True

    def get_throttles(self):
        return [CommentSubmissionThrottle()] if self.request.method == "POST" else []

    @list_operation(
        "comment_periods_comments_list",
        "List a period's published comments",
        serializer_class,
        parameters=[CAMPAIGNS_PARAMETER],
        refusals={400: error_response("`invalid_cursor`, or `invalid` with `errors`.")},
    )
    def get(self, request, period_id):
        """The period's published comments; a near-duplicate campaign once (``campaign``)."""
        query = valid_input(s.PublishedCommentsQueryInputSerializer, request.query_params)
        period = selectors_comments.period_get(period_id=period_id)
        comments = selectors_comments.published_comments(
            period=period, one_per_campaign=query["campaigns"] == "once"
        )
        page = self.paginate_queryset(comments)
        selectors_campaigns.attach_public_campaigns(page)
        data = self.serializer_class(page, many=True, context={"request": request}).data
        return self.get_paginated_response(data)

    @operation(
        "comment_periods_comments_create",
        "Submit a comment",
        s.CommentSubmittedOutputSerializer,
        status=201,
        refusals={
            400: error_response(
                "`criterion_not_in_scope`, `comment_body_empty`, `comment_body_too_long`, "
                "`proposed_text_too_long`, `invalid_text`, `invalid_idempotency_key`, or "
                "`invalid` with `errors`. Nothing was stored."
            ),
            403: error_response(
                "`comment_period_not_open` (before opens_at), `comment_period_closed` (at or "
                "after closes_at), `version_not_draft` (the period's version is no longer a "
                "draft: comments are accepted only on drafts), or `permission_denied` (a session "
                "request without its CSRF token)."
            ),
            409: error_response(
                "`idempotency_key_reused`: the Idempotency-Key was used with another body."
            ),
        },
        request=s.CommentSubmitInputSerializer,
        parameters=[IDEMPOTENCY_KEY_HEADER],
        examples=[
            OpenApiExample(
                "A technical comment on DM7",
                request_only=True,
                value={
                    "criterion": "DM7",
                    "body": "Please say how often the inventory is reviewed.",
                    "proposed_text": "... reviewed at least once a year ...",
                    "type": "technical",
                    "language": "en",
                    "name": "Ana Silva",
                    "organization": "City of Somewhere",
                    "identity_public": True,
                    "email": "ana@example.org",
                },
            )
        ],
    )
    def post(self, request, period_id):
        """Submit a comment (anyone, throttled). Answers 201 with a receipt; the same
        `Idempotency-Key` with the same body returns the same receipt."""
        now = timezone.now()
        key = _idempotency_key(request)
        data = valid_input(s.CommentSubmitInputSerializer, request.data)
        result = comment_services.submit(
            submission=CommentSubmission.from_input(data, period_id=period_id),
            idempotency_key=key,
            now=now,
        )
        body = s.CommentSubmittedOutputSerializer(result.comment, context={"request": request}).data
        response = Response(body, status=status.HTTP_201_CREATED)
        response["Location"] = body["receipt_url"]
        if result.replayed:
            response["Idempotent-Replayed"] = "true"
        return response


class CommentReceiptView(ContentAPIView):
    serializer_class = s.CommentReceiptDetailOutputSerializer

    @operation("comments_retrieve", "Get a comment's receipt", serializer_class)
    def get(self, request, tracking_id):
        """A comment's receipt and current status, by its tracking id (never its email address).
        ``answer`` is computed at the request (its status moves with the clock: pending until
        the window's end, then assumed_satisfied); the receipt is never stored by a cache."""
        now = timezone.now()
        receipt = selectors_comments.comment_receipt(tracking_id=tracking_id)
        answer = selectors_answers.answer_of(receipt.comment)
        context = {
            "answer_state": selectors_answers.answer_state(receipt.comment, answer, now=now),
            "request": request,
            "criterion_change": receipt.criterion_change,
            "criterion": receipt.criterion,
            "title_when_commented": receipt.title_when_commented,
            "response_links": receipt.response_links,
            # The criterion's title in the reader's language (one query, none in English).
            "content": content_for(request, versions=[receipt.comment.period.version]),
        }
        response = Response(self.serializer_class(receipt.comment, context=context).data)
        # The body changes with the clock alone (the answer window's end): never reused unseen.
        response["Cache-Control"] = "no-cache"
        return response


class CommentPeriodExportView(ContentAPIView):
    """Staff: every comment of the period (all states, with contact details), streamed as CSV
    (``?format=csv``, the default) or JSON Lines (``?format=jsonl``) in constant memory, or as
    an XLSX workbook (``?format=xlsx``) built in a temporary file. CSV ends with a last row
    `#end_of_export,N` and JSON Lines with a last line `{"end_of_export": {"rows": N}}` (N: the
    rows before it): an export without it was cut short. For a large period, request an export
    job instead (`POST .../exports/`)."""

    permission_classes = [StaffRoleRequired]
    required_role = EDITORS
    renderer_classes = [CSVRenderer, JSONLinesRenderer, XLSXRenderer, JSONRenderer]

    @extend_schema(
        summary="Export a period's comments",
        parameters=[EXPORT_FORMAT_PARAMETER],
        responses={
            **download_responses("csv", "jsonl", "xlsx"),
            400: error_response(
                "`export_too_large_for_xlsx`: more rows than a spreadsheet holds (1,048,575); "
                "CSV and JSON Lines have no limit."
            ),
        },
        operation_id="comment_periods_export",
    )
    def get(self, request, period_id):
        period = selectors_comments.period_get(period_id=period_id)
        rows = selectors_comments.export_rows(period=period)
        name = f"comment-period-{period.pk}-comments"
        if request.accepted_renderer.format == "xlsx":
            response = xlsx_download(
                sheet_title="Comments",
                columns=selectors_comments.EXPORT_FIELDS,
                rows=export_files.xlsx_rows(rows),
                filename=f"{name}.xlsx",
            )
            response["Cache-Control"] = "private, no-store"
            return response
        if request.accepted_renderer.format == "jsonl":
            chunks, suffix = export_files.jsonl_chunks(rows), "jsonl"
        else:
            chunks, suffix = export_files.csv_chunks(rows), "csv"
        response = StreamingHttpResponse(chunks, content_type=export_files.MEDIA_TYPES[suffix])
        response["Content-Disposition"] = f'attachment; filename="{name}.{suffix}"'
        response["Cache-Control"] = "private, no-store"
        return response


def _idempotency_key(request) -> str | None:
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    if not submission_fast_path.valid_idempotency_key(key):
        raise InvalidInput(
            _("The Idempotency-Key header must be 1 to 255 printable ASCII characters."),
            code="invalid_idempotency_key",
        )
    return key
