"""Staff authoring API and point-in-time reads.

The read views of ``views`` are extended here (same URLs): ``?as_of=`` on the version tree and the
criteria, and the writes (POST a draft, POST/PATCH/DELETE criteria). Without ``as_of`` a GET is
answered by the read view unchanged. Writes read the clock once and hand it to one service, with
the ``If-Match`` header as a ``Precondition``.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.reverse import reverse

from standard_versions.api import views
from standard_versions.api.serializers import authoring as authoring_serializers
from standard_versions.api.serializers import standards as serializers
from standard_versions.errors import InvalidInput, NotFound
from standard_versions.http.caching import version_etag
from standard_versions.http.language import content_for, response_language
from standard_versions.models import Criterion
from standard_versions.roles import PUBLISHERS
from standard_versions.standards import criteria as criterion_services
from standard_versions.standards import drafts as draft_services
from standard_versions.standards import practice_areas as area_services
from standard_versions.standards import requirements as requirement_services
from standard_versions.standards import selectors, selectors_history
from standard_versions.standards.preconditions import Precondition

AS_OF_PARAMETER = OpenApiParameter(
    "as_of",
    # Both forms, so clients (and the schema fuzzer) know a date alone is an instant too.
    {"oneOf": [{"type": "string", "format": "date-time"}, {"type": "string", "format": "date"}]},
    description="ISO 8601 instant (e.g. 2026-04-14T12:00:00Z; a date alone is its start in UTC): "
    "the text as stored at that moment. Before the object existed: 404 not_found_at_time; "
    "malformed: 400 invalid_as_of.",
)
IF_MATCH_PARAMETER = OpenApiParameter(
    "If-Match",
    str,
    location=OpenApiParameter.HEADER,
    description="ETag from a GET; a stale one is refused with 412 precondition_failed.",
)
REASON_PARAMETER = OpenApiParameter(
    "reason", str, description="Why (instead of a JSON body with reason)."
)


def _conflicts(*codes: str) -> dict:
    """The 409 of an authoring write, naming its codes (the other errors are derived, see
    api/schema_errors.py). Every write refuses a version that is no longer a draft."""
    names = ", ".join(f"`{code}`" for code in ("version_not_editable", *codes))
    return {409: OpenApiResponse(description=f"Conflict with the version's state: {names}.")}


def _precondition(request) -> Precondition | None:
    return Precondition.from_if_match(request.META.get("HTTP_IF_MATCH"))


def _edit(request, *, reason: str) -> dict:
    """The arguments every authoring service takes from the request: who, why, when, and the
    If-Match precondition. Time is read here, once."""
    return {
        "user": request.user,
        "reason": reason,
        "now": timezone.now(),
        "precondition": _precondition(request),
    }


def _parse(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _as_of(request):
    text = request.query_params.get("as_of")
    return None if text is None else selectors_history.parse_as_of(text)


def _practice_area(version, code):
    """The practice area a body names by code, in the version of the URL (400 if unknown)."""
    area = version.practice_areas.filter(code=code).first()
    if area is None:
        raise InvalidInput(
            _("Version %(label)s has no practice area %(code)s.")
            % {"label": version.label, "code": code},
            code="practice_area_not_found",
            errors={"practice_area": [code]},
        )
    return area


def _criterion_response(view, request, criterion, *, status_code=status.HTTP_200_OK):
    version = criterion.version
    language = response_language(request)
    context = view.serializer_context(content=content_for(request, versions=[version]))
    data = serializers.CriterionDetailOutputSerializer(criterion, context=context).data
    response = Response(data, status=status_code)
    response["ETag"] = version_etag(
        version, language=language, variant=f"-c{criterion.pk}.{criterion.revision}"
    )
    return response


def _version_response(view, request, version, *, status_code=status.HTTP_200_OK):
    context = view.serializer_context(content=content_for(request, versions=[version]))
    data = authoring_serializers.VersionAuthoringOutputSerializer(version, context=context).data
    response = Response(data, status=status_code)
    response["ETag"] = version_etag(version, language=response_language(request), variant="-tree")
    return response


# --- versions ------------------------------------------------------------------------------------


class VersionListCreateView(views.VersionListView):
    @extend_schema(
        summary="Create a draft from a version",
        operation_id="versions_create",
        request=authoring_serializers.VersionCreateInputSerializer,
        responses={
            201: authoring_serializers.VersionAuthoringOutputSerializer,
            400: OpenApiResponse(
                description="`based_on_not_found`, `invalid_label`, `reason_too_long`, or "
                "`invalid` with `errors`."
            ),
            409: OpenApiResponse(description="`version_label_taken`: the label is in use."),
        },
        examples=[
            OpenApiExample(
                "A draft of 3.1 from 3.0",
                request_only=True,
                value={
                    "label": "3.1",
                    "title": "WWC Standard, Version 3.1",
                    "based_on": "3.0",
                    "reason": "Start of the 2027 revision",
                },
            )
        ],
    )
    def post(self, request, std):
        """Staff (editors): a new draft holding a copy of `based_on`'s practice areas, criteria,
        requirements and translations, keys kept."""
        data = _parse(authoring_serializers.VersionCreateInputSerializer, request)
        try:
            based_on = selectors.version_get(standard_slug=std, label=data["based_on"])
        except NotFound as error:
            if error.code != "version_not_found":
                raise
            raise InvalidInput(error.detail, code="based_on_not_found") from None
        draft = draft_services.create_draft(
            based_on=based_on,
            label=data["label"],
            title=data["title"],
            user=request.user,
            reason=data.get("reason")
            or f"Draft {data['label']} created from {based_on.label}"[:100],
            now=timezone.now(),
        )
        response = _version_response(self, request, draft, status_code=status.HTTP_201_CREATED)
        response["Location"] = reverse("version-detail", args=[std, draft.label], request=request)
        return response


class VersionDetailAsOfView(views.VersionDetailView):
    @extend_schema(
        summary="Get a whole version",
        parameters=[views.LANG_PARAMETER, AS_OF_PARAMETER, views.IF_NONE_MATCH_PARAMETER],
        operation_id="versions_retrieve",
    )
    def get(self, request, std, label):
        """The whole version: practice areas with their criteria, and the requirements. With
        `as_of`, the version as it was stored at that instant. Answers `If-None-Match` with 304."""
        as_of = _as_of(request)
        if as_of is None:
            return super().get(request, std, label)
        version = selectors.version_get(standard_slug=std, label=label)
        tree = selectors_history.version_tree_as_of(version=version, as_of=as_of)
        context = self.serializer_context(
            content=content_for(request, versions=[tree], as_of=as_of)
        )
        return Response(self.serializer_class(tree, context=context).data)

    @extend_schema(
        summary="Change a draft's details",
        operation_id="versions_partial_update",
        request=authoring_serializers.VersionUpdateInputSerializer,
        parameters=[IF_MATCH_PARAMETER],
        responses={200: authoring_serializers.VersionAuthoringOutputSerializer, **_conflicts()},
    )
    def patch(self, request, std, label):
        """Staff (editors): change a draft's title, provenance note or effective date (`null` clears
        it), with a reason; `If-Match` guards against lost updates."""
        data = _parse(authoring_serializers.VersionUpdateInputSerializer, request)
        version = selectors.version_get(standard_slug=std, label=label)
        version = draft_services.update_version(
            version=version,
            **_edit(request, reason=data.pop("reason", "")),
            title=data.get("title"),
            provenance=data.get("provenance"),
            effective_from=data.get("effective_from", draft_services.KEEP),
        )
        return _version_response(self, request, version)


class VersionPublishView(views.ContentAPIView):
    required_role = PUBLISHERS
    serializer_class = authoring_serializers.VersionAuthoringOutputSerializer

    @extend_schema(
        summary="Publish a draft",
        operation_id="versions_publish",
        request=authoring_serializers.VersionPublishInputSerializer,
        parameters=[IF_MATCH_PARAMETER],
        responses={
            200: authoring_serializers.VersionAuthoringOutputSerializer,
            **_conflicts("version_has_no_criteria", "comment_period_open"),
        },
        examples=[
            OpenApiExample(
                "Publish, closing the open comment period",
                request_only=True,
                value={
                    "effective_from": "2027-01-01",
                    "close_open_period": True,
                    "reason": "Approved by the board; the consultation ends with publication",
                },
            )
        ],
    )
    def post(self, request, std, label):
        """Staff (publishers): publish a draft; the version published until now is superseded.
        A draft with a scheduled or open comment period is refused (409 comment_period_open)
        unless `close_open_period` is true and a `reason` is given."""
        data = _parse(authoring_serializers.VersionPublishInputSerializer, request)
        version = selectors.version_get(standard_slug=std, label=label)
        closing = data["close_open_period"]
        # Closing a period is said publicly: its reason is never made up here.
        default_reason = "" if closing else f"Version {label} published"
        version = draft_services.publish_version(
            version=version,
            user=request.user,
            reason=data.get("reason") or default_reason,
            now=timezone.now(),
            effective_from=data.get("effective_from"),
            precondition=_precondition(request),
            close_open_period=closing,
        )
        return _version_response(self, request, version)


class VersionWithdrawView(views.ContentAPIView):
    required_role = PUBLISHERS
    serializer_class = authoring_serializers.VersionAuthoringOutputSerializer

    @extend_schema(
        summary="Withdraw a draft",
        operation_id="versions_withdraw",
        request=authoring_serializers.VersionWithdrawInputSerializer,
        parameters=[IF_MATCH_PARAMETER],
        responses={
            200: authoring_serializers.VersionAuthoringOutputSerializer,
            **_conflicts("comment_period_open"),
        },
    )
    def post(self, request, std, label):
        """Staff (publishers): withdraw a draft. A draft with a scheduled or open comment period
        is refused (409 comment_period_open) unless `close_open_period` is true (with the
        `reason`)."""
        data = _parse(authoring_serializers.VersionWithdrawInputSerializer, request)
        version = selectors.version_get(standard_slug=std, label=label)
        version = draft_services.withdraw_draft(
            version=version,
            close_open_period=data["close_open_period"],
            **_edit(request, reason=data.get("reason", "")),
        )
        return _version_response(self, request, version)


class RequirementsView(views.ContentAPIView):
    serializer_class = serializers.RequirementsOutputSerializer

    def _requirements(self, request, version):
        tree = selectors.version_tree(version=version)
        context = self.serializer_context(content=content_for(request, versions=[tree]))
        serializer = serializers.VersionTreeOutputSerializer(context=context)
        response = Response(serializer.get_requirements(tree))
        response["ETag"] = version_etag(tree, language=response_language(request), variant="-tree")
        return response

    @extend_schema(
        summary="Get a version's requirements",
        operation_id="requirements_retrieve",
        parameters=[views.LANG_PARAMETER],
    )
    def get(self, request, std, label):
        """The version's certification requirements: levels, core criteria and outcome areas."""
        version = selectors.version_get(standard_slug=std, label=label)
        return self._requirements(request, version)

    @extend_schema(
        summary="Change a draft's requirements",
        operation_id="requirements_partial_update",
        request=authoring_serializers.RequirementsUpdateInputSerializer,
        parameters=[IF_MATCH_PARAMETER],
        responses={200: serializers.RequirementsOutputSerializer, **_conflicts()},
    )
    def patch(self, request, std, label):
        """Staff (editors): replace parts of a draft's requirements; each list given is the complete
        new list."""
        data = _parse(authoring_serializers.RequirementsUpdateInputSerializer, request)
        version = selectors.version_get(standard_slug=std, label=label)
        version = requirement_services.update_requirements(
            version=version,
            **_edit(request, reason=data.pop("reason", "")),
            **data,
        )
        return self._requirements(request, version)


