"""Reads of the links between responses and the changes they led to.

- ``links_of_comments``: the links of any set of comments in one query, each with the exact
  word-level change it points at (the part's text then against the linked version's text now);
- ``response_flags``: a period's accepted or partially accepted comments with no linked change;
- ``comments_behind_diff``: the published comments behind the changes of a diff, one query;
- ``LINKS_HEAD_SQL``: what the cached diffs and compare pages add to their keys, so that a link
  (or a linked comment's moderation or response) changing gives them a new ETag.

"Then" is the comment's own snapshot when the link names the criterion commented on (its title
and description when the comment was written, whatever the commented draft became since), else
the part as it stands in the commented version (empty when the part is new in the linked one).
"Now" is the part in the linked version. The requirements are one whole with no single text: a
link to them is named, without a redline (``has_redline`` false).
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from standard_versions.diff.formats import redline
from standard_versions.diff.result import CommentBehind, VersionDiff
from standard_versions.diff.words import text_ops
from standard_versions.errors import NotFound
from standard_versions.models import (
    ChangeTarget,
    Comment,
    CommentPeriod,
    Criterion,
    Disposition,
    ModerationState,
    PracticeArea,
    ResponseLink,
    Version,
)

# Dispositions that say something was changed: a response with one of them should name it.
CHANGING_DISPOSITIONS = (Disposition.ACCEPTED, Disposition.PARTIALLY_ACCEPTED)

_LINKS = ResponseLink._meta.db_table
_LINKS_HISTORY = ResponseLink.history.model._meta.db_table
_COMMENTS_HISTORY = Comment.history.model._meta.db_table
# Two numbers in one column ("links.comments", NULL when no link was ever made): every link
# created or deleted, and every change of a comment that has links (its moderation, its response).
LINKS_HEAD_SQL = (
    f"(SELECT CAST(MAX(lh.history_id) AS VARCHAR(20)) || '.' || "
    f"COALESCE(CAST((SELECT MAX(ch.history_id) FROM {_COMMENTS_HISTORY} ch "
    f"WHERE ch.id IN (SELECT l.comment_id FROM {_LINKS} l)) AS VARCHAR(20)), '0') "
    f"FROM {_LINKS_HISTORY} lh)"
)


@dataclass(frozen=True)
class LinkedChange:
    id: int
    comment_id: int
    tracking_id: str
    version_label: str
    target: str
    target_key: str
    change_class: str
    created_at: dt.datetime
    # The part's code (criterion, practice area) in the linked version now; empty otherwise.
    code: str
    has_redline: bool
    title_ops: tuple[dict, ...]
    description_ops: tuple[dict, ...]

    @property
    def title_redline(self) -> str:
        return redline(self.title_ops)

    @property
    def description_redline(self) -> str:
        return redline(self.description_ops)

    @property
    def changed(self) -> bool:
        return any(op["op"] != "equal" for op in (*self.title_ops, *self.description_ops))


def _part(version_ref: str, field_by_target: dict[str, str]):
    """The text of the link's part in the version ``version_ref`` names: a subquery per kind."""
    whens = [
        When(
            target=target,
            then=Subquery(
                model.objects.filter(version_id=OuterRef(version_ref), key=OuterRef("target_key"))
                .order_by()
                .values(field_by_target[target])[:1]
            ),
        )
        for target, model in (
            (ChangeTarget.CRITERION, Criterion),
            (ChangeTarget.PRACTICE_AREA, PracticeArea),
        )
    ]
    return Case(*whens, default=Value(""), output_field=CharField())


_CODE = {ChangeTarget.CRITERION: "code", ChangeTarget.PRACTICE_AREA: "code"}
_TITLE = {ChangeTarget.CRITERION: "title", ChangeTarget.PRACTICE_AREA: "name"}
_TEXT = {ChangeTarget.CRITERION: "description", ChangeTarget.PRACTICE_AREA: "description"}
_THEN = "comment__period__version_id"


def _links_query() -> QuerySet[ResponseLink]:
    return (
        ResponseLink.objects.select_related("version", "comment")
        .only(
            "id",
            "comment_id",
            "target",
            "target_key",
            "change_class",
            "created_at",
            "version__label",
            "comment__tracking_id",
            "comment__criterion_key",
            "comment__criterion_title",
            "comment__criterion_description",
        )
        .annotate(
            code_now=_part("version_id", _CODE),
            title_now=_part("version_id", _TITLE),
            text_now=_part("version_id", _TEXT),
            title_then=_part(_THEN, _TITLE),
            text_then=_part(_THEN, _TEXT),
        )
        .order_by("comment_id", "created_at", "id")
    )


