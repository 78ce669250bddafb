"""Reads for the public consultation pages: current periods and the criteria a period is about."""

import datetime as dt

from standard_versions.models import Comment, CommentPeriod, Criterion, PeriodStatus


def current_periods(*, now: dt.datetime) -> list[CommentPeriod]:
    """Open periods (soonest closing first), then scheduled ones (soonest opening first). One
    query whatever their number."""
    periods = CommentPeriod.objects.select_related("version__standard").filter(closes_at__gt=now)
    return sorted(
        periods,
        key=lambda period: (
            period.status_at(now) != PeriodStatus.OPEN,
            period.closes_at if period.status_at(now) == PeriodStatus.OPEN else period.opens_at,
            period.pk,
        ),
    )


def period_criteria(*, period: CommentPeriod) -> list[Criterion]:
    """The criteria in the period's scope (all of the version's when it has none), in the
    version's order, each with its practice area. One query."""
    criteria = (
        Criterion.objects.filter(version_id=period.version_id)
        .select_related("practice_area")
        .order_by("practice_area__position", "position", "code")
    )
    if period.criterion_keys is not None:
        criteria = criteria.filter(key__in=period.criterion_keys)
    return list(criteria)


def version_had_consultation(*, version_id: int) -> bool:
    return CommentPeriod.objects.filter(version_id=version_id).exists()


def tracking_id_exists(*, tracking_id: str) -> bool:
    return Comment.objects.filter(tracking_id=tracking_id).exists()
