from django.core.management.base import BaseCommand

from standard_versions.consultation import tallies
from standard_versions.models import CommentPeriod


class Command(BaseCommand):
    help = (
        "Rebuild each period's campaign tallies (identical comments counted at ingest) from its "
        "comments, as after restoring the comment table alone. Safe while comments arrive."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", type=int, help="Only this comment period (its id).")

    def handle(self, *args, period=None, **options):
        periods = CommentPeriod.objects.order_by("id")
        if period is not None:
            periods = periods.filter(pk=period)
        for each in periods:
            count = tallies.recount_tallies(period=each)
            self.stdout.write(f"period {each.pk}: {count} groups of identical comments")
