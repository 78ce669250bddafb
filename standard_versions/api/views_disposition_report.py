"""The disposition report: every published comment on a version, by criterion, with what was done
with it; as JSON or as a CSV or XLSX download."""

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from standard_versions.api.renderers import BrowsableAPIRenderer
from standard_versions.api.renderers_comments import CSVRenderer
from standard_versions.api.renderers_xlsx import XLSX_MEDIA_TYPE, XLSXRenderer
from standard_versions.api.serializers import comments as s
from standard_versions.api.views import ContentAPIView
from standard_versions.consultation import selectors_report
from standard_versions.http.language import content_for
from standard_versions.standards import selectors


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
        report = selectors_report.disposition_report(version=version)
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