def _linked_change(link: ResponseLink) -> LinkedChange:
    comment = link.comment
    has_redline = link.target != ChangeTarget.REQUIREMENTS
    title_ops = description_ops = ()
    if has_redline:
        own = link.target == ChangeTarget.CRITERION and link.target_key == comment.criterion_key
        title_then = comment.criterion_title if own else link.title_then or ""
        text_then = comment.criterion_description if own else link.text_then or ""
        title_ops = tuple(op.to_dict() for op in text_ops(title_then, link.title_now or ""))
        description_ops = tuple(op.to_dict() for op in text_ops(text_then, link.text_now or ""))
    return LinkedChange(
        id=link.pk,
        comment_id=link.comment_id,
        tracking_id=comment.tracking_id,
        version_label=link.version.label,
        target=link.target,
        target_key=link.target_key,
        change_class=link.change_class,
        created_at=link.created_at,
        code=link.code_now or "",
        has_redline=has_redline,
        title_ops=title_ops,
        description_ops=description_ops,
    )


def links_of_comments(*, comment_ids) -> dict[int, list[LinkedChange]]:
    """Each comment's links with the change each points at, oldest first: one query whatever the
    number of comments and links (none for no comments)."""
    ids = list(comment_ids)
    found: dict[int, list[LinkedChange]] = {pk: [] for pk in ids}
    if not ids:
        return found
    for link in _links_query().filter(comment_id__in=ids):
        found[link.comment_id].append(_linked_change(link))
    return found


def comment_links(*, tracking_id: str) -> list[LinkedChange]:
    """One comment's links: two queries (the comment, its links), or NotFound."""
    comment = Comment.objects.filter(tracking_id=tracking_id).only("id").first()
    if comment is None:
        raise NotFound(
            _("There is no comment %(id)s.") % {"id": tracking_id}, code="comment_not_found"
        )
    return links_of_comments(comment_ids=[comment.pk])[comment.pk]


def response_flags(*, period: CommentPeriod) -> QuerySet[Comment]:
    """The period's comments accepted or partially accepted whose response names no change yet,
    oldest first (the staff's to-do list)."""
    return with_needs_linked_change(Comment.objects.filter(period=period)).filter(
        needs_linked_change=True
    )


def with_needs_linked_change(comments: QuerySet[Comment]) -> QuerySet[Comment]:
    """``comments`` annotated ``needs_linked_change``: its disposition says something changed and
    no link names what (a subquery on the links' comment index, no extra query)."""
    linked = ResponseLink.objects.filter(comment_id=OuterRef("pk"))
    return comments.annotate(
        needs_linked_change=Case(
            When(Q(disposition__in=CHANGING_DISPOSITIONS) & ~Exists(linked), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    ).order_by("submitted_at", "id")


def _diff_parts(diff: VersionDiff) -> set[tuple[str, str]]:
    """The (target, key) pairs a diff shows a change of."""
    criteria = diff.criteria
    parts = {(ChangeTarget.CRITERION.value, item.key) for item in criteria.added}
    parts |= {(ChangeTarget.CRITERION.value, item.key) for item in criteria.changed}
    areas = diff.practice_areas
    parts |= {(ChangeTarget.PRACTICE_AREA.value, item.key) for item in areas.added}
    parts |= {(ChangeTarget.PRACTICE_AREA.value, item.key) for item in areas.changed}
    if len(diff.requirements):
        parts.add((ChangeTarget.REQUIREMENTS.value, ""))
    return parts


def comments_behind_diff(*, old: Version, new: Version, diff: VersionDiff) -> tuple:
    """The public comments behind the changes ``diff`` (from ``old`` to ``new``) shows: those
    published with a response, linked to a part of ``new`` or of a version of the standard created
    after ``old`` and not after ``new``, whose link names a part the diff shows as changed. One
    query; none when the diff goes back in time."""
    if old.pk == new.pk or new.created_at < old.created_at:
        return ()
    parts = _diff_parts(diff)
    if not parts:
        return ()
    rows = (
        ResponseLink.objects.filter(
            Q(version_id=new.pk)
            | Q(
                version__standard_id=new.standard_id,
                version__created_at__gt=old.created_at,
                version__created_at__lte=new.created_at,
            ),
            comment__moderation_state=ModerationState.PUBLISHED,
        )
        .exclude(comment__response="")
        .order_by("created_at", "id")
        .values_list(
            "comment__tracking_id", "target", "target_key", "change_class", "version__label"
        )
    )
    return tuple(
        CommentBehind(
            tracking_id=tracking_id,
            target=target,
            key=key,
            change_class=change_class,
            version=label,
            receipt_path=reverse("web:comment-receipt", args=[tracking_id]),
            api_path=reverse("comment-receipt", args=[tracking_id]),
        )
        for tracking_id, target, key, change_class, label in rows
        if (target, key) in parts
    )