# --- criteria ------------------------------------------------------------------------------------


class CriterionListEditView(views.CriterionListView):
    @extend_schema(
        summary="List a version's criteria",
        parameters=[views.LANG_PARAMETER, AS_OF_PARAMETER, views.IF_NONE_MATCH_PARAMETER],
        responses={200: serializers.CriterionDetailOutputSerializer(many=True)},
        operation_id="criteria_list",
    )
    def get(self, request, std, label):
        """The version's criteria in reading order, paginated. With `as_of`, as they were stored at
        that instant."""
        as_of = _as_of(request)
        if as_of is None:
            return super().get(request, std, label)
        version = selectors.version_get(standard_slug=std, label=label)
        criteria = selectors_history.criteria_as_of(version=version, as_of=as_of)
        page = self.paginate_queryset(criteria)
        context = self.serializer_context(
            content=content_for(request, versions=[version], as_of=as_of)
        )
        data = self.serializer_class(page, many=True, context=context).data
        return self.get_paginated_response(data)

    @extend_schema(
        summary="Add a criterion to a draft",
        operation_id="criteria_create",
        request=authoring_serializers.CriterionCreateInputSerializer,
        parameters=[IF_MATCH_PARAMETER],
        responses={
            201: serializers.CriterionDetailOutputSerializer,
            **_conflicts("criterion_code_taken", "criterion_key_taken"),
        },
    )
    def post(self, request, std, label):
        """Staff (editors): add a criterion to a draft."""
        data = _parse(authoring_serializers.CriterionCreateInputSerializer, request)
        version = selectors.version_get(standard_slug=std, label=label)
        criterion = criterion_services.add_criterion(
            version=version,
            practice_area=_practice_area(version, data.pop("practice_area")),
            **_edit(request, reason=data.pop("reason", "")),
            **data,
        )
        response = _criterion_response(self, request, criterion, status_code=201)
        response["Location"] = reverse(
            "criterion-detail", args=[std, label, criterion.code], request=request
        )
        return response


