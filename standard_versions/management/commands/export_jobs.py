import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from standard_versions.consultation import exports
from standard_versions.models import ExportJob, ExportStatus


class Command(BaseCommand):
    help = (
        "Export jobs (docs/operations.md): --run-queued runs the queued ones in this process "
        "(after a broker outage lost their message, or with no worker); --delete-older-than "
        "DAYS deletes the done and failed jobs requested before then, with their files."
    )

    def add_arguments(self, parser):
        parser.add_argument("--run-queued", action="store_true")
        parser.add_argument("--delete-older-than", type=int, metavar="DAYS")

    def handle(self, *args, run_queued=False, delete_older_than=None, **options):
        if run_queued:
            for job_id in ExportJob.objects.filter(status=ExportStatus.QUEUED).values_list(
                "pk", flat=True
            ):
                job = exports.run_export(job_id=job_id, now=timezone.now())
                self.stdout.write(f"export job {job_id}: {job.status if job else 'deleted'}")
        if delete_older_than is not None:
            cutoff = timezone.now() - dt.timedelta(days=delete_older_than)
            old = ExportJob.objects.filter(
                requested_at__lt=cutoff, status__in=[ExportStatus.DONE, ExportStatus.FAILED]
            )
            count = 0
            for job in old:
                exports.delete_export(job=job)
                count += 1
            self.stdout.write(f"deleted {count} export jobs and their files")
