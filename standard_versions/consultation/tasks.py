"""The consultation's tasks: export jobs (consultation/exports.py), enqueued by name when a job's
transaction commits, the worker reading its clock once and writing the file; and the
near-duplicate campaigns (consultation/near_duplicates.py), run for one period or periodically
for the periods taking comments."""

from django.utils import timezone

from backend.celery import app
from standard_versions.consultation import exports, near_duplicates
from standard_versions.models import CommentPeriod


@app.task(name=exports.TASK_NAME, ignore_result=True)
def run_export(job_id: int) -> None:
    exports.run_export(job_id=job_id, now=timezone.now())


@app.task(name=near_duplicates.TASK_NAME, ignore_result=True)
def find_campaigns(period_id: int) -> None:
    """Group one period's new comments into near-duplicate campaigns."""
    period = CommentPeriod.objects.filter(pk=period_id).first()
    if period is not None:
        near_duplicates.find_campaigns(period=period, now=timezone.now())


@app.task(name=near_duplicates.PERIODIC_TASK_NAME, ignore_result=True)
def find_campaigns_in_open_periods() -> None:
    """The periodic run: every period taking comments, or that stopped less than a day ago (so
    its last comments are grouped too)."""
    now = timezone.now()
    for period in near_duplicates.periods_to_scan(now=now):
        near_duplicates.find_campaigns(period=period, now=now)
