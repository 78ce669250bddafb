"""``GET /standards/{std}/diff/?from=A&to=B``: what changed between two versions, as JSON, an HTML
redline (``?format=html``) or a Markdown changelog (``?format=markdown``)."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotAcceptable
from rest_framework.renderers import JSONRenderer

from standard_versions.api.renderers import BrowsableAPIRenderer
from standard_versions.api.renderers_diff import DiffHTMLRenderer, DiffMarkdownRenderer
from standard_versions.api.serializers.diff import (
    DiffQueryInputSerializer,
    VersionDiffOutputSerializer,
)
from standard_versions.api.views import IF_NONE_MATCH_PARAMETER, LANG_PARAMETER, ContentAPIView
from standard_versions.diff import selectors as selectors_diff
from standard_versions.errors import InvalidInput
from standard_versions.http.caching import conditional_versions_content
from standard_versions.http.language import content_for, response_language

DIFF_PARAMETERS = [
    OpenApiParameter("from", str, required=True, description="Label of the older version."),
    OpenApiParameter("to", str, required=True, description="Label of the newer version."),
    LANG_PARAMETER,
    OpenApiParameter(
        "format",
        str,
        enum=["json", "html", "markdown"],
        description="json (default), html (a redline fragment) or markdown (a changelog).",
    ),
]


def parse_diff_query(params) -> dict:
    serializer = DiffQueryInputSerializer(data=params)
    if serializer.is_valid():
        return serializer.validated_data
    codes = {error.code for errors in serializer.errors.values() for error in errors}
    if "required" in codes or "blank" in codes:
        raise InvalidInput(
            _("Give both versions to compare: ?from=LABEL&to=LABEL."),
            code="missing_parameter",
            errors=serializer.errors,
        )
    raise InvalidInput(
        _("The query parameters are not valid; see errors."),
        code="invalid_parameter",
        errors=serializer.errors,
    )


class VersionDiffView(ContentAPIView):
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, DiffHTMLRenderer, DiffMarkdownRenderer]

    @extend_schema(
        summary="Compare two versions",
        operation_id="standards_diff",
        parameters=[*DIFF_PARAMETERS, IF_NONE_MATCH_PARAMETER],
        responses={
            (200, "application/json"): VersionDiffOutputSerializer,
            (200, "text/html"): OpenApiTypes.STR,
            (200, "text/markdown"): OpenApiTypes.STR,
            304: OpenApiResponse(description="The client's copy (If-None-Match) is current."),
            400: OpenApiResponse(
                description="missing_parameter, invalid_parameter or invalid_format."
            ),
            404: OpenApiResponse(description="standard_not_found or version_not_found."),
        },
    )
    def get(self, request, std):
        """What changed from one version to another, criterion by criterion and word by word, as
        JSON, an HTML redline or a Markdown changelog."""
        query = parse_diff_query(request.query_params)
        old, new = selectors_diff.version_pair_get(
            standard_slug=std, from_label=query["from"], to_label=query["to"]
        )

        # The comments behind the changes are part of the body: their links' head is part of
        # its ETag (and so of the cached body's key). None: no link was ever made, no query.
        links_head = new.links_head

        def build():
            content = content_for(request, versions=[old, new])
            return selectors_diff.version_diff_document(
                old=old, new=new, content=content, with_comments=links_head is not None
            )

        links = f"-l{links_head}" if links_head is not None else ""
        return conditional_versions_content(
            request,
            versions=[old, new],
            language=response_language(request),
            variant=f"-diff-{request.accepted_renderer.format}{links}",
            build=build,
        )

    def perform_content_negotiation(self, request, force=False):
        try:
            return super().perform_content_negotiation(request, force=False)
        except (Http404, NotAcceptable):
            if force:
                return JSONRenderer(), JSONRenderer.media_type
            if "format" in request.query_params:
                raise InvalidInput(
                    _("Unknown format %(format)s: use json, html or markdown.")
                    % {"format": request.query_params["format"][:20]},
                    code="invalid_format",
                ) from None
            raise
