"""Export jobs (issue 16): a staff export of a period's comments written to a file by the task
queue, so its size is no web worker's concern. ``request_export`` records the job and enqueues
it when its transaction commits; the worker's ``run_export`` writes the file with
``export_files`` (the streamed export's very bytes), records progress every
PROGRESS_EVERY_ROWS rows, and renames the file into place only once it is complete, so a file
under its final name is always whole. Files are kept until staff delete the job
(``delete_export``; docs/operations.md).
"""

import datetime as dt
import logging
import os
import time
import uuid
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import transaction

from standard_versions.consultation import export_files
from standard_versions.consultation.selectors_comments import export_rows
from standard_versions.errors import DomainError
from standard_versions.models import Comment, CommentPeriod, ExportFormat, ExportJob, ExportStatus
from standard_versions.spreadsheets import too_many_rows_error

log = logging.getLogger(__name__)

TASK_NAME = "exports.run_export"
PROGRESS_EVERY_ROWS = 10_000
ERROR_MAX_CHARS = 2_000


def exports_dir() -> Path:
    return Path(settings.VAR_DIR) / "exports"


def file_path(job: ExportJob) -> Path | None:
    """Where a done job's file is (None before it is done)."""
    return exports_dir() / job.file_name if job.file_name else None


def download_name(job: ExportJob) -> str:
    """The name a download is saved as: the streamed export's own."""
    return f"comment-period-{job.period_id}-comments.{job.format}"


@transaction.atomic
def request_export(*, period: CommentPeriod, format: str, user, now: dt.datetime) -> ExportJob:
    """A queued job for ``period`` in ``format``. XLSX is refused at once (400
    ``export_too_large_for_xlsx``) when the period already holds more rows than a sheet."""
    expected = Comment.objects.filter(period=period).count()
    if format == ExportFormat.XLSX and expected > export_files.XLSX_MAX_DATA_ROWS:
        raise too_many_rows_error()
    job = ExportJob.objects.create(
        period=period,
        format=format,
        requested_by=user if user is not None and user.is_authenticated else None,
        requested_at=now,
        rows_expected=expected,
    )
    transaction.on_commit(partial(_enqueue, job.pk))
    return job


def _enqueue(job_id: int) -> None:
    # The same switch as the notification nudges (off in tests, which run the task themselves).
    if not settings.NOTIFY_NUDGE:
        return
    try:
        from backend.celery import app  # Celery is loaded only when needed

        # By name, as the notifications nudge: the task module imports this one.
        app.send_task(TASK_NAME, kwargs={"job_id": job_id}, retry=False, ignore_result=True)
    except Exception:
        # The job stays queued; `manage.py export_jobs --run-queued` runs it (docs/operations.md).
        log.warning("Could not enqueue export job %s; it stays queued.", job_id)


class _Progress:
    def __init__(self, job_id: int):
        self.job_id = job_id
        self.rows = 0

    def count(self, rows):
        for row in rows:
            self.rows += 1
            if self.rows % PROGRESS_EVERY_ROWS == 0:
                ExportJob.objects.filter(pk=self.job_id).update(rows_written=self.rows)
            yield row


def run_export(*, job_id: int, now: dt.datetime) -> ExportJob | None:
    """Write the job's file (the worker's task). A job already done or failed is left as it is;
    a queued or running one (a worker killed mid-way has its message delivered again) starts
    from the first row. Returns the job, or None when it was deleted meanwhile.

    Not one transaction: progress must be seen while it runs. ``now`` is when it started; its
    end is ``now`` plus the time it took."""
    job = ExportJob.objects.select_related("period").filter(pk=job_id).first()
    if job is None or job.status in (ExportStatus.DONE, ExportStatus.FAILED):
        return job
    started = time.monotonic()
    expected = Comment.objects.filter(period_id=job.period_id).count()
    _update(
        job, status=ExportStatus.RUNNING, started_at=now, rows_expected=expected, rows_written=0
    )
    directory = exports_dir()
    directory.mkdir(parents=True, exist_ok=True)
    final_name = f"comment-period-{job.period_id}-export-{job.pk}.{job.format}"
    # Unique per run: two runs of one job (a redelivery) never write into each other's file.
    temporary = directory / f".{final_name}.{uuid.uuid4().hex}.part"
    progress = _Progress(job.pk)
    try:
        rows = progress.count(export_rows(period=job.period))
        _write(temporary, job.format, rows)
        os.replace(temporary, directory / final_name)
    except Exception as error:
        temporary.unlink(missing_ok=True)
        log.exception("Export job %s failed", job.pk)
        finished = now + dt.timedelta(seconds=time.monotonic() - started)
        _update(
            job,
            status=ExportStatus.FAILED,
            rows_written=progress.rows,
            error=_describe(error),
            finished_at=finished,
        )
        return job
    finished = now + dt.timedelta(seconds=time.monotonic() - started)
    _update(
        job,
        status=ExportStatus.DONE,
        rows_written=progress.rows,
        file_name=final_name,
        finished_at=finished,
    )
    return job


def _write(path: Path, format: str, rows) -> None:
    if format == ExportFormat.XLSX:
        with open(path, "wb") as target:
            export_files.write_xlsx(target, rows)
            _sync(target)
        return
    chunks = export_files.jsonl_chunks(rows) if format == "jsonl" else export_files.csv_chunks(rows)
    with open(path, "w", encoding="utf-8", newline="") as target:
        for chunk in chunks:
            target.write(chunk)
        _sync(target)


def _sync(target) -> None:
    # On disk before the rename makes it the job's file (a crash then leaves no short file).
    target.flush()
    os.fsync(target.fileno())


def _describe(error: Exception) -> str:
    if isinstance(error, DomainError):
        text = str(error.detail)
    else:
        text = f"{type(error).__name__}: {error}"
    return text[:ERROR_MAX_CHARS]


def _update(job: ExportJob, **fields) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    ExportJob.objects.filter(pk=job.pk).update(**fields)


@transaction.atomic
def delete_export(*, job: ExportJob) -> None:
    """The job's row and, once that is committed, its file."""
    path = file_path(job)
    job.delete()
    if path is not None:
        transaction.on_commit(partial(path.unlink, missing_ok=True))
