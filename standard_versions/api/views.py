"""Read API for the Standard: thin views that parse, call a selector and serialize."""

import hashlib
import time

from django.utils.cache import patch_vary_headers
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.generics import GenericAPIView
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from standard_versions.api.operations import list_operation
from standard_versions.api.renderers import BrowsableAPIRenderer
from standard_versions.api.serializers import standards as serializers
from standard_versions.http.caching import conditional_content, version_etag
from standard_versions.http.language import content_for, response_language
from standard_versions.http.revalidation import RevalidationFastPath
from standard_versions.models import Criterion, Standard, Version
from standard_versions.standards import selectors

LANG_PARAMETER = OpenApiParameter(
    "lang", str, description="Language: en (source), es or pt-BR. Wins over Accept-Language."
)
IF_NONE_MATCH_PARAMETER = OpenApiParameter(
    "If-None-Match",
    str,
    location=OpenApiParameter.HEADER,
    description="The ETag of the copy you hold: 304 without a body while it is current.",
)


class ContentAPIView(GenericAPIView):
    """Base of every API view. Sets Content-Language and Vary, and keeps three promises whatever
    the view renders:

    - a method the URL does not offer is 405 with ``Allow``, before authentication (an anonymous
      ``PUT`` on a read-only URL is not "log in first");
    - ``OPTIONS`` answers in JSON, whatever ``format`` or ``Accept`` asks for (the CSV, Markdown
      and HTML renderers only know their own bodies);
    - an error is always the JSON error body, never a CSV row or a Markdown page.
    """

    def initial(self, request, *args, **kwargs):
        method = request.method.lower()
        # super().initial() sets it, but this refusal comes first and its negotiation needs it.
        self.format_kwarg = self.get_format_suffix(**kwargs)
        if method not in self.http_method_names or not hasattr(self, method):
            raise MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)

    def perform_content_negotiation(self, request, force=False):
        if request.method == "OPTIONS":
            return JSONRenderer(), JSONRenderer.media_type
        return super().perform_content_negotiation(request, force=force)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(response, Response) and response.status_code >= 400:
            if not isinstance(response.accepted_renderer, JSONRenderer | BrowsableAPIRenderer):
                response.accepted_renderer = JSONRenderer()
                response.accepted_media_type = JSONRenderer.media_type
        if not response.has_header("Content-Language"):
            response["Content-Language"] = response_language(request)
        patch_vary_headers(response, ("Accept", "Accept-Language"))
        return response

    def serializer_context(self, **extra):
        return {"request": self.request, "view": self, **extra}

    def list_response(self, rows, *, context: dict | None = None) -> Response:
        """The page of ``rows`` the request asks for, each by ``serializer_class``."""
        page = self.paginate_queryset(rows)
        data = self.serializer_class(page, many=True, context=context or {}).data
        return self.get_paginated_response(data)


class StandardListView(ContentAPIView):
    queryset = Standard.objects.none()  # for the schema generator only
    serializer_class = serializers.StandardOutputSerializer

    @list_operation(
        "standards_list", "List the standards", serializer_class, parameters=[LANG_PARAMETER]
    )
    def get(self, request):
        """The standards held here, in the reader's language."""
        page = self.paginate_queryset(selectors.standard_list())
        content = content_for(request)
        data = self.get_serializer(
            page, many=True, context=self.serializer_context(content=content)
        )
        return self.get_paginated_response(data.data)

    def get_serializer(self, *args, context=None, **kwargs):
        return self.serializer_class(*args, context=context, **kwargs)


class StandardDetailView(ContentAPIView):
    serializer_class = serializers.StandardOutputSerializer

    @extend_schema(
        summary="Get a standard", parameters=[LANG_PARAMETER], operation_id="standards_retrieve"
    )
    def get(self, request, std):
        """One standard."""
        standard = selectors.standard_get(slug=std)
        context = self.serializer_context(content=content_for(request))
        return Response(self.serializer_class(standard, context=context).data)


