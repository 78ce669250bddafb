from django.core.management.base import BaseCommand
from django.utils import timezone

from standard_versions.consultation import near_duplicates
from standard_versions.models import CommentPeriod


class Command(BaseCommand):
    help = (
        "Group each period's comments not examined yet into near-duplicate campaigns (form "
        "letters with personal edits), as the task queue does. Earlier groupings are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", type=int, help="Only this comment period (its id).")

    def handle(self, *args, period=None, **options):
        now = timezone.now()
        periods = CommentPeriod.objects.order_by("id")
        if period is not None:
            periods = periods.filter(pk=period)
        for each in periods:
            result = near_duplicates.find_campaigns(period=each, now=now)
            self.stdout.write(
                f"period {each.pk}: {result.examined} comments examined, "
                f"{result.campaigns_created} new campaigns, {result.members_added} members added"
                + (" (stopped: another run is grouping them)" if result.stopped else "")
            )
