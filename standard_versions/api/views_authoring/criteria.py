"""Criteria: list and read them as of an instant, and add, change and remove a draft's."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample
from rest_framework import status
from rest_framework.response import Response
from rest_framework.reverse import reverse

from standard_versions.api import views
from standard_versions.api.serializers import authoring as authoring_serializers
from standard_versions.api.serializers import standards as serializers
from standard_versions.api.views_authoring.common import (
    REASON_PARAMETER,
    as_of_context,
    as_of_instant,
    as_of_schema,
    change_draft,
    parse_write,
    remove_from_draft,
    write_schema,
)
from standard_versions.errors import InvalidInput
from standard_versions.http.caching import version_etag
from standard_versions.http.language import content_for, response_language
from standard_versions.standards import criteria as criterion_services
from standard_versions.standards import selectors, selectors_history


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


class CriterionListEditView(views.CriterionListView):
    @as_of_schema(
        "criteria_list",
        "List a version's criteria",
        responses={200: serializers.CriterionDetailOutputSerializer(many=True)},
    )
    def get(self, request, std, label):
        """The version's criteria in reading order, paginated. With `as_of`, as they were stored at
        that instant."""
        as_of = as_of_instant(request)
        if as_of is None:
            return super().get(request, std, label)
        version = selectors.version_get(standard_slug=std, label=label)
        criteria = selectors_history.criteria_as_of(version=version, as_of=as_of)
        context = as_of_context(self, versions=[version], as_of=as_of)
        return self.list_response(criteria, context=context)

    @write_schema(
        "criteria_create",
        "Add a criterion to a draft",
        authoring_serializers.CriterionCreateInputSerializer,
        serializers.CriterionDetailOutputSerializer,
        "criterion_code_taken",
        "criterion_key_taken",
        status=201,
    )
    def post(self, request, std, label):
        """Staff (editors): add a criterion to a draft."""
        version, data = parse_write(
            authoring_serializers.CriterionCreateInputSerializer, request, std=std, label=label
        )
        area = _practice_area(version, data.pop("practice_area"))
        change = criterion_services.add_criterion
        criterion = change_draft(change, request, version=version, data=data, practice_area=area)
        response = _criterion_response(self, request, criterion, status_code=201)
        response["Location"] = reverse(
            "criterion-detail", args=[std, label, criterion.code], request=request
        )
        return response


class CriterionDetailEditView(views.CriterionDetailView):
    @as_of_schema("criteria_retrieve", "Get a criterion")
    def get(self, request, std, label, code):
        """One criterion with its practice area. With `as_of`, the criterion that had this code at
        that instant. Answers `If-None-Match` with 304."""
        as_of = as_of_instant(request)
        if as_of is None:
            return super().get(request, std, label, code)
        version = selectors.version_get(standard_slug=std, label=label)
        criterion = selectors_history.criterion_as_of(version=version, code=code, as_of=as_of)
        context = as_of_context(self, versions=[version], as_of=as_of)
        return Response(self.serializer_class(criterion, context=context).data)

    @write_schema(
        "criteria_partial_update",
        "Change a draft's criterion",
        authoring_serializers.CriterionUpdateInputSerializer,
        serializers.CriterionDetailOutputSerializer,
        "criterion_code_taken",
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
        version, data = parse_write(
            authoring_serializers.CriterionUpdateInputSerializer, request, std=std, label=label
        )
        if "practice_area" in data:
            data["practice_area"] = _practice_area(version, data["practice_area"])
        if "code" in data:
            data["new_code"] = data.pop("code")
        change = criterion_services.update_criterion
        criterion = change_draft(change, request, version=version, data=data, code=code)
        return _criterion_response(self, request, criterion)

    @write_schema(
        "criteria_destroy",
        "Remove a criterion from a draft",
        authoring_serializers.ChangeReasonInputSerializer,
        None,
        status=204,
        parameters=[REASON_PARAMETER],
    )
    def delete(self, request, std, label, code):
        """Staff (editors): remove a criterion from a draft, with a reason."""
        return remove_from_draft(
            request, std=std, label=label, code=code, remove=criterion_services.remove_criterion
        )