class CriterionDetailEditView(views.CriterionDetailView):
    @extend_schema(
        summary="Get a criterion",
        parameters=[views.LANG_PARAMETER, AS_OF_PARAMETER, views.IF_NONE_MATCH_PARAMETER],
        operation_id="criteria_retrieve",
    )
    def get(self, request, std, label, code):
        """One criterion with its practice area. With `as_of`, the criterion that had this code at
        that instant. Answers `If-None-Match` with 304."""
        as_of = _as_of(request)
        if as_of is None:
            return super().get(request, std, label, code)
        version = selectors.version_get(standard_slug=std, label=label)
        criterion = selectors_history.criterion_as_of(version=version, code=code, as_of=as_of)
        context = self.serializer_context(
            content=content_for(request, versions=[version], as_of=as_of)
        )
        return Response(self.serializer_class(criterion, context=context).data)

    @extend_schema(
        summary="Change a draft's criterion",
        operation_id="criteria_partial_update",
        request=authoring_serializers.CriterionUpdateInputSerializer,
        parameters=[IF_MATCH_PARAMETER],
        responses={
            200: serializers.CriterionDetailOutputSerializer,
            **_conflicts("criterion_code_taken"),
        },
        examples=[
            OpenApiExample(
                "A clearer title",
                request_only=True,
                value={"title": "Qualitative Data and Community Input", "reason": "Clearer title"},
            )
        ],
    )
    def patch(self, request, std, label, code):
        """Staff (editors): change a draft's criterion (title, description, code, practice area,
        position, core); its key never changes."""
        data = _parse(authoring_serializers.CriterionUpdateInputSerializer, request)
        version = selectors.version_get(standard_slug=std, label=label)
        if "practice_area" in data:
            data["practice_area"] = _practice_area(version, data["practice_area"])
        if "code" in data:
            data["new_code"] = data.pop("code")
        criterion = criterion_services.update_criterion(
            version=version,
            code=code,
            **_edit(request, reason=data.pop("reason", "")),
            **data,
        )
        return _criterion_response(self, request, criterion)

    @extend_schema(
        summary="Remove a criterion from a draft",
        operation_id="criteria_destroy",
        request=authoring_serializers.ChangeReasonInputSerializer,
        parameters=[IF_MATCH_PARAMETER, REASON_PARAMETER],
        responses={204: None, **_conflicts()},
    )
    def delete(self, request, std, label, code):
        """Staff (editors): remove a criterion from a draft, with a reason."""
        data = _parse(authoring_serializers.ChangeReasonInputSerializer, request)
        version = selectors.version_get(standard_slug=std, label=label)
        criterion_services.remove_criterion(
            version=version,
            code=code,
            **_edit(request, reason=data.get("reason") or request.query_params.get("reason", "")),
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- practice areas ------------------------------------------------------------------------------


class PracticeAreaCreateView(views.ContentAPIView):
    serializer_class = authoring_serializers.PracticeAreaAuthoringOutputSerializer

    @extend_schema(
        summary="Add a practice area to a draft",
        operation_id="practice_areas_create",
        request=authoring_serializers.PracticeAreaCreateInputSerializer,
        parameters=[IF_MATCH_PARAMETER],
        responses={
            201: authoring_serializers.PracticeAreaAuthoringOutputSerializer,
            **_conflicts("practice_area_code_taken", "practice_area_key_taken"),
        },
    )
    def post(self, request, std, label):
        """Staff (editors): add a practice area to a draft."""
        data = _parse(authoring_serializers.PracticeAreaCreateInputSerializer, request)
        version = selectors.version_get(standard_slug=std, label=label)
        area = area_services.add_practice_area(
            version=version,
            **_edit(request, reason=data.pop("reason", "")),
            **data,
        )
        context = self.serializer_context(content=content_for(request, versions=[version]))
        return Response(self.serializer_class(area, context=context).data, status=201)


class PracticeAreaDetailView(views.ContentAPIView):
    serializer_class = authoring_serializers.PracticeAreaAuthoringOutputSerializer

    @extend_schema(
        summary="Change a draft's practice area",
        operation_id="practice_areas_partial_update",
        request=authoring_serializers.PracticeAreaUpdateInputSerializer,
        parameters=[IF_MATCH_PARAMETER],
        responses={
            200: authoring_serializers.PracticeAreaAuthoringOutputSerializer,
            **_conflicts("practice_area_code_taken"),
        },
    )
    def patch(self, request, std, label, code):
        """Staff (editors): change a draft's practice area."""
        data = _parse(authoring_serializers.PracticeAreaUpdateInputSerializer, request)
        version = selectors.version_get(standard_slug=std, label=label)
        if "code" in data:
            data["new_code"] = data.pop("code")
        area = area_services.update_practice_area(
            version=version,
            code=code,
            **_edit(request, reason=data.pop("reason", "")),
            **data,
        )
        context = self.serializer_context(content=content_for(request, versions=[version]))
        return Response(self.serializer_class(area, context=context).data)

    @extend_schema(
        summary="Remove an empty practice area from a draft",
        operation_id="practice_areas_destroy",
        request=authoring_serializers.ChangeReasonInputSerializer,
        parameters=[IF_MATCH_PARAMETER, REASON_PARAMETER],
        responses={204: None, **_conflicts("practice_area_not_empty")},
    )
    def delete(self, request, std, label, code):
        """Staff (editors): remove an empty practice area from a draft, with a reason."""
        data = _parse(authoring_serializers.ChangeReasonInputSerializer, request)
        version = selectors.version_get(standard_slug=std, label=label)
        area_services.remove_practice_area(
            version=version,
            code=code,
            **_edit(request, reason=data.get("reason") or request.query_params.get("reason", "")),
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- history -------------------------------------------------------------------------------------


class _HistoryView(views.ContentAPIView):
    queryset = Criterion.history.none()  # for the schema generator only
    serializer_class = authoring_serializers.HistoryEntryOutputSerializer

    def history_response(self, rows):
        page = self.paginate_queryset(rows)
        entries = selectors_history.history_entries(list(page))
        return self.get_paginated_response(self.serializer_class(entries, many=True).data)


class CriterionHistoryView(_HistoryView):
    @extend_schema(
        summary="A criterion's change history",
        responses={200: authoring_serializers.HistoryEntryOutputSerializer(many=True)},
        operation_id="criteria_history",
    )
    def get(self, request, std, label, code):
        """The criterion's change records, newest first: when, by whom, why, and each field's old
        and new value."""
        version = selectors.version_get(standard_slug=std, label=label)
        rows = selectors_history.criterion_history_rows(version=version, code=code)
        return self.history_response(rows)


class VersionHistoryView(_HistoryView):
    @extend_schema(
        summary="A version's change history",
        responses={200: authoring_serializers.HistoryEntryOutputSerializer(many=True)},
        operation_id="versions_history",
    )
    def get(self, request, std, label):
        """The change records of the version and everything in it, newest first."""
        version = selectors.version_get(standard_slug=std, label=label)
        return self.history_response(selectors_history.version_history_rows(version=version))


class CriterionTimelineView(views.ContentAPIView):
    queryset = Criterion.objects.none()  # for the schema generator only
    serializer_class = authoring_serializers.TimelineEntryOutputSerializer

    @extend_schema(
        summary="A criterion through every version",
        parameters=[views.LANG_PARAMETER],
        responses={200: authoring_serializers.TimelineEntryOutputSerializer(many=True)},
        operation_id="criteria_timeline",
    )
    def get(self, request, std, key):
        """One criterion (by its permanent key) followed through every version of the standard."""
        criteria = selectors_history.criterion_timeline(standard_slug=std, key=key)
        page = self.paginate_queryset(criteria)
        if self.paginator.page.paginator.count == 0:
            raise selectors_history.criterion_key_not_found(standard_slug=std, key=key)
        versions = [criterion.version for criterion in page]
        context = self.serializer_context(content=content_for(request, versions=versions))
        return self.get_paginated_response(
            self.serializer_class(page, many=True, context=context).data
        )
