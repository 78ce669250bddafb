"""Shared parts of the commands that work period by period: ``--period`` names one."""

from standard_versions.models import CommentPeriod


def add_period_argument(parser) -> None:
    parser.add_argument("--period", type=int, help="Only this comment period (its id).")


def periods_named(period: int | None):
    """Every comment period in the order of their ids, or only ``period`` (an id) if given."""
    periods = CommentPeriod.objects.order_by("id")
    return periods if period is None else periods.filter(pk=period)
