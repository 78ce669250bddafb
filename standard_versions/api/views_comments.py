"""Comment periods and comments: public reading and submitting, staff period management,
moderation, responses, campaigns, exports and the disposition report.

Views are thin: they read the clock once (``now``), parse, call one service or selector and
serialize.
"""

import csv
import datetime as dt
import json

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from standard_versions.api.permissions_comments import StaffRoleRequired
from standard_versions.api.renderers import BrowsableAPIRenderer
from standard_versions.api.renderers_comments import (
    BOM,
    FORMULA_STARTS,
    LINE_END,
    CSVRenderer,
    JSONLinesRenderer,
    safe_cell,
)
from standard_versions.api.renderers_xlsx import XLSX_MEDIA_TYPE, XLSXRenderer, xlsx_download
from standard_versions.api.serializers import comments as s
from standard_versions.api.views import ContentAPIView
from standard_versions.consultation import comments as comment_services
from standard_versions.consultation import periods as period_services
from standard_versions.consultation import selectors_comments
from standard_versions.errors import InvalidInput
from standard_versions.http.language import content_for
from standard_versions.http.throttling import CommentSubmissionThrottle
from standard_versions.models import Comment, CommentPeriod
from standard_versions.roles import EDITORS, PUBLISHERS
from standard_versions.standards import selectors

