"""Practice areas: add, change and remove a draft's."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from standard_versions.api import views
from standard_versions.api.serializers import authoring as authoring_serializers
from standard_versions.api.views_authoring.common import (
    IF_MATCH_PARAMETER,
    REASON_PARAMETER,
    conflicts,
    edit_arguments,
    parse_write,
    remove_from_draft,
)
from standard_versions.http.language import content_for
from standard_versions.standards import practice_areas as area_services


class _PracticeAreaWriteView(views.ContentAPIView):
    serializer_class = authoring_serializers.PracticeAreaAuthoringOutputSerializer

    def area_response(self, request, version, area, *, status_code=status.HTTP_200_OK):
        context = self.serializer_context(content=content_for(request, versions=[version]))
        return Response(self.serializer_class(area, context=context).data, status=status_code)


class PracticeAreaCreateView(_PracticeAreaWriteView):
    @extend_schema(
        summary="Add a practice area to a draft",
        operation_id="practice_areas_create",
        request=authoring_serializers.PracticeAreaCreateInputSerializer,
        parameters=[IF_MATCH_PARAMETER],
        responses={
            201: authoring_serializers.PracticeAreaAuthoringOutputSerializer,
            **conflicts("practice_area_code_taken", "practice_area_key_taken"),
        },
    )
    def post(self, request, std, label):
        """Staff (editors): add a practice area to a draft."""
        version, data = parse_write(
            authoring_serializers.PracticeAreaCreateInputSerializer, request, std=std, label=label
        )
        area = area_services.add_practice_area(
            version=version,
            **edit_arguments(request, reason=data.pop("reason", "")),
            **data,
        )
        return self.area_response(request, version, area, status_code=status.HTTP_201_CREATED)


class PracticeAreaDetailView(_PracticeAreaWriteView):
    @extend_schema(
        summary="Change a draft's practice area",
        operation_id="practice_areas_partial_update",
        request=authoring_serializers.PracticeAreaUpdateInputSerializer,
        parameters=[IF_MATCH_PARAMETER],
        responses={
            200: authoring_serializers.PracticeAreaAuthoringOutputSerializer,
            **conflicts("practice_area_code_taken"),
        },
    )
    def patch(self, request, std, label, code):
        """Staff (editors): change a draft's practice area."""
        version, data = parse_write(
            authoring_serializers.PracticeAreaUpdateInputSerializer, request, std=std, label=label
        )
        if "code" in data:
            data["new_code"] = data.pop("code")
        area = area_services.update_practice_area(
            version=version,
            code=code,
            **edit_arguments(request, reason=data.pop("reason", "")),
            **data,
        )
        return self.area_response(request, version, area)

    @extend_schema(
        summary="Remove an empty practice area from a draft",
        operation_id="practice_areas_destroy",
        request=authoring_serializers.ChangeReasonInputSerializer,
        parameters=[IF_MATCH_PARAMETER, REASON_PARAMETER],
        responses={204: None, **conflicts("practice_area_not_empty")},
    )
    def delete(self, request, std, label, code):
        """Staff (editors): remove an empty practice area from a draft, with a reason."""
        return remove_from_draft(
            request, std=std, label=label, code=code, remove=area_services.remove_practice_area
        )