class VersionListView(ContentAPIView):
    queryset = Version.objects.none()  # for the schema generator only
    serializer_class = serializers.VersionSummaryOutputSerializer

    @list_operation(
        "versions_list", "List a standard's versions", serializer_class, parameters=[LANG_PARAMETER]
    )
    def get(self, request, std):
        """Every version of the standard, oldest first, with its status and dates."""
        versions = selectors.version_list(standard_slug=std)
        page = self.paginate_queryset(versions)
        context = self.serializer_context(content=content_for(request, versions=page))
        data = self.serializer_class(page, many=True, context=context).data
        return self.get_paginated_response(data)


class VersionDetailView(RevalidationFastPath, ContentAPIView):
    """The whole version: practice areas with their criteria, and the requirements."""

    serializer_class = serializers.VersionTreeOutputSerializer

    def current_etag(self, request, *, now, std, label):
        head = selectors.revalidation_version_head(standard_slug=std, label=label, now=now)
        return head, version_etag(head, language=response_language(request), variant="-tree")

    @extend_schema(parameters=[LANG_PARAMETER], operation_id="versions_retrieve")
    def get(self, request, std, label):
        # A non-draft head may come from the worker's memo (head_memo.py), as for a 304.
        head = selectors.revalidation_version_head(
            standard_slug=std, label=label, now=time.monotonic()
        )
        language = response_language(request)

        def build():
            version = selectors.version_get(standard_slug=std, label=label)
            tree = selectors.version_tree(version=version)
            context = self.serializer_context(content=content_for(request, versions=[tree]))
            return self.serializer_class(tree, context=context).data

        return conditional_content(
            request, version=head, language=language, variant="-tree", build=build
        )


def _tag_part(value: str, length: int) -> str:
    """``value`` as part of an ETag: as it is when it is short and alphanumeric (``1``, ``last``),
    else a digest of it, so that no query string can put a character into the header that an ETag
    may not hold (RFC 9110, 8.8.3; gunicorn refuses such a header with a 500)."""
    if len(value) <= length and value.isascii() and value.isalnum():
        return value
    return "h" + hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:12]


class CriterionListView(ContentAPIView):
    queryset = Criterion.objects.none()  # for the schema generator only
    serializer_class = serializers.CriterionDetailOutputSerializer

    @extend_schema(parameters=[LANG_PARAMETER], operation_id="criteria_list")
    def get(self, request, std, label):
        version = selectors.version_get(standard_slug=std, label=label)
        language = response_language(request)
        page_number = request.query_params.get("page", "1")
        page_size = request.query_params.get("page_size", "")
        variant = f"-criteria-p{_tag_part(page_number, 12)}-s{_tag_part(page_size, 6)}"

        def build():
            page = self.paginate_queryset(selectors.criteria_queryset(version=version))
            for criterion in page:
                criterion.version = version
            context = self.serializer_context(content=content_for(request, versions=[version]))
            data = self.serializer_class(page, many=True, context=context).data
            return self.get_paginated_response(data).data

        return conditional_content(
            request, version=version, language=language, variant=variant, build=build
        )


class CriterionDetailView(RevalidationFastPath, ContentAPIView):
    serializer_class = serializers.CriterionDetailOutputSerializer

    def current_etag(self, request, *, now, std, label, code):
        head = selectors.revalidation_version_head(standard_slug=std, label=label, now=now)
        variant = selectors.revalidation_criterion_variant(
            version=head, label=label, code=code, now=now
        )
        return head, version_etag(head, language=response_language(request), variant=variant)

    @extend_schema(parameters=[LANG_PARAMETER], operation_id="criteria_retrieve")
    def get(self, request, std, label, code):
        now = time.monotonic()
        head = selectors.revalidation_version_head(standard_slug=std, label=label, now=now)
        language = response_language(request)
        variant = selectors.revalidation_criterion_variant(
            version=head, label=label, code=code, now=now
        )

        def build():
            version = selectors.version_get(standard_slug=std, label=label)
            criterion = selectors.criterion_get(version=version, code=code)
            criterion.version = version
            context = self.serializer_context(content=content_for(request, versions=[version]))
            return self.serializer_class(criterion, context=context).data

        return conditional_content(
            request, version=head, language=language, variant=variant, build=build
        )
