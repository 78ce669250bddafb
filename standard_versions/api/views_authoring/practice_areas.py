"""Practice areas: add, change and remove a draft's."""

from rest_framework import status
from rest_framework.response import Response

from standard_versions.api import views
from standard_versions.api.serializers import authoring as authoring_serializers
from standard_versions.api.views_authoring.common import (
    REASON_PARAMETER,
    change_draft,
    parse_write,
    remove_from_draft,
    write_schema,
)
from standard_versions.http.language import content_for
from standard_versions.standards import practice_areas as area_services


class _PracticeAreaWriteView(views.ContentAPIView):
    serializer_class = authoring_serializers.PracticeAreaAuthoringOutputSerializer

    def area_response(self, request, version, area, *, status_code=status.HTTP_200_OK):
        context = self.serializer_context(content=content_for(request, versions=[version]))
        return Response(self.serializer_class(area, context=context).data, status=status_code)


class PracticeAreaCreateView(_PracticeAreaWriteView):
    @write_schema(
        "practice_areas_create",
        "Add a practice area to a draft",
        authoring_serializers.PracticeAreaCreateInputSerializer,
        authoring_serializers.PracticeAreaAuthoringOutputSerializer,
        "practice_area_code_taken",
        "practice_area_key_taken",
        status=201,
    )
    def post(self, request, std, label):
        """Staff (editors): add a practice area to a draft."""
        version, data = parse_write(
            authoring_serializers.PracticeAreaCreateInputSerializer, request, std=std, label=label
        )
        area = change_draft(area_services.add_practice_area, request, version=version, data=data)
        return self.area_response(request, version, area, status_code=status.HTTP_201_CREATED)


class PracticeAreaDetailView(_PracticeAreaWriteView):
    @write_schema(
        "practice_areas_partial_update",
        "Change a draft's practice area",
        authoring_serializers.PracticeAreaUpdateInputSerializer,
        authoring_serializers.PracticeAreaAuthoringOutputSerializer,
        "practice_area_code_taken",
    )
    def patch(self, request, std, label, code):
        """Staff (editors): change a draft's practice area."""
        version, data = parse_write(
            authoring_serializers.PracticeAreaUpdateInputSerializer, request, std=std, label=label
        )
        if "code" in data:
            data["new_code"] = data.pop("code")
        change = area_services.update_practice_area
        area = change_draft(change, request, version=version, data=data, code=code)
        return self.area_response(request, version, area)

    @write_schema(
        "practice_areas_destroy",
        "Remove an empty practice area from a draft",
        authoring_serializers.ChangeReasonInputSerializer,
        None,
        "practice_area_not_empty",
        status=204,
        parameters=[REASON_PARAMETER],
    )
    def delete(self, request, std, label, code):
        """Staff (editors): remove an empty practice area from a draft, with a reason."""
        return remove_from_draft(
            request, std=std, label=label, code=code, remove=area_services.remove_practice_area
        )
