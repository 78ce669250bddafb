"""Comment periods: create, extend, close early, reopen. Publishers only (checked by the views).

Every change of dates is saved with its reason (simple-history) and appended to the period's
public ``changes`` list. Periods can only be opened or lengthened on draft versions; closing is
always allowed. A draft is published or withdrawn only when none of its periods is scheduled or
open (``close_periods_of_version``): the request closes them explicitly, with its reason, or is
refused, so no period ever stays open on a version that is not a draft.
"""

import datetime as dt
import zoneinfo
from functools import lru_cache

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation.answers import check_answer_window_days
from standard_versions.consultation.selectors_comments import period_for_update
from standard_versions.errors import Conflict, InvalidInput
from standard_versions.history import save_with_history
from standard_versions.models import (
    DEFAULT_ANSWER_WINDOW_DAYS,
    CommentPeriod,
    Criterion,
    PeriodStatus,
    Version,
    VersionStatus,
)
from standard_versions.notifications import events
from standard_versions.standards.revisions import bump_version_revision
from standard_versions.text.rendering import MarkdownTooLong, render_markdown


@lru_cache(maxsize=1)
def _known_timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_timezone(name: str) -> str:
    if name not in _known_timezones():
        raise InvalidInput(
            _("%(name)s is not an IANA time zone name such as America/New_York.") % {"name": name},
            code="invalid_timezone",
        )
    return name


def _require_aware(**instants: dt.datetime) -> None:
    for field, value in instants.items():
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidInput(
                _("%(field)s needs a UTC offset or Z.") % {"field": field},
                code="datetime_without_offset",
            )


# Far enough for any real consultation; keeps every instant printable in every time zone.
EARLIEST = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)
LATEST = dt.datetime(2200, 1, 1, tzinfo=dt.UTC)


def _check_range(**instants: dt.datetime) -> None:
    for field, value in instants.items():
        if not EARLIEST <= value <= LATEST:
            raise InvalidInput(
                _("%(field)s must be between 1990 and 2200.") % {"field": field},
                code="datetime_out_of_range",
            )


def _check_dates(*, opens_at: dt.datetime, closes_at: dt.datetime) -> None:
    _check_range(opens_at=opens_at, closes_at=closes_at)
    if closes_at <= opens_at:
        raise InvalidInput(
            _("closes_at must be after opens_at."), code="closes_at_not_after_opens_at"
        )


def _require_draft(version: Version) -> None:
    if version.status != VersionStatus.DRAFT:
        raise Conflict(
            _("Version %(label)s is %(status)s; comment periods are only for drafts.")
            % {"label": version.label, "status": version.status},
            code="version_not_draft",
        )


def _check_instructions(instructions: str) -> None:
    try:
        render_markdown(instructions)
    except MarkdownTooLong:
        raise InvalidInput(
            _("The instructions are too long."), code="instructions_too_long"
        ) from None


def scope_keys(*, version: Version, codes: list[str] | None) -> list[str] | None:
    """The permanent keys of the criteria ``codes`` of ``version``, in the version's order."""
    if codes is None:
        return None
    if not codes:
        raise InvalidInput(
            _("Give at least one criterion, or none for the whole version."), code="scope_empty"
        )
    found = dict(Criterion.objects.filter(version=version).values_list("code", "key"))
    unknown = sorted({code for code in codes if code not in found})
    if unknown:
        raise InvalidInput(
            _("Version %(label)s has no criteria %(codes)s.")
            % {"label": version.label, "codes": ", ".join(unknown)},
            code="criterion_not_in_version",
        )
    wanted = set(codes)
    return [key for code, key in found.items() if code in wanted]


def _version(*, standard_slug: str, label: str) -> Version:
    version = (
        Version.objects.select_related("standard")
        .filter(standard__slug=standard_slug, label=label)
        .first()
    )
    if version is None:
        raise InvalidInput(
            _("Standard %(std)s has no version %(label)s.")
            % {"std": standard_slug, "label": label},
            code="version_not_found",
        )
    return version


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(_("Give a reason; it is shown publicly."), code="reason_required")
    return reason


def _record(period: CommentPeriod, *, kind: str, now: dt.datetime, reason: str, before) -> None:
    period.changes = [
        *period.changes,
        {
            "kind": kind,
            "at": now.isoformat(),
            "reason": reason,
            "closes_at_before": before.isoformat(),
            "closes_at_after": period.closes_at.isoformat(),
        },
    ]


