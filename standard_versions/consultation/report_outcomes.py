"""What came of one comment in the disposition report: the changes its response led to (links
with the changed part's code in the linked version) and where it stands with its commenter
(``answer_status_at`` at the request's ``now``), the objection's text only once published.

``with_outcomes`` adds what a report's read of comments needs to read them in fixed queries: the
answer joined in the same query, the links prefetched in one more (per chunk, when iterated).
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from standard_versions.models import (
    AnswerKind,
    Comment,
    Criterion,
    ModerationState,
    PracticeArea,
    ResponseLink,
)
from standard_versions.models.responses import answer_status_at

ANSWER_FIELDS = (
    "answer__kind",
    "answer__text",
    "answer__moderation_state",
    "answer__staff_reply",
    "answer__replied_at",
    "answer__submitted_at",
    "answer__comment_id",
)


def _links():
    code = Coalesce(
        Subquery(
            Criterion.objects.filter(
                version_id=OuterRef("version_id"), key=OuterRef("target_key")
            ).values("code")[:1]
        ),
        Subquery(
            PracticeArea.objects.filter(
                version_id=OuterRef("version_id"), key=OuterRef("target_key")
            ).values("code")[:1]
        ),
    )
    queryset = ResponseLink.objects.annotate(
        version_label=F("version__label"), target_code=code
    ).only("comment_id", "version_id", "target", "target_key", "change_class")
    return Prefetch("response_links", queryset=queryset.order_by("id"), to_attr="report_links")


def with_outcomes(comments):
    """The comments with their answer (same query) and links (one query more)."""
    return comments.select_related("answer").prefetch_related(_links())


@dataclass(frozen=True)
class LinkedChange:
    target: str
    key: str
    # The criterion's or practice area's code in the linked version ("" for the requirements,
    # or a key that version no longer has).
    code: str
    version: str
    change_class: str

    def as_text(self) -> str:
        part = self.code or self.key or self.target
        return f"{part} ({self.version}, {self.change_class})"


@dataclass(frozen=True)
class CommentOutcome:
    links: list[LinkedChange]
    answer_status: str
    # The commenter's objection, once published (None: none, or not public).
    objection: str | None
    staff_reply: str
    replied_at: dt.datetime | None


def outcome_of(comment: Comment, *, window_days: int, now: dt.datetime) -> CommentOutcome:
    answer = getattr(comment, "answer", None)
    public = (
        answer is not None
        and answer.kind == AnswerKind.OBJECTED
        and answer.moderation_state == ModerationState.PUBLISHED
    )
    return CommentOutcome(
        links=[
            LinkedChange(
                target=link.target,
                key=link.target_key,
                code=link.target_code or "",
                version=link.version_label,
                change_class=link.change_class,
            )
            for link in getattr(comment, "report_links", [])
        ],
        answer_status=answer_status_at(comment, answer, window_days=window_days, now=now),
        objection=answer.text if public else None,
        # A reply to a withheld objection is withheld with it.
        staff_reply=answer.staff_reply if public else "",
        replied_at=answer.replied_at if public and answer.staff_reply else None,
    )
