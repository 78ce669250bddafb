"""Export jobs: a staff export of a period's comments written to a file by the task queue
(consultation/exports.py), however long it takes, instead of streamed by a web worker whose
timeout could cut it short. The row is the job's state and progress; the file lives under
``settings.VAR_DIR / "exports"`` and is kept until staff delete the job."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from standard_versions.models.comments import CommentPeriod
from standard_versions.models.constraints import value_in_choices


class ExportFormat(models.TextChoices):
    CSV = "csv", _("CSV")
    JSONL = "jsonl", _("JSON Lines")
    XLSX = "xlsx", _("XLSX workbook")


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class ExportJob(models.Model):
    """One export of one period in one format. ``rows_written`` counts the rows in the file so
    far (updated every few thousand rows); ``rows_expected`` is the period's count when the job
    started, so progress is their ratio."""

    period = models.ForeignKey(CommentPeriod, on_delete=models.CASCADE, related_name="export_jobs")
    format = models.CharField(_("format"), max_length=5, choices=ExportFormat.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"))
    status = models.CharField(
        _("status"), max_length=7, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    rows_written = models.PositiveBigIntegerField(_("rows written"), default=0)
    rows_expected = models.PositiveBigIntegerField(_("rows expected"), default=0)
    # The file's name in settings.VAR_DIR / "exports", once complete ("" before).
    file_name = models.CharField(_("file name"), max_length=200, blank=True, default="")
    error = models.TextField(_("error"), blank=True, default="")

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("export job")
        verbose_name_plural = _("export jobs")
        constraints = [
            value_in_choices("format", ExportFormat, name="export_job_format_valid"),
            value_in_choices("status", ExportStatus, name="export_job_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.format} export of period {self.period_id} #{self.pk}"

    @property
    def progress(self) -> float:
        """0 to 1: done is 1 whatever the counts (comments may arrive while it runs)."""
        if self.status == ExportStatus.DONE:
            return 1.0
        if not self.rows_expected:
            return 0.0
        return min(1.0, self.rows_written / self.rows_expected)
