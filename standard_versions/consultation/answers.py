"""The commenter answers back: accepting the response to their comment or objecting to it, with
a short text, within the period's answer window; staff moderating an objection and replying to it
once.

Every step is saved with its history twice: on the ``CommenterAnswer`` and on the comment itself
(a history record with the step as its reason). The comment's history is the audit trail staff
read, and the public report's fingerprint is built from the comments' history ids
(``selectors_report``), so a step that did not touch the comment's history would leave a cached
report stale.

The window is computed from the clock (``models.answer_status_at``): at exactly ``responded_at +
answer_window_days`` it is closed, and without an answer the response is then assumed
satisfied. Nothing is scheduled.
"""

import datetime as dt

from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation.answer_keys import check_answer_key
from standard_versions.consultation.comment_limits import (
    ANSWER_TEXT_MAX_CHARS,
    ANSWER_WINDOW_DAYS_MAX,
    ANSWER_WINDOW_DAYS_MIN,
    OBJECTION_REPLY_MAX_CHARS,
)
from standard_versions.consultation.comment_text import is_blank, storable_text

# The comment locked, with its submission recorded first (moderation's own helper, so that the
# comment's history has its first record before any staff or commenter step lands on it).
from standard_versions.consultation.moderation import comment_for_update, response_is_public
from standard_versions.consultation.selectors_comments import period_for_update
from standard_versions.errors import Conflict, Forbidden, InvalidInput, NotFound
from standard_versions.history import save_with_history
from standard_versions.models import (
    AnswerKind,
    Comment,
    CommenterAnswer,
    CommentPeriod,
    ModerationState,
)
from standard_versions.models.responses import answer_window_ends
from standard_versions.translations import i18n

# Line breaks and tabs are text; every other control character (C0, DEL, C1) is refused.
_ALLOWED_CONTROLS = frozenset("\n\r\t")


def _control_free(value: str, *, field: str) -> str:
    value = storable_text(value, field=field).replace("\r\n", "\n").replace("\r", "\n")
    if any(
        (ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F) and char not in _ALLOWED_CONTROLS
        for char in value
    ):
        raise InvalidInput(
            _("%(field)s contains characters that are not valid text.") % {"field": field},
            code="invalid_text",
        )
    return value.strip()


def _check_length(text: str, *, limit: int, code: str) -> None:
    if len(text) > limit:
        language = i18n.language_from_tag(get_language()) or "en"
        raise InvalidInput(
            _("The text has %(count)s characters; the limit is %(max)s.")
            % {
                "count": i18n.format_number(len(text), language=language),
                "max": i18n.format_number(limit, language=language),
            },
            code=code,
        )


def _window(comment: Comment) -> tuple[int, str]:
    """The period's answer window in days, and its time zone (to say when it ends)."""
    return CommentPeriod.objects.values_list("answer_window_days", "timezone").get(
        pk=comment.period_id
    )


@transaction.atomic
def answer_response(
    *, tracking_id: str, key: str, kind: str, text: str = "", now: dt.datetime
) -> CommenterAnswer:
    """The commenter accepts the response or objects to it (``text``: the objection, required
    for one and refused with an acceptance). One answer per comment; refused before the
    response is public and from the window's end on."""
    if not check_answer_key(tracking_id, key):
        raise Forbidden(
            _(
                "This link does not let you answer the response: use the link from your "
                "receipt or from the mail that told you of the response."
            ),
            code="answer_key_invalid",
        )
    if kind not in AnswerKind.values:
        raise InvalidInput(_("Accept the response or object to it."), code="invalid_answer_kind")
    text = _control_free(text, field=_("The objection"))
    if kind == AnswerKind.OBJECTED and is_blank(text):
        raise InvalidInput(_("Say why you object to the response."), code="objection_text_required")
    if kind == AnswerKind.ACCEPTED and not is_blank(text):
        raise InvalidInput(
            _("A text goes with an objection only: accepting the response takes none."),
            code="answer_text_not_allowed",
        )
    if kind == AnswerKind.ACCEPTED:
        text = ""
    _check_length(text, limit=ANSWER_TEXT_MAX_CHARS, code="objection_too_long")
    comment = comment_for_update(tracking_id)
    if not response_is_public(comment):
        raise Conflict(
            _("There is no public response to this comment yet."), code="no_response_yet"
        )
    if CommenterAnswer.objects.filter(comment=comment).exists():
        raise Conflict(
            _("The response to this comment has been answered already."),
            code="already_answered",
        )
    days, zone = _window(comment)
    ends = answer_window_ends(comment, window_days=days)
    if now >= ends:
        language = i18n.language_from_tag(get_language()) or "en"
        raise Conflict(
            _("The time to answer the response ended on %(ends)s.")
            % {"ends": i18n.format_datetime(ends, language=language, timezone=zone)},
            code="answer_window_closed",
        )
    answer = CommenterAnswer(comment=comment, kind=kind, text=text, submitted_at=now)
    if kind == AnswerKind.ACCEPTED:
        # Nothing to moderate: an acceptance has no text.
        answer.moderation_state = ModerationState.PUBLISHED
    reason = f"commenter answer: {kind}"
    save_with_history(answer, user=None, reason=reason, now=now)
    save_with_history(comment, user=None, reason=reason, now=now)
    return answer


