from django.core.management.base import BaseCommand

from standard_versions.consultation import tallies
from standard_versions.management.commands._periods import add_period_argument, periods_named


class Command(BaseCommand):
    help = (
        "Rebuild each period's campaign tallies (identical comments counted at ingest) from its "
        "comments, as after restoring the comment table alone. Safe while comments arrive."
    )

    def add_arguments(self, parser):
        add_period_argument(parser)

    def handle(self, *args, period=None, **options):
        for each in periods_named(period):
            count = tallies.recount_tallies(period=each)
            self.stdout.write(f"period {each.pk}: {count} groups of identical comments")
