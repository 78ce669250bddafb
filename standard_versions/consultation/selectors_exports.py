"""Reads of export jobs (consultation/exports.py writes them)."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from standard_versions.consultation.exports import file_path
from standard_versions.errors import Conflict, NotFound
from standard_versions.models import ExportJob, ExportStatus


def export_job_get(*, job_id: int) -> ExportJob:
    """One query."""
    job = ExportJob.objects.filter(pk=job_id).first()
    if job is None:
        raise NotFound(_("No export job has this id."), code="export_not_found")
    return job


def export_job_file(*, job: ExportJob) -> Path:
    """The done job's file; 409 ``export_not_ready`` before it is done (or if it failed), 404
    ``export_file_missing`` if the file was removed from the disk."""
    if job.status != ExportStatus.DONE:
        raise Conflict(
            _("This export is not ready: it is %(status)s.") % {"status": job.get_status_display()},
            code="export_not_ready",
        )
    path = file_path(job)
    if path is None or not path.is_file():
        raise NotFound(
            _("This export's file is no longer on the server."), code="export_file_missing"
        )
    return path
