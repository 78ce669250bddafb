"""The receipt's part about the commenter's answer to the response: where it stands, in the
reader's language, and the form to accept or object (shown only with a valid answer key while
the window is open). Nothing here queries the database."""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from standard_versions.consultation import comment_limits
from standard_versions.consultation.answer_keys import KEY_MAX_CHARS, check_answer_key
from standard_versions.consultation.selectors_answers import AnswerState
from standard_versions.models import AnswerKind, AnswerStatus, Comment, ModerationState
from standard_versions.translations import i18n


@dataclass(frozen=True)
class AnswerFormInput:
    """The answer as the form sent it, kept to show again with its error (nothing lost)."""

    key: str
    kind: str
    text: str
    error: str = ""


@dataclass(frozen=True)
class AnswerSection:
    shown: bool
    status: str
    status_text: str
    # A published objection's text, staff's reply and when it came.
    objection: str
    moderation_note: str
    staff_reply: str
    replied_display: str
    # The form: with a valid key while the window is open.
    form_shown: bool
    key: str
    key_refused: bool
    need_key: bool
    action: str
    kind: str
    text: str
    error: str
    answered: bool
    limit_display: str


def _when(moment: dt.datetime | None, comment: Comment, *, language: str) -> str:
    if moment is None:
        return ""
    return i18n.format_datetime(moment, language=language, timezone=comment.period.timezone)


def _status_text(state: AnswerState, comment: Comment, *, language: str, submitted) -> str:
    ends = _when(state.window_ends_at, comment, language=language)
    if state.status == AnswerStatus.PENDING:
        return str(
            _(
                "The commenter can accept the response or object to it until %(when)s. "
                "Without an answer by then, the response is assumed satisfactory."
            )
            % {"when": ends}
        )
    if state.status == AnswerStatus.ASSUMED_SATISFIED:
        return str(
            _("No answer came by %(when)s, so the response is assumed satisfactory.")
            % {"when": ends}
        )
    when = _when(submitted, comment, language=language)
    if state.status == AnswerStatus.ACCEPTED:
        return str(_("The commenter accepted the response on %(when)s.") % {"when": when})
    if state.status == AnswerStatus.OBJECTED:
        return str(_("The commenter objected to the response on %(when)s.") % {"when": when})
    return ""


def _moderation_note(state: AnswerState) -> str:
    if state.kind != AnswerKind.OBJECTED:
        return ""
    if state.moderation_state == ModerationState.RECEIVED:
        return str(_("The objection is waiting for moderation; its text is public once published."))
    if state.moderation_state == ModerationState.WITHHELD:
        return str(
            _("The objection was withheld: %(reason)s") % {"reason": state.moderation_reason}
        )
    return ""


def answer_section(
    comment: Comment,
    state: AnswerState,
    *,
    language: str,
    key: str,
    form: AnswerFormInput | None,
    answered: bool,
    action: str,
) -> AnswerSection:
    """``comment`` with its period loaded; ``state`` from ``selectors_answers.answer_state``;
    ``key`` from ``?key=`` or the form; ``form``: a refused answer shown again."""
    key = key[: KEY_MAX_CHARS + 1]  # a longer one is refused whole; never echo a huge value
    key_valid = bool(key) and check_answer_key(comment.tracking_id, key)
    return AnswerSection(
        shown=state.status != AnswerStatus.NO_RESPONSE,
        status=state.status,
        status_text=_status_text(state, comment, language=language, submitted=state.submitted_at),
        objection=state.text,
        moderation_note=_moderation_note(state),
        staff_reply=state.staff_reply,
        replied_display=_when(state.replied_at, comment, language=language),
        form_shown=key_valid and state.window_open,
        key=key if key_valid else "",
        key_refused=bool(key) and not key_valid and state.window_open,
        need_key=not key and state.window_open,
        action=action,
        kind=form.kind if form else "",
        text=form.text if form else "",
        error=form.error if form else "",
        answered=answered,
        limit_display=i18n.format_number(comment_limits.ANSWER_TEXT_MAX_CHARS, language=language),
    )
