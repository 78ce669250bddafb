"""Comment periods: listing and reading them, and the staff's opening, extending, reopening and
closing them early (publishers).

Views are thin: they read the clock once (``now``), parse, call one service or selector and
serialize.
"""

import datetime as dt

from django.utils import timezone
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema_view,
)
from rest_framework import status
from rest_framework.response import Response

from standard_versions.api.operations import error_response, list_operation, operation
from standard_versions.api.serializers import comment_periods as s
from standard_versions.api.views import ContentAPIView
from standard_versions.api.views_comments_common import valid_input
from standard_versions.consultation import answers as answer_services
from standard_versions.consultation import periods as period_services
from standard_versions.consultation import selectors_comments
from standard_versions.http.language import content_for
from standard_versions.models import CommentPeriod
from standard_versions.roles import PUBLISHERS

STATUS_PARAMETER = OpenApiParameter(
    "status", str, enum=["scheduled", "open", "closed"], description="Only periods in this state."
)
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

    @list_operation(
        "comment_periods_list",
        "List comment periods",
        serializer_class,
        refusals={
            400: error_response("`invalid_status`: status is not scheduled, open or closed.")
        },
        parameters=[STATUS_PARAMETER],
    )
    def get(self, request):
        """Comment periods, soonest first; `?status=open|scheduled|closed` filters."""
        now = timezone.now()
        periods = selectors_comments.period_list(status=request.query_params.get("status"), now=now)
        page = selectors_comments.attach_scope_codes(self.paginate_queryset(periods))
        context = self.context(periods=page, now=now)
        data = self.serializer_class(page, many=True, context=context).data
        return self.get_paginated_response(data)

    @operation(
        "comment_periods_create",
        "Open a comment period on a draft",
        serializer_class,
        status=201,
        refusals={
            400: error_response(
                "`closes_at_not_after_opens_at`, `criterion_not_in_version`, `scope_empty`, "
                f"`invalid_timezone`, {INVALID_TIME}, `version_not_found` (the standard or "
                "version named in the body), `instructions_too_long`, "
                "`answer_window_out_of_range`, or `invalid` with `errors`."
            ),
            409: error_response("`version_not_draft`: periods are opened only on drafts."),
        },
        request=s.CommentPeriodCreateInputSerializer,
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
    )
    def post(self, request):
        """Staff (publishers): open a comment period on a draft, for the whole version or some
        criteria."""
        now = timezone.now()
        data = valid_input(s.CommentPeriodCreateInputSerializer, request.data)
        period = period_services.create_period(
            standard_slug=data["standard"],
            label=data["version"],
            opens_at=data["opens_at"],
            closes_at=data["closes_at"],
            timezone=data["timezone"],
            criteria=data["criteria"],
            instructions=data["instructions"],
            answer_window_days=data["answer_window_days"],
            user=request.user,
            reason=data["reason"],
            now=now,
        )
        return Response(self.period_data(period, now=now), status=status.HTTP_201_CREATED)


class CommentPeriodDetailView(_PeriodView):
    required_role = PUBLISHERS
    serializer_class = s.CommentPeriodOutputSerializer

    @operation("comment_periods_retrieve", "Get a comment period", serializer_class)
    def get(self, request, period_id):
        """One comment period with its status, dates and scope."""
        now = timezone.now()
        period = selectors_comments.period_get(period_id=period_id)
        return Response(self.period_data(period, now=now))

    @operation(
        "comment_periods_partial_update",
        "Set a period's answer window",
        serializer_class,
        request=s.CommentPeriodUpdateInputSerializer,
        refusals={
            400: error_response(
                "`answer_window_out_of_range` (1 to 365 days), or `invalid` with `errors`."
            ),
        },
    )
    def patch(self, request, period_id):
        """Staff (publishers): how many days commenters have to accept or object to a response,
        counted from each response (it applies to the period's responses already given)."""
        now = timezone.now()
        data = valid_input(s.CommentPeriodUpdateInputSerializer, request.data)
        answer_services.set_answer_window(
            period_id=period_id,
            days=data["answer_window_days"],
            user=request.user,
            reason=data["reason"],
            now=now,
        )
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
        data = valid_input(s.CommentPeriodExtendInputSerializer, request.data)
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
        post=operation(
            operation_id,
            summary,
            s.CommentPeriodOutputSerializer,
            refusals=refusals,
            request=s.CommentPeriodExtendInputSerializer,
            examples=[OpenApiExample(summary, request_only=True, value=example)],
        )
    )


@_closing_time_schema(
    "comment_periods_extend",
    summary="Extend a comment period",
    refusals={
        400: error_response(
            f"`reason_required`, `closes_at_not_later` (it must close later), {INVALID_TIME}, "
            "or `invalid` with `errors`."
        ),
        409: error_response("`comment_period_closed` (reopen it instead) or `version_not_draft`."),
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
        400: error_response(
            f"`reason_required`, `closes_at_not_in_future`, {INVALID_TIME}, or `invalid` with "
            "`errors`."
        ),
        409: error_response("`comment_period_not_closed` or `version_not_draft`."),
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

    @operation(
        "comment_periods_close",
        "Close a comment period early",
        serializer_class,
        refusals={
            400: error_response("`reason_required`, or `invalid` with `errors`."),
            409: error_response(
                "`comment_period_closed` (already closed) or `comment_period_not_open` (scheduled)."
            ),
        },
        request=s.CommentPeriodCloseInputSerializer,
        examples=[
            OpenApiExample(
                "Close now",
                request_only=True,
                value={"reason": "Draft withdrawn for rework"},
            )
        ],
    )
    def post(self, request, period_id):
        """Staff (publishers): close an open period now, with a reason."""
        now = timezone.now()
        data = valid_input(s.CommentPeriodCloseInputSerializer, request.data)
        period = period_services.close_period_early(
            period_id=period_id, user=request.user, reason=data["reason"], now=now
        )
        return Response(self.period_data(period, now=now))