def _objection_for_update(tracking_id: str) -> CommenterAnswer:
    answer = (
        CommenterAnswer.objects.select_for_update()
        .filter(comment__tracking_id=tracking_id, kind=AnswerKind.OBJECTED)
        .first()
    )
    if answer is None:
        raise NotFound(
            _("The response to comment %(id)s has no objection.") % {"id": tracking_id},
            code="objection_not_found",
        )
    return answer


def _record_on_comment(
    answer: CommenterAnswer, tracking_id: str, *, user, reason: str, now: dt.datetime
) -> None:
    """The step in the comment's own history too (the audit trail, the report's fingerprint)."""
    comment = comment_for_update(tracking_id)
    save_with_history(comment, user=user, reason=reason, now=now)
    answer.comment = comment


@transaction.atomic
def moderate_answer(
    *, tracking_id: str, state: str, reason: str = "", user, now: dt.datetime
) -> CommenterAnswer:
    """Publish an objection (its text becomes public) or withhold it (a reason is required and
    kept; the text is never shown)."""
    if state not in (ModerationState.PUBLISHED, ModerationState.WITHHELD):
        raise InvalidInput(
            _("An objection can be published or withheld."), code="invalid_moderation_state"
        )
    reason = _control_free(reason, field=_("The reason"))
    if state == ModerationState.WITHHELD and not reason:
        raise InvalidInput(_("Say why the objection is withheld."), code="reason_required")
    answer = _objection_for_update(tracking_id)
    if answer.moderation_state == state and answer.moderation_reason == reason:
        return answer
    answer.moderation_state = state
    answer.moderation_reason = reason
    history_reason = f"objection moderation: {state}" + (f": {reason}" if reason else "")
    save_with_history(answer, user=user, reason=history_reason, now=now)
    _record_on_comment(answer, tracking_id, user=user, reason=history_reason, now=now)
    return answer


@transaction.atomic
def reply_to_objection(*, tracking_id: str, reply: str, user, now: dt.datetime) -> CommenterAnswer:
    """Staff's one reply to an objection: a second is refused (409 ``already_replied``)."""
    reply = _control_free(reply, field=_("The reply"))
    if is_blank(reply):
        raise InvalidInput(_("Write a reply to the objection."), code="reply_required")
    _check_length(reply, limit=OBJECTION_REPLY_MAX_CHARS, code="reply_too_long")
    answer = _objection_for_update(tracking_id)
    if answer.replied_at is not None:
        raise Conflict(
            _("The objection has been replied to already; staff reply once."),
            code="already_replied",
        )
    answer.staff_reply = reply
    answer.replied_at = now
    save_with_history(answer, user=user, reason="objection reply", now=now)
    _record_on_comment(answer, tracking_id, user=user, reason="objection reply", now=now)
    return answer


def check_answer_window_days(days) -> int:
    """``days`` as a period's answer window, or refused (``answer_window_out_of_range``)."""
    if (
        isinstance(days, bool)
        or not isinstance(days, int)
        or not (ANSWER_WINDOW_DAYS_MIN <= days <= ANSWER_WINDOW_DAYS_MAX)
    ):
        raise InvalidInput(
            _("The days to answer a response are a whole number from %(min)s to %(max)s.")
            % {"min": ANSWER_WINDOW_DAYS_MIN, "max": ANSWER_WINDOW_DAYS_MAX},
            code="answer_window_out_of_range",
        )
    return days


@transaction.atomic
def set_answer_window(
    *, period_id: int, days: int, user, reason: str = "", now: dt.datetime
) -> CommentPeriod:
    """Give a period's commenters ``days`` to answer a response, counted from each response.
    It applies to every response of the period, those already given included: a shorter window
    can close one that was open (an answer already taken stands)."""
    check_answer_window_days(days)
    period = period_for_update(period_id)
    if period.answer_window_days == days:
        return period
    period.answer_window_days = days
    reason = _control_free(reason, field=_("The reason")) or f"answer window: {days} days"
    save_with_history(period, user=user, reason=reason, now=now)
    return period
