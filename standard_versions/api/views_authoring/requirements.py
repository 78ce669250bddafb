"""A version's certification requirements: read them, and change a draft's."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from standard_versions.api import views
from standard_versions.api.serializers import authoring as authoring_serializers
from standard_versions.api.serializers import standards as serializers
from standard_versions.api.views_authoring.common import change_draft, parse_write, write_schema
from standard_versions.http.caching import version_etag
from standard_versions.http.language import content_for, response_language
from standard_versions.standards import requirements as requirement_services
from standard_versions.standards import selectors


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

    @write_schema(
        "requirements_partial_update",
        "Change a draft's requirements",
        authoring_serializers.RequirementsUpdateInputSerializer,
        serializers.RequirementsOutputSerializer,
    )
    def patch(self, request, std, label):
        """Staff (editors): replace parts of a draft's requirements; each list given is the complete
        new list."""
        version, data = parse_write(
            authoring_serializers.RequirementsUpdateInputSerializer, request, std=std, label=label
        )
        change = requirement_services.update_requirements
        version = change_draft(change, request, version=version, data=data)
        return self._requirements(request, version)