def _locked_for_new_closing(
    *, period_id: int, closes_at: dt.datetime, reason: str
) -> tuple[CommentPeriod, str]:
    """What extending and reopening check first, in this order: the reason (stripped, returned),
    the period (locked), and the new closing instant (with an offset, inside the range)."""
    reason = _require_reason(reason)
    period = period_for_update(period_id)
    _require_aware(closes_at=closes_at)
    _check_range(closes_at=closes_at)
    return period, reason


def _move_closing(
    period: CommentPeriod, *, closes_at: dt.datetime, kind: str, user, reason: str, now: dt.datetime
) -> None:
    """Set the period's closing instant, recorded publicly as a change of ``kind`` and saved
    with its history."""
    before, period.closes_at = period.closes_at, closes_at
    _record(period, kind=kind, now=now, reason=reason, before=before)
    save_with_history(period, user=user, reason=reason, now=now)
    events.period_changed(period, change=kind, reason=reason, now=now)


@transaction.atomic
def create_period(
    *,
    standard_slug: str,
    label: str,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    timezone: str,
    criteria: list[str] | None,
    instructions: str = "",
    answer_window_days: int = DEFAULT_ANSWER_WINDOW_DAYS,
    user,
    reason: str,
    now: dt.datetime,
) -> CommentPeriod:
    version = _version(standard_slug=standard_slug, label=label)
    _require_draft(version)
    _require_aware(opens_at=opens_at, closes_at=closes_at)
    _check_dates(opens_at=opens_at, closes_at=closes_at)
    validate_timezone(timezone)
    _check_instructions(instructions)
    check_answer_window_days(answer_window_days)
    period = CommentPeriod(
        version=version,
        opens_at=opens_at,
        closes_at=closes_at,
        timezone=timezone,
        criterion_keys=scope_keys(version=version, codes=criteria),
        instructions=instructions,
        answer_window_days=answer_window_days,
        created_at=now,
    )
    save_with_history(period, user=user, reason=reason or "comment period created", now=now)
    return period


@transaction.atomic
def extend_period(
    *, period_id: int, closes_at: dt.datetime, user, reason: str, now: dt.datetime
) -> CommentPeriod:
    """Move a scheduled or open period's closing instant later."""
    period, reason = _locked_for_new_closing(
        period_id=period_id, closes_at=closes_at, reason=reason
    )
    if period.status_at(now) == PeriodStatus.CLOSED:
        raise Conflict(_("The period has closed; reopen it instead."), code="comment_period_closed")
    _require_draft(period.version)
    if closes_at <= period.closes_at:
        raise InvalidInput(
            _("An extension must close later than %(closes_at)s.")
            % {"closes_at": period.closes_at.isoformat()},
            code="closes_at_not_later",
        )
    _move_closing(period, closes_at=closes_at, kind="extended", user=user, reason=reason, now=now)
    return period


@transaction.atomic
def close_period_early(*, period_id: int, user, reason: str, now: dt.datetime) -> CommentPeriod:
    """Close an open period at ``now``; comments submitted before ``now`` stay valid."""
    reason = _require_reason(reason)
    period = period_for_update(period_id)
    status = period.status_at(now)
    if status == PeriodStatus.CLOSED:
        raise Conflict(_("The period has already closed."), code="comment_period_closed")
    if status == PeriodStatus.SCHEDULED:
        raise Conflict(_("The period has not opened yet."), code="comment_period_not_open")
    _close_now(period, user=user, reason=reason, now=now)
    return period


def _close_now(period: CommentPeriod, *, user, reason: str, now: dt.datetime) -> None:
    # A period closed in the very microsecond it opened still needs closes_at > opens_at.
    closing = max(now, period.opens_at + dt.timedelta(microseconds=1))
    _move_closing(period, closes_at=closing, kind="closed_early", user=user, reason=reason, now=now)


def _cancel_scheduled(period: CommentPeriod, *, user, reason: str, now: dt.datetime) -> None:
    """A scheduled period that will never open: it becomes a closed period of one microsecond
    ending at ``now`` (the table requires closes_at > opens_at, and no comment can have been
    made in it). The change keeps the opening it had."""
    opens_before, before = period.opens_at, period.closes_at
    period.opens_at, period.closes_at = now - dt.timedelta(microseconds=1), now
    _record(period, kind="cancelled", now=now, reason=reason, before=before)
    period.changes[-1]["opens_at_before"] = opens_before.isoformat()
    save_with_history(period, user=user, reason=reason, now=now)


