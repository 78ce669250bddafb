"""Reads for the public consultation pages: current periods and the criteria a period is about."""

import datetime as dt

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from standard_versions.errors import NotFound
from standard_versions.memo import remembered
from standard_versions.models import (
    Comment,
    CommentPeriod,
    Criterion,
    ModerationState,
    PeriodStatus,
    Version,
    VersionStatus,
)
from standard_versions.raw_rows import first_raw_instance, raw_instances

# A raw query: the consultation page's cache lookup and time left need only these columns, and the
# ORM's query compilation would cost more than everything else a cached page does. The page shows
# how many comments of the period are published, so its cache key needs to change when one is
# published or withheld: every such change is saved with a history record (services.comments),
# whose id only grows, and the published count also covers a change made without one.
_PERIOD_HEAD_SQL = (
    "SELECT p.id, p.version_id, p.opens_at, p.closes_at, p.timezone, p.criterion_keys, "
    "p.instructions, p.changes, v.revision AS version_revision, v.status AS version_status, "
    "(SELECT COUNT(*) FROM standard_versions_comment c "
    "WHERE c.period_id = p.id AND c.moderation_state = %s) AS published_comments, "
    "(SELECT MAX(h.history_id) FROM standard_versions_historicalcomment h "
    "WHERE h.period_id = p.id) AS comments_history_id "
    "FROM standard_versions_commentperiod p "
    "JOIN standard_versions_version v ON v.id = p.version_id WHERE p.id = %s"
)


def period_head(*, period_id: int) -> CommentPeriod:
    """The period's own fields with its version's ``version_revision`` and ``version_status``,
    and ``published_comments`` and ``comments_history_id`` (what its published comments are
    like, for the page's cache key). One cheap query; no related objects loaded."""
    parameters = [ModerationState.PUBLISHED, period_id]
    period = first_raw_instance(CommentPeriod, _PERIOD_HEAD_SQL, parameters)
    if period is None:
        raise period_not_found(period_id)
    return period


def remembered_period_head(*, period_id: int, clock: float) -> CommentPeriod:
    """``period_head`` for the consultation page, remembered by this worker for
    ``PAGE_HEAD_MEMO_MS`` (``memo.py``): what the page shows of its comments changes only with a
    moderation or response saved with history, which makes the worker forget it."""
    return remembered(
        ("period head", period_id), lambda: period_head(period_id=period_id), clock=clock
    )


def period_not_found(period_id: int) -> NotFound:
    return NotFound(
        _("There is no comment period %(id)s.") % {"id": period_id},
        code="comment_period_not_found",
    )


def current_periods(*, now: dt.datetime) -> list[CommentPeriod]:
    """Open periods (soonest closing first), then scheduled ones (soonest opening first), of
    drafts only (comments are accepted on nothing else), each with its version and standard.
    One query whatever their number."""
    periods = CommentPeriod.objects.select_related("version__standard").filter(
        closes_at__gt=now, version__status=VersionStatus.DRAFT
    )
    return _soonest_first(periods, now=now)


def current_period_windows(*, now: dt.datetime) -> list[CommentPeriod]:
    """``current_periods`` without their versions and standards: each period's id, version,
    window, zone and instructions, for the home page's digest on every request. Raw SQL: the
    ORM's compiling of the join cost several times running it."""
    periods, versions = CommentPeriod._meta.db_table, Version._meta.db_table
    query = (
        "SELECT p.id, p.version_id, p.opens_at, p.closes_at, p.timezone, p.instructions "
        f"FROM {periods} p JOIN {versions} v ON v.id = p.version_id "
        "WHERE p.closes_at > %s AND v.status = %s"
    )
    periods = raw_instances(CommentPeriod, query, [now, VersionStatus.DRAFT])
    return _soonest_first(periods, now=now)


def remembered_period_windows(*, now: dt.datetime, clock: float) -> list[CommentPeriod]:
    """``current_period_windows`` for the home page, read at most every ``PAGE_HEAD_MEMO_MS`` by
    this worker (``memo.py``): the periods read then that are still current at ``now``, in
    ``now``'s order. Read again when ``now`` is before the time they were read for (only a
    test's clock goes back)."""
    read_at, windows = remembered(
        ("period windows",), lambda: (now, current_period_windows(now=now)), clock=clock
    )
    if now < read_at:
        return current_period_windows(now=now)
    return _soonest_first([window for window in windows if window.closes_at > now], now=now)


def _soonest_first(periods, *, now: dt.datetime) -> list[CommentPeriod]:
    return sorted(
        periods,
        key=lambda period: (
            period.status_at(now) != PeriodStatus.OPEN,
            period.closes_at if period.status_at(now) == PeriodStatus.OPEN else period.opens_at,
            period.pk,
        ),
    )


def current_periods_of_version(*, version_id: int, now: dt.datetime) -> list[CommentPeriod]:
    """The version's scheduled and open periods, soonest opening first (what stands in the way
    of publishing or withdrawing it). One query."""
    return list(
        CommentPeriod.objects.select_related("version__standard")
        .filter(version_id=version_id, closes_at__gt=now)
        .order_by("opens_at", "id")
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


def published_comment_counts(*, period_id: int) -> dict[str, int]:
    """How many of the period's comments are published, by criterion key ("" for comments on the
    version as a whole); keys without any are left out. One query."""
    rows = (
        Comment.objects.filter(period_id=period_id, moderation_state=ModerationState.PUBLISHED)
        .values_list("criterion_key")
        .annotate(count=Count("id"))
        .order_by()
    )
    return dict(rows)


def version_had_consultation(*, version_id: int) -> bool:
    return CommentPeriod.objects.filter(version_id=version_id).exists()


def tracking_id_exists(*, tracking_id: str) -> bool:
    return Comment.objects.filter(tracking_id=tracking_id).exists()
