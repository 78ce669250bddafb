"""Staff's export jobs (issue 16): a period's comments exported by the task queue into a file,
whatever their number, then downloaded; the streamed export (views_comments) is for small ones.

Views are thin: they read the clock once (``now``), parse, call one service or selector and
serialize.
"""

from django.http import FileResponse
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from standard_versions.api.operations import download_responses, error_response, operation
from standard_versions.api.permissions_comments import StaffRoleRequired
from standard_versions.api.serializers import exports as s
from standard_versions.api.views import ContentAPIView
from standard_versions.api.views_comments_common import valid_input
from standard_versions.consultation import exports, selectors_comments, selectors_exports
from standard_versions.consultation.export_files import MEDIA_TYPES
from standard_versions.models import ExportJob
from standard_versions.roles import EDITORS

EXPORT_ID = OpenApiParameter(
    "export_id", int, location=OpenApiParameter.PATH, description="An export job's id."
)
TAGS = ["comments"]
NOT_FOUND = error_response("`export_not_found`.")


class _ExportView(ContentAPIView):
    # The same staff as the streamed export: the file holds contact details.
    permission_classes = [StaffRoleRequired]
    required_role = EDITORS
    queryset = ExportJob.objects.none()  # for the schema generator only
    serializer_class = s.ExportJobOutputSerializer


class CommentPeriodExportJobsView(_ExportView):
    @operation(
        "comment_periods_exports_create",
        "Request an export of a period's comments",
        s.ExportJobOutputSerializer,
        status=202,
        refusals={
            400: error_response(
                "`export_too_large_for_xlsx` (the period holds more comments than a sheet's "
                "1,048,575 rows: ask for csv or jsonl), or `invalid` with `errors`."
            ),
            404: error_response("`comment_period_not_found`."),
        },
        request=s.ExportJobCreateInputSerializer,
        examples=[OpenApiExample("A CSV export", request_only=True, value={"format": "csv"})],
        tags=TAGS,
    )
    def post(self, request, period_id):
        """Staff (editors): export every comment of the period (all states, with contact
        details) into a file, on the task queue. Answers 202 with the job: poll
        `GET /api/v1/exports/{id}/` for its `status` and `progress`; when `done`, its
        `download` URL gives the file. CSV and JSON Lines files end with the streamed export's
        trailer."""
        now = timezone.now()
        data = valid_input(s.ExportJobCreateInputSerializer, request.data)
        period = selectors_comments.period_get(period_id=period_id)
        job = exports.request_export(
            period=period, format=data["format"], user=request.user, now=now
        )
        body = self.serializer_class(job, context={"request": request}).data
        response = Response(body, status=status.HTTP_202_ACCEPTED)
        location = reverse("export-job-detail", kwargs={"export_id": job.pk})
        response["Location"] = request.build_absolute_uri(location)
        return response


class ExportJobDetailView(_ExportView):
    @operation(
        "exports_retrieve",
        "Get an export job",
        s.ExportJobOutputSerializer,
        refusals={404: NOT_FOUND},
        parameters=[EXPORT_ID],
        tags=TAGS,
    )
    def get(self, request, export_id):
        """Staff (editors): the job's status (queued, running, done, failed), its progress
        (rows written of rows expected) and, when done, its `download` URL."""
        job = selectors_exports.export_job_get(job_id=export_id)
        response = Response(self.serializer_class(job, context={"request": request}).data)
        response["Cache-Control"] = "private, no-store"
        return response

    @operation(
        "exports_destroy",
        "Delete an export job and its file",
        None,
        status=204,
        refusals={404: NOT_FOUND},
        parameters=[EXPORT_ID],
        tags=TAGS,
    )
    def delete(self, request, export_id):
        """Staff (editors): delete the job and its file (files are kept until then)."""
        exports.delete_export(job=selectors_exports.export_job_get(job_id=export_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ExportJobDownloadView(_ExportView):
    def perform_content_negotiation(self, request, force=False):
        # The file is sent as it is, in its own format's type, whatever Accept asks for; only an
        # error is rendered, and errors are JSON.
        return JSONRenderer(), JSONRenderer.media_type

    @extend_schema(
        summary="Download an export job's file",
        parameters=[EXPORT_ID],
        responses={
            **download_responses("csv", "jsonl", "xlsx"),
            404: error_response(
                "`export_not_found`, or `export_file_missing` (the file was removed)."
            ),
            409: error_response("`export_not_ready`: the job is queued, running or failed."),
        },
        tags=TAGS,
        operation_id="exports_download",
    )
    def get(self, request, export_id):
        """Staff (editors): the file of a done job, as an attachment in its format's media
        type."""
        job = selectors_exports.export_job_get(job_id=export_id)
        path = selectors_exports.export_job_file(job=job)
        response = FileResponse(
            open(path, "rb"),
            as_attachment=True,
            filename=exports.download_name(job),
            content_type=MEDIA_TYPES[job.format],
        )
        response["Cache-Control"] = "private, no-store"
        return response