# What is refused when a period is in the way, by what the version is about to become.
_IN_THE_WAY = {
    "publish": _(
        "Comment period %(id)s of version %(label)s (%(period)s) is %(status)s: close it, "
        "with a reason, before the version is published."
    ),
    "withdraw": _(
        "Comment period %(id)s of version %(label)s (%(period)s) is %(status)s: close it, "
        "with a reason, before the draft is withdrawn."
    ),
}


def close_periods_of_version(
    *, version: Version, close: bool, action: str, user, reason: str, now: dt.datetime
) -> list[CommentPeriod]:
    """Before ``version`` stops being a draft (``action`` "publish" or "withdraw"): its
    scheduled and open periods, locked. Refused (409 ``comment_period_open``, naming the first)
    unless ``close``; then open ones close at ``now`` and scheduled ones are cancelled, each
    with ``reason`` in its history and public changes. Called inside the caller's transaction,
    after it locked the version: a comment commits under a shared lock on its period, so it is
    either in before the close or refused after it."""
    in_the_way = list(
        CommentPeriod.objects.select_for_update()
        .filter(version_id=version.pk, closes_at__gt=now)
        .order_by("opens_at", "id")
    )
    if not in_the_way:
        return []
    if not close:
        period = in_the_way[0]
        period.version = version
        raise Conflict(
            _IN_THE_WAY[action]
            % {
                "id": period.pk,
                "label": version.label,
                "period": str(period),
                "status": PeriodStatus(period.status_at(now)).label,
            },
            code="comment_period_open",
        )
    reason = _require_reason(reason)
    for period in in_the_way:
        period.version = version
        if period.status_at(now) == PeriodStatus.SCHEDULED:
            _cancel_scheduled(period, user=user, reason=reason, now=now)
        else:
            _close_now(period, user=user, reason=reason, now=now)
    return in_the_way


@transaction.atomic
def reopen_period(
    *, period_id: int, closes_at: dt.datetime, user, reason: str, now: dt.datetime
) -> CommentPeriod:
    """Open a closed period again, from ``now`` until ``closes_at``."""
    period, reason = _locked_for_new_closing(
        period_id=period_id, closes_at=closes_at, reason=reason
    )
    if period.status_at(now) != PeriodStatus.CLOSED:
        raise Conflict(_("The period has not closed."), code="comment_period_not_closed")
    _require_draft(period.version)
    if closes_at <= now:
        raise InvalidInput(_("closes_at must be in the future."), code="closes_at_not_in_future")
    _move_closing(period, closes_at=closes_at, kind="reopened", user=user, reason=reason, now=now)
    return period


@transaction.atomic
def record_past_period(
    *,
    reference: str,
    standard_slug: str,
    label: str,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    timezone: str,
    criteria: list[str] | None,
    instructions: str,
    user,
    reason: str,
    now: dt.datetime,
) -> tuple[CommentPeriod, bool]:
    """Record a period that already happened (shipped history), identified by ``reference``.

    Unlike ``create_period`` this does not require a draft: the 2022 period of WWC 3.0 ran while
    3.0 was a draft, and 3.0 has been published since. Only closed periods are accepted, so this
    can never open a consultation on a published version. Loading the same data again changes
    nothing; changed data updates the period with ``reason``.
    """
    version = _version(standard_slug=standard_slug, label=label)
    _require_aware(opens_at=opens_at, closes_at=closes_at)
    _check_dates(opens_at=opens_at, closes_at=closes_at)
    validate_timezone(timezone)
    if closes_at > now:
        raise InvalidInput(
            _("A recorded past period must have closed already."), code="period_not_in_past"
        )
    values = {
        "version": version,
        "opens_at": opens_at,
        "closes_at": closes_at,
        "timezone": timezone,
        "criterion_keys": scope_keys(version=version, codes=criteria),
        "instructions": instructions,
    }
    period = CommentPeriod.objects.select_for_update().filter(reference=reference).first()
    if period is None:
        period = CommentPeriod(reference=reference, created_at=now, **values)
        save_with_history(period, user=user, reason=reason, now=now)
        # The version's page now links to its disposition report: its cached copies must go.
        bump_version_revision(version=version)
        return period, True
    changed = {name: value for name, value in values.items() if getattr(period, name) != value}
    if changed:
        for name, value in changed.items():
            setattr(period, name, value)
        save_with_history(period, user=user, reason=reason, now=now)
    return period, bool(changed)
