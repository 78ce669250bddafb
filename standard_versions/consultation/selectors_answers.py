"""Reads of the commenters' answers: where a comment's response stands with its commenter at a
given instant (the receipt, in the API and on the page), and a period's open objections (staff).

The status is computed from the clock at each read (``models.answer_status_at``): a receipt
read one microsecond after the window's end says "assumed satisfied" with nothing written.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from standard_versions.consultation.moderation import response_is_public
from standard_versions.models import (
    AnswerKind,
    AnswerStatus,
    Comment,
    CommenterAnswer,
    CommentPeriod,
    ModerationState,
)
from standard_versions.models.responses import answer_status_at, answer_window_ends


@dataclass(frozen=True)
class AnswerState:
    """What the public may know of a response's answer at ``now``. ``text`` and the staff
    reply only of a published objection; ``window_open``: an answer would be taken now."""

    status: str
    window_ends_at: dt.datetime | None
    window_open: bool
    kind: str | None
    moderation_state: str | None
    # Why an objection was withheld (public, as a withheld comment's reason is).
    moderation_reason: str
    submitted_at: dt.datetime | None
    text: str
    staff_reply: str
    replied_at: dt.datetime | None


def answer_of(comment: Comment) -> CommenterAnswer | None:
    """The comment's answer, or None: no query when it was read with the comment
    (``select_related("answer")``, as ``selectors_comments.comment_receipt`` does), else one."""
    try:
        return comment.answer
    except CommenterAnswer.DoesNotExist:
        return None


def answer_state(
    comment: Comment, answer: CommenterAnswer | None, *, now: dt.datetime
) -> AnswerState:
    """``comment`` with its period loaded; ``answer`` as ``answer_of`` read it. No query."""
    if not response_is_public(comment):
        return AnswerState(
            status=AnswerStatus.NO_RESPONSE,
            window_ends_at=None,
            window_open=False,
            kind=None,
            moderation_state=None,
            moderation_reason="",
            submitted_at=None,
            text="",
            staff_reply="",
            replied_at=None,
        )
    days = comment.period.answer_window_days
    ends = answer_window_ends(comment, window_days=days)
    status = answer_status_at(comment, answer, window_days=days, now=now)
    public = (
        answer is not None
        and answer.kind == AnswerKind.OBJECTED
        and answer.moderation_state == ModerationState.PUBLISHED
    )
    return AnswerState(
        status=str(status),
        window_ends_at=ends,
        window_open=answer is None and ends is not None and now < ends,
        kind=answer.kind if answer else None,
        moderation_state=answer.moderation_state if answer else None,
        moderation_reason=answer.moderation_reason if answer else "",
        submitted_at=answer.submitted_at if answer else None,
        text=answer.text if public else "",
        staff_reply=answer.staff_reply if public else "",
        replied_at=answer.replied_at if public else None,
    )


def open_objections(*, period: CommentPeriod) -> QuerySet[CommenterAnswer]:
    """The period's objections that staff have not replied to (any moderation state), oldest
    first, with their comments. One query per page."""
    return (
        CommenterAnswer.objects.filter(
            comment__period_id=period.pk, kind=AnswerKind.OBJECTED, replied_at__isnull=True
        )
        .select_related("comment")
        .order_by("submitted_at", "id")
    )
