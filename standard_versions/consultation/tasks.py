"""The export jobs' task (consultation/exports.py): enqueued by name when a job's transaction
commits; the worker reads its clock once and writes the file."""

from django.utils import timezone

from backend.celery import app
from standard_versions.consultation import exports


@app.task(name=exports.TASK_NAME, ignore_result=True)
def run_export(job_id: int) -> None:
    exports.run_export(job_id=job_id, now=timezone.now())
