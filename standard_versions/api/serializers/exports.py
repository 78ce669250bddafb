"""Serializers for staff's export jobs: the format asked for, and the job read back with its
progress and, once done, where to download the file."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from standard_versions.models import ExportFormat, ExportJob, ExportStatus


class ExportJobCreateInputSerializer(serializers.Serializer):
    format = serializers.ChoiceField(
        choices=ExportFormat.values,
        help_text="csv (for spreadsheets: BOM, CRLF, formulas defused), jsonl (JSON Lines) or "
        "xlsx (at most 1,048,575 rows).",
    )


class ExportJobOutputSerializer(serializers.ModelSerializer):
    period = serializers.IntegerField(source="period_id", read_only=True)
    status = serializers.ChoiceField(
        choices=ExportStatus.values, help_text="queued, running, done or failed."
    )
    format = serializers.ChoiceField(choices=ExportFormat.values)
    rows_written = serializers.IntegerField(help_text="Rows in the file so far.")
    rows_expected = serializers.IntegerField(
        help_text="The period's comments when the job started (more may arrive while it runs)."
    )
    progress = serializers.FloatField(help_text="0 to 1; 1 when done.")
    download = serializers.SerializerMethodField(
        help_text="The file's URL once done; null before (and when failed)."
    )
    error = serializers.CharField(help_text="Why it failed; empty otherwise.")

    class Meta:
        model = ExportJob
        fields = [
            "id",
            "period",
            "status",
            "format",
            "rows_written",
            "rows_expected",
            "progress",
            "download",
            "requested_at",
            "started_at",
            "finished_at",
            "error",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_download(self, job: ExportJob) -> str | None:
        if job.status != ExportStatus.DONE:
            return None
        path = reverse("export-job-download", kwargs={"export_id": job.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path
