"""Staff admin for export jobs (editors), read-only: each job's status, its progress ("1,234 of
10,000 (12 %)") and, when done, a link to its file (the API's download, which the admin's
session may use). Deleting a job deletes its file (consultation/exports.delete_export)."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from standard_versions.admin.base import EditorsReadOnly, utc_column
from standard_versions.consultation import exports
from standard_versions.models import ExportJob, ExportStatus
from standard_versions.translations import i18n

# What both the list and a job's page show first.
SUMMARY = ("period", "format", "status", "progress_text", "requested_by", "requested_at_utc")


@admin.register(ExportJob)
class ExportJobAdmin(EditorsReadOnly, admin.ModelAdmin):
    list_display = ("pk", *SUMMARY, "finished_at_utc", "download_link")
    list_filter = ("status", "format")
    list_select_related = ("period__version__standard", "requested_by")
    ordering = ("-requested_at", "-id")
    fields = (*SUMMARY, "started_at_utc", "finished_at_utc", "file_name", "download_link", "error")
    readonly_fields = fields

    def has_delete_permission(self, request, obj=None) -> bool:
        # Files are kept until staff delete their job: this is how.
        return self.has_module_permission(request)

    def delete_model(self, request, obj: ExportJob) -> None:
        exports.delete_export(job=obj)

    def delete_queryset(self, request, queryset) -> None:
        for job in queryset:
            exports.delete_export(job=job)

    @admin.display(description=_("progress"))
    def progress_text(self, job: ExportJob) -> str:
        language = i18n.current_language()
        return _("%(written)s of %(expected)s (%(percent)s)") % {
            "written": i18n.format_number(job.rows_written, language=language),
            "expected": i18n.format_number(job.rows_expected, language=language),
            "percent": i18n.format_percent(int(job.progress * 100), language=language),
        }

    @admin.display(description=_("download"))
    def download_link(self, job: ExportJob) -> str:
        if job.status != ExportStatus.DONE:
            return "-"
        url = reverse("export-job-download", kwargs={"export_id": job.pk})
        return format_html('<a href="{}">{}</a>', url, _("Download"))

    requested_at_utc = utc_column("requested_at", _("requested at"))
    started_at_utc = utc_column("started_at", _("started at"))
    finished_at_utc = utc_column("finished_at", _("finished at"))
