from django.core.management.base import BaseCommand
from django.utils import timezone

from standard_versions.consultation import near_duplicates
from standard_versions.management.commands._periods import add_period_argument, periods_named


class Command(BaseCommand):
    help = (
        "Group each period's comments not examined yet into near-duplicate campaigns (form "
        "letters with personal edits), as the task queue does. Earlier groupings are kept."
    )

    def add_arguments(self, parser):
        add_period_argument(parser)

    def handle(self, *args, period=None, **options):
        now = timezone.now()
        for each in periods_named(period):
            result = near_duplicates.find_campaigns(period=each, now=now)
            self.stdout.write(
                f"period {each.pk}: {result.examined} comments examined, "
                f"{result.campaigns_created} new campaigns, {result.members_added} members added"
                + (" (stopped: another run is grouping them)" if result.stopped else "")
            )
