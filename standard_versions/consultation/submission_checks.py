"""The checks a submission passes before it is stored (``comments._store``): its period open and
on a draft, its criterion in scope, its texts within the limits. Each refuses with the API's error
and code, in the active language."""

import datetime as dt

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation import deadlines
from standard_versions.consultation.comment_limits import BODY_MAX_CHARS, PROPOSED_TEXT_MAX_CHARS
from standard_versions.consultation.comment_text import is_blank
from standard_versions.errors import Forbidden, InvalidInput
from standard_versions.models import CommentPeriod, Criterion, PeriodStatus, VersionStatus
from standard_versions.raw_rows import first_raw_instance
from standard_versions.translations import i18n


def refuse_unless_open(period: CommentPeriod, *, now: dt.datetime) -> None:
    status = period.status_at(now)
    if status == PeriodStatus.OPEN:
        return
    # In the active language (the request's), as the pages say it.
    accepting = deadlines.accepting_text(
        period.opens_at,
        period.closes_at,
        timezone=period.timezone,
        language=i18n.current_language(),
    )
    if status == PeriodStatus.SCHEDULED:
        raise Forbidden(
            _("This comment period is not open yet: comments are accepted %(accepting)s.")
            % {"accepting": accepting},
            code="comment_period_not_open",
        )
    raise Forbidden(
        _("This comment period has closed: comments were accepted %(accepting)s.")
        % {"accepting": accepting},
        code="comment_period_closed",
    )


def refuse_unless_draft(period: CommentPeriod, *, label: str, status: str) -> None:
    """Comments are only ever on drafts: publishing or withdrawing closes a draft's periods, and
    this refuses any period left open on a version that is no longer one (older data)."""
    if status == VersionStatus.DRAFT:
        return
    raise Forbidden(
        _("Version %(label)s is %(status)s: comments are accepted only on drafts.")
        % {"label": label, "status": VersionStatus(status).label},
        code="version_not_draft",
    )


def accepting(period: CommentPeriod, *, now: dt.datetime) -> bool:
    """Whether ``period`` accepts a comment at ``now``: open, on a draft. ``period`` as
    ``comments._locked_period_window`` reads it (with ``version_status``)."""
    return (
        period.status_at(now) == PeriodStatus.OPEN and period.version_status == VersionStatus.DRAFT
    )


def criterion_in_scope(period: CommentPeriod, code: str) -> Criterion | None:
    if not code:
        return None
    # Raw SQL: on every submission, and the ORM's compiling of it cost more than the query.
    criteria = Criterion._meta.db_table
    query = (
        f"SELECT id, key, code, title, description, revision FROM {criteria} "
        "WHERE version_id = %s AND code = %s LIMIT 1"
    )
    criterion = first_raw_instance(Criterion, query, [period.version_id, code])
    in_scope = criterion is not None and (
        period.criterion_keys is None or criterion.key in period.criterion_keys
    )
    if not in_scope:
        raise InvalidInput(
            _("Criterion %(code)s is not open for comment in this period.") % {"code": code},
            code="criterion_not_in_scope",
        )
    return criterion


def check_lengths(*, body: str, proposed_text: str) -> None:
    if is_blank(body):
        raise InvalidInput(_("The comment is empty."), code="comment_body_empty")
    # Refused whole, never cut: the numbers in the reader's language ("10,001", "10.001").
    language = i18n.language_from_tag(get_language()) or "en"
    for text, limit, message, code in (
        (
            body,
            BODY_MAX_CHARS,
            _("The comment has %(count)s characters; the limit is %(max)s."),
            "comment_body_too_long",
        ),
        (
            proposed_text,
            PROPOSED_TEXT_MAX_CHARS,
            _("The proposed text has %(count)s characters; the limit is %(max)s."),
            "proposed_text_too_long",
        ),
    ):
        if len(text) > limit:
            count = i18n.format_number(len(text), language=language)
            limit_display = i18n.format_number(limit, language=language)
            raise InvalidInput(message % {"count": count, "max": limit_display}, code=code)