IDEMPOTENCY_KEY_HEADER = OpenApiParameter(
    "Idempotency-Key",
    str,
    location=OpenApiParameter.HEADER,
    description="Up to 255 printable ASCII characters. A retry with the same key and the same "
    "body gets the same receipt and stores nothing new; another body gets 409.",
)
STATUS_PARAMETER = OpenApiParameter(
    "status", str, enum=["scheduled", "open", "closed"], description="Only periods in this state."
)
STATE_PARAMETER = OpenApiParameter(
    "state",
    str,
    enum=["received", "published", "withheld"],
    description="Only comments in this moderation state (400 invalid_state otherwise).",
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


def _error(description: str) -> OpenApiResponse:
    """An error response of one view: the body is the shared Error (api/schema_errors.py)."""
    return OpenApiResponse(description=description)


INVALID_TIME = "`datetime_without_offset`, `datetime_out_of_range`"


class _PeriodView(ContentAPIView):
    def context(self, *, periods=(), **extra):
        # Instructions are translatable content of the periods' versions (one query for all).
        versions = list({period.version_id: period.version for period in periods}.values())
        content = content_for(self.request, versions=versions)
        return self.serializer_context(content=content, **extra)

    def period_data(self, period, *, now: dt.datetime) -> dict:
        selectors_comments.attach_scope_codes([period])
        context = self.context(periods=[period], now=now)
        return s.CommentPeriodOutputSerializer(period, context=context).data


class CommentPeriodListView(_PeriodView):
    required_role = PUBLISHERS
    queryset = CommentPeriod.objects.none()  # for the schema generator only
    serializer_class = s.CommentPeriodOutputSerializer

    @extend_schema(
        summary="List comment periods",
        parameters=[STATUS_PARAMETER],
        responses={
            200: s.CommentPeriodOutputSerializer(many=True),
            400: _error("`invalid_status`: status is not scheduled, open or closed."),
        },
        operation_id="comment_periods_list",
    )
    def get(self, request):
        """Comment periods, soonest first; `?status=open|scheduled|closed` filters."""
        now = timezone.now()
        periods = selectors_comments.period_list(status=request.query_params.get("status"), now=now)
        page = selectors_comments.attach_scope_codes(self.paginate_queryset(periods))
        context = self.context(periods=page, now=now)
        data = self.serializer_class(page, many=True, context=context).data
        return self.get_paginated_response(data)

    @extend_schema(
        summary="Open a comment period on a draft",
        request=s.CommentPeriodCreateInputSerializer,
        responses={
            201: s.CommentPeriodOutputSerializer,
            400: _error(
                "`closes_at_not_after_opens_at`, `criterion_not_in_version`, `scope_empty`, "
                f"`invalid_timezone`, {INVALID_TIME}, `version_not_found` (the standard or "
                "version named in the body), `instructions_too_long`, or `invalid` with `errors`."
            ),
            409: _error("`version_not_draft`: periods are opened only on drafts."),
        },
        examples=[
            OpenApiExample(
                "Two weeks on two criteria",
                request_only=True,
                value={
                    "standard": "wwc",
                    "version": "demo",
                    "opens_at": "2030-04-14T00:00:00-04:00",
                    "closes_at": "2030-04-28T00:00:00-04:00",
                    "timezone": "America/New_York",
                    "criteria": ["DM7", "DM8"],
                    "instructions": "Comment on the **new** criteria.",
                    "reason": "Spring consultation",
                },
            )
        ],
        operation_id="comment_periods_create",
    )
    def post(self, request):
        """Staff (publishers): open a comment period on a draft, for the whole version or some
        criteria."""
        now = timezone.now()
        data = _valid(s.CommentPeriodCreateInputSerializer, request.data)
        period = period_services.create_period(
            standard_slug=data["standard"],
            label=data["version"],
            opens_at=data["opens_at"],
            closes_at=data["closes_at"],
            timezone=data["timezone"],
            criteria=data["criteria"],
            instructions=data["instructions"],
            user=request.user,
            reason=data["reason"],
            now=now,
        )
        return Response(self.period_data(period, now=now), status=status.HTTP_201_CREATED)


class CommentPeriodDetailView(_PeriodView):
    serializer_class = s.CommentPeriodOutputSerializer

    @extend_schema(
        summary="Get a comment period",
        responses={200: s.CommentPeriodOutputSerializer},
        operation_id="comment_periods_retrieve",
    )
    def get(self, request, period_id):
        """One comment period with its status, dates and scope."""
        now = timezone.now()
        period = selectors_comments.period_get(period_id=period_id)
        return Response(self.period_data(period, now=now))


class _PeriodClosingTimeView(_PeriodView):
    """POST ``{closes_at, reason}``: give the period a new closing time with
    ``change_closing_time`` (a service of ``services.periods``); publishers only."""

    required_role = PUBLISHERS
    serializer_class = s.CommentPeriodOutputSerializer
    change_closing_time = None

    def post(self, request, period_id):
        now = timezone.now()
        data = _valid(s.CommentPeriodExtendInputSerializer, request.data)
        period = type(self).change_closing_time(
            period_id=period_id,
            closes_at=data["closes_at"],
            user=request.user,
            reason=data["reason"],
            now=now,
        )
        return Response(self.period_data(period, now=now))


def _closing_time_schema(operation_id: str, *, summary: str, refusals: dict, example: dict):
    return extend_schema_view(
        post=extend_schema(
            summary=summary,
            request=s.CommentPeriodExtendInputSerializer,
            responses={200: s.CommentPeriodOutputSerializer, **refusals},
            examples=[OpenApiExample(summary, request_only=True, value=example)],
            operation_id=operation_id,
        )
    )


@_closing_time_schema(
    "comment_periods_extend",
    summary="Extend a comment period",
    refusals={
        400: _error(
            f"`reason_required`, `closes_at_not_later` (it must close later), {INVALID_TIME}, "
            "or `invalid` with `errors`."
        ),
        409: _error("`comment_period_closed` (reopen it instead) or `version_not_draft`."),
    },
    example={"closes_at": "2030-05-05T00:00:00-04:00", "reason": "Requests from several cities"},
)
class CommentPeriodExtendView(_PeriodClosingTimeView):
    """Move a scheduled or open period's closing time later (publishers; a reason is required)."""

    change_closing_time = staticmethod(period_services.extend_period)


@_closing_time_schema(
    "comment_periods_reopen",
    summary="Reopen a closed comment period",
    refusals={
        400: _error(
            f"`reason_required`, `closes_at_not_in_future`, {INVALID_TIME}, or `invalid` with "
            "`errors`."
        ),
        409: _error("`comment_period_not_closed` or `version_not_draft`."),
    },
    example={"closes_at": "2030-05-12T00:00:00-04:00", "reason": "The form was down"},
)
class CommentPeriodReopenView(_PeriodClosingTimeView):
    """Open a closed period again, from now until the new closing time (publishers; a reason is
    required)."""

    change_closing_time = staticmethod(period_services.reopen_period)


class CommentPeriodCloseView(_PeriodView):
    required_role = PUBLISHERS
    serializer_class = s.CommentPeriodOutputSerializer

    @extend_schema(
        summary="Close a comment period early",
        request=s.CommentPeriodCloseInputSerializer,
        responses={
            200: s.CommentPeriodOutputSerializer,
            400: _error("`reason_required`, or `invalid` with `errors`."),
            409: _error(
                "`comment_period_closed` (already closed) or `comment_period_not_open` (scheduled)."
            ),
        },
        examples=[
            OpenApiExample(
                "Close now",
                request_only=True,
                value={"reason": "Draft withdrawn for rework"},
            )
        ],
        operation_id="comment_periods_close",
    )
    def post(self, request, period_id):
        """Staff (publishers): close an open period now, with a reason."""
        now = timezone.now()
        data = _valid(s.CommentPeriodCloseInputSerializer, request.data)
        period = period_services.close_period_early(
            period_id=period_id, user=request.user, reason=data["reason"], now=now
        )
        return Response(self.period_data(period, now=now))


class CommentPeriodCommentsView(ContentAPIView):
    """GET: the period's published comments. POST: submit a comment (anyone, throttled)."""

    queryset = Comment.objects.none()  # for the schema generator only
    allow_anonymous_writes = True
    serializer_class = s.PublishedCommentOutputSerializer

    def get_throttles(self):
        return [CommentSubmissionThrottle()] if self.request.method == "POST" else []

    @extend_schema(
        summary="List a period's published comments",
        responses={200: s.PublishedCommentOutputSerializer(many=True)},
        operation_id="comment_periods_comments_list",
    )
    def get(self, request, period_id):
        """The period's published comments."""
        period = selectors_comments.period_get(period_id=period_id)
        page = self.paginate_queryset(selectors_comments.published_comments(period=period))
        data = self.serializer_class(page, many=True, context={"request": request}).data
        return self.get_paginated_response(data)

    @extend_schema(
        request=s.CommentSubmitInputSerializer,
        parameters=[IDEMPOTENCY_KEY_HEADER],
        summary="Submit a comment",
        responses={
            201: s.CommentReceiptOutputSerializer,
            400: _error(
                "`criterion_not_in_scope`, `comment_body_empty`, `comment_body_too_long`, "
                "`proposed_text_too_long`, `invalid_text`, `invalid_idempotency_key`, or "
                "`invalid` with `errors`. Nothing was stored."
            ),
            403: _error(
                "`comment_period_not_open` (before opens_at), `comment_period_closed` (at or "
                "after closes_at), `version_not_draft` (the period's version is no longer a "
                "draft: comments are accepted only on drafts), or `permission_denied` (a session "
                "request without its CSRF token)."
            ),
            409: _error(
                "`idempotency_key_reused`: the Idempotency-Key was used with another body."
            ),
        },
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
        operation_id="comment_periods_comments_create",
    )
    def post(self, request, period_id):
        """Submit a comment (anyone, throttled). Answers 201 with a receipt; the same
        `Idempotency-Key` with the same body returns the same receipt."""
        now = timezone.now()
        key = _idempotency_key(request)
        data = _valid(s.CommentSubmitInputSerializer, request.data)
        result = comment_services.submit_comment(
            period_id=period_id,
            criterion_code=data["criterion"] or "",
            body=data["body"],
            proposed_text=data["proposed_text"],
            type=data["type"],
            language=data["language"],
            name=data["name"],
            organization=data["organization"],
            identity_public=data["identity_public"],
            email=data["email"],
            idempotency_key=key,
            now=now,
        )
        body = s.CommentReceiptOutputSerializer(result.comment, context={"request": request}).data
        response = Response(body, status=status.HTTP_201_CREATED)
        response["Location"] = body["receipt_url"]
        if result.replayed:
            response["Idempotent-Replayed"] = "true"
        return response


class CommentReceiptView(ContentAPIView):
    serializer_class = s.CommentReceiptDetailOutputSerializer

    @extend_schema(
        summary="Get a comment's receipt",
        responses={200: s.CommentReceiptDetailOutputSerializer},
        operation_id="comments_retrieve",
    )
    def get(self, request, tracking_id):
        """A comment's receipt and current status, by its tracking id (never its email address)."""
        receipt = selectors_comments.comment_receipt(tracking_id=tracking_id)
        context = {
            "request": request,
            "criterion_change": receipt.criterion_change,
            "criterion": receipt.criterion,
            "title_when_commented": receipt.title_when_commented,
            # The criterion's title in the reader's language (one query, none in English).
            "content": content_for(request, versions=[receipt.comment.period.version]),
        }
        return Response(self.serializer_class(receipt.comment, context=context).data)


class CommentModerateView(ContentAPIView):
    required_role = EDITORS
    serializer_class = s.StaffCommentOutputSerializer

    @extend_schema(
        summary="Publish or withhold a comment",
        request=s.CommentModerateInputSerializer,
        responses={
            200: s.StaffCommentOutputSerializer,
            400: _error(
                "`invalid_moderation_state`, `reason_required` (withholding), or `invalid` with "
                "`errors`."
            ),
        },
        operation_id="comments_moderate",
    )
    def post(self, request, tracking_id):
        """Staff (editors): publish or withhold a comment (withholding needs a reason)."""
        now = timezone.now()
        data = _valid(s.CommentModerateInputSerializer, request.data)
        comment = comment_services.moderate_comment(
            tracking_id=tracking_id,
            state=data["state"],
            reason=data["reason"],
            user=request.user,
            now=now,
        )
        return Response(self.serializer_class(comment).data)


class CommentRespondView(ContentAPIView):
    required_role = EDITORS
    serializer_class = s.StaffCommentOutputSerializer

    @extend_schema(
        summary="Answer a comment",
        request=s.CommentRespondInputSerializer,
        responses={
            200: s.StaffCommentOutputSerializer,
            400: _error(
                "`invalid_disposition`, `response_required`, `response_too_long`, or `invalid` "
                "with `errors`."
            ),
        },
        operation_id="comments_respond",
    )
    def post(self, request, tracking_id):
        """Staff (editors): record a comment's disposition and the response to it."""
        now = timezone.now()
        data = _valid(s.CommentRespondInputSerializer, request.data)
        comment = comment_services.respond_to_comment(
            tracking_id=tracking_id,
            disposition=data["disposition"],
            response=data["response"],
            reason=data["reason"],
            user=request.user,
            now=now,
        )
        return Response(self.serializer_class(comment).data)


class CommentPeriodModerationView(ContentAPIView):
    """Staff: every comment of the period, with contact details; ``?state=`` filters."""

    queryset = Comment.objects.none()  # for the schema generator only
    permission_classes = [StaffRoleRequired]
    required_role = EDITORS
    serializer_class = s.StaffCommentOutputSerializer

    @extend_schema(
        summary="List a period's comments for moderation",
        parameters=[STATE_PARAMETER],
        responses={200: s.StaffCommentOutputSerializer(many=True)},
        operation_id="comment_periods_moderation_list",
    )
    def get(self, request, period_id):
        period = selectors_comments.period_get(period_id=period_id)
        comments = selectors_comments.staff_comments(
            period=period, state=request.query_params.get("state")
        )
        page = self.paginate_queryset(comments)
        return self.get_paginated_response(self.serializer_class(page, many=True).data)


class CommentPeriodCampaignsView(ContentAPIView):
    """Staff: groups of identical or near-identical comments, with counts."""

    queryset = Comment.objects.none()  # for the schema generator only
    permission_classes = [StaffRoleRequired]
    required_role = EDITORS
    serializer_class = s.CampaignOutputSerializer

    @extend_schema(
        summary="List a period's campaigns",
        responses={200: s.CampaignOutputSerializer(many=True)},
        operation_id="comment_periods_campaigns_list",
    )
    def get(self, request, period_id):
        period = selectors_comments.period_get(period_id=period_id)
        page = self.paginate_queryset(selectors_comments.campaigns(period=period))
        return self.get_paginated_response(self.serializer_class(page, many=True).data)


class CommentPeriodExportView(ContentAPIView):
    """Staff: every comment of the period (all states, with contact details), streamed as CSV
    (``?format=csv``, the default) or JSON Lines (``?format=jsonl``) in constant memory, or as
    an XLSX workbook (``?format=xlsx``) built in a temporary file."""

    permission_classes = [StaffRoleRequired]
    required_role = EDITORS
    renderer_classes = [CSVRenderer, JSONLinesRenderer, XLSXRenderer, JSONRenderer]

    @extend_schema(
        summary="Export a period's comments",
        parameters=[EXPORT_FORMAT_PARAMETER],
        responses={
            (200, "text/csv"): OpenApiTypes.STR,
            (200, "application/jsonl"): OpenApiTypes.STR,
            (200, XLSX_MEDIA_TYPE): OpenApiTypes.BINARY,
            400: _error(
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
                rows=((_export_value(value) for value in row) for row in rows),
                filename=f"{name}.xlsx",
            )
            response["Cache-Control"] = "private, no-store"
            return response
        if request.accepted_renderer.format == "jsonl":
            chunks, content_type, suffix = _jsonl_chunks(rows), "application/jsonl", "jsonl"
        else:
            chunks, content_type, suffix = _csv_chunks(rows), "text/csv; charset=utf-8", "csv"
        response = StreamingHttpResponse(chunks, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{name}.{suffix}"'
        response["Cache-Control"] = "private, no-store"
        return response


class DispositionReportView(ContentAPIView):
    """Every published comment on a version, by criterion, with its disposition and response.
    JSON, or a download: CSV with ``?format=csv``, XLSX with ``?format=xlsx``."""

    serializer_class = s.DispositionReportOutputSerializer
    renderer_classes = [JSONRenderer, CSVRenderer, XLSXRenderer, BrowsableAPIRenderer]

    @extend_schema(
        responses={
            200: s.DispositionReportOutputSerializer,
            (200, "text/csv"): OpenApiTypes.STR,
            (200, XLSX_MEDIA_TYPE): OpenApiTypes.BINARY,
        },
        summary="Get a version's disposition report",
        parameters=[
            OpenApiParameter(
                "format",
                str,
                enum=["json", "csv", "xlsx"],
                description=(
                    "json (the default), csv (one row per comment) or xlsx (an Excel workbook "
                    "of the same rows)."
                ),
            )
        ],
        operation_id="disposition_report_retrieve",
    )
    def get(self, request, std, label):
        now = timezone.now()
        version = selectors.version_get(standard_slug=std, label=label)
        report = selectors_comments.disposition_report(version=version)
        # The version's translations (the criteria's titles, the periods' instructions) cost the
        # same one query as the standard's alone.
        content = content_for(request, versions=[version])
        context = self.serializer_context(content=content, now=now)
        response = Response(self.serializer_class(report, context=context).data)
        suffix = request.accepted_renderer.format
        if suffix in ("csv", "xlsx"):
            response["Content-Disposition"] = (
                f'attachment; filename="{std}-{label}-disposition-report.{suffix}"'
            )
        return response


def _valid(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _idempotency_key(request) -> str | None:
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    if not 1 <= len(key) <= 255 or not all(" " <= char <= "~" for char in key):
        raise InvalidInput(
            _("The Idempotency-Key header must be 1 to 255 printable ASCII characters."),
            code="invalid_idempotency_key",
        )
    return key


def _export_value(value):
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


EXPORT_BATCH_ROWS = 500


def _csv_chunks(rows):
    # For Excel: a byte order mark, then CRLF rows (renderers_comments).
    writer = csv.writer(_Echo(), lineterminator=LINE_END)
    yield BOM + writer.writerow(selectors_comments.EXPORT_FIELDS)
    batch: list[str] = []
    for row in rows:
        batch.append(writer.writerow([_csv_cell(value) for value in row]))
        if len(batch) >= EXPORT_BATCH_ROWS:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def _csv_cell(value):
    # Inlined for the common cases: an export may have millions of rows of 20 cells.
    if value.__class__ is str:
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    if value is None:
        return ""
    return safe_cell(_export_value(value))


def _jsonl_chunks(rows):
    fields = selectors_comments.EXPORT_FIELDS
    batch: list[str] = []
    for row in rows:
        record = {name: _export_value(value) for name, value in zip(fields, row, strict=True)}
        batch.append(json.dumps(record, ensure_ascii=False) + "\n")
        if len(batch) >= EXPORT_BATCH_ROWS:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)
