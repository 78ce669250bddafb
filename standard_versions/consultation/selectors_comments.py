"""Reads of comment periods and comments, each with a fixed number of queries."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation import selectors_campaigns
from standard_versions.consultation.search import search_comments
from standard_versions.consultation.selectors import period_not_found
from standard_versions.consultation.selectors_response_links import (
    LinkedChange,
    links_of_comments,
    with_needs_linked_change,
)
from standard_versions.diff.words import word_diff
from standard_versions.errors import InvalidInput, NotFound
from standard_versions.models import (
    Comment,
    CommentPeriod,
    Criterion,
    IdenticalCommentTally,
    ModerationState,
    PeriodStatus,
    ResponseLink,
    Translation,
)
from standard_versions.translations.content import SOURCE_LANGUAGE, ContentText
from standard_versions.translations.i18n import TRANSLATED_LANGUAGES
from standard_versions.translations.translatable import MISSING, field_status

EXPORT_CHUNK_SIZE = 2000
MAX_QUERY_CHARS = 1000


def _status_filter(status: str, now: dt.datetime) -> Q:
    if status == PeriodStatus.SCHEDULED:
        return Q(opens_at__gt=now)
    if status == PeriodStatus.OPEN:
        return Q(opens_at__lte=now, closes_at__gt=now)
    if status == PeriodStatus.CLOSED:
        return Q(closes_at__lte=now)
    raise InvalidInput(
        _("status must be scheduled, open or closed, not %(value)s.") % {"value": status[:40]},
        code="invalid_status",
    )


def attach_scope_codes(periods: list[CommentPeriod]) -> list[CommentPeriod]:
    """Set ``scope_codes`` (codes of the criteria in scope, in the version's order, or None) on
    each period, with one query for all of them."""
    scoped_versions = {p.version_id for p in periods if p.criterion_keys is not None}
    codes: dict[tuple[int, str], tuple[str, tuple]] = {}
    if scoped_versions:
        rows = (
            Criterion.objects.filter(version_id__in=scoped_versions)
            .order_by("practice_area__position", "position", "code")
            .values_list("version_id", "key", "code")
        )
        for order, (version_id, key, code) in enumerate(rows):
            codes[(version_id, key)] = (code, order)
    for period in periods:
        if period.criterion_keys is None:
            period.scope_codes = None
            continue
        found = [
            codes[(period.version_id, k)]
            for k in period.criterion_keys
            if (period.version_id, k) in codes
        ]
        period.scope_codes = [code for code, _order in sorted(found, key=lambda item: item[1])]
    return periods


def period_list(*, status: str | None, now: dt.datetime) -> QuerySet[CommentPeriod]:
    periods = CommentPeriod.objects.select_related("version__standard").order_by("opens_at", "id")
    if status:
        periods = periods.filter(_status_filter(status, now))
    return periods


def period_get(*, period_id: int) -> CommentPeriod:
    period = CommentPeriod.objects.select_related("version__standard").filter(pk=period_id).first()
    if period is None:
        raise period_not_found(period_id)
    return period


def period_for_update(period_id: int) -> CommentPeriod:
    """The period with its version and standard, locked for the rest of the transaction (the
    services that change it start here), or NotFound."""
    period = (
        CommentPeriod.objects.select_for_update()
        .select_related("version__standard")
        .filter(pk=period_id)
        .first()
    )
    if period is None:
        raise period_not_found(period_id)
    return period


def published_comments(
    *, period: CommentPeriod, one_per_campaign: bool = False
) -> QuerySet[Comment]:
    """The period's published comments, oldest first; with ``one_per_campaign``, a near-duplicate
    campaign's first published member only (``selectors_campaigns.one_per_campaign``)."""
    comments = Comment.objects.filter(
        period=period, moderation_state=ModerationState.PUBLISHED
    ).order_by("submitted_at", "id")
    return selectors_campaigns.one_per_campaign(comments) if one_per_campaign else comments


def staff_comments(
    *, period: CommentPeriod, state: str | None, query: str | None = None
) -> QuerySet[Comment]:
    """The period's comments for staff, oldest first: in one moderation ``state`` if given, and
    those ``query`` finds if given (a tracking id, or words in each comment's language:
    consultation/search.py); each with ``needs_linked_change``."""
    comments = Comment.objects.filter(period=period).order_by("submitted_at", "id")
    if state:
        if state not in ModerationState.values:
            raise InvalidInput(
                _("state must be received, published or withheld."), code="invalid_state"
            )
        comments = comments.filter(moderation_state=state)
    if query:
        if len(query) > MAX_QUERY_CHARS:
            raise InvalidInput(
                _("A search is at most %(limit)s characters.") % {"limit": MAX_QUERY_CHARS},
                code="query_too_long",
            )
        comments = search_comments(comments, query=query).order_by("submitted_at", "id")
    # Accepted with no change named yet: the staff's flag, a subquery (no query more).
    return with_needs_linked_change(comments)


@dataclass
class CriterionChange:
    removed: bool
    changed: bool
    title_diff: list[dict] | None
    description_diff: list[dict] | None


@dataclass(frozen=True)
class ShownText:
    """A text as a reader was shown it: its language and translation status (as in the API)."""

    text: str
    language: str
    status: str


@dataclass
class Receipt:
    comment: Comment
    criterion_change: CriterionChange | None
    # The criterion as it is now (None: a comment on the whole version, or a removed criterion),
    # for its title in the reader's language.
    criterion: Criterion | None = None
    # Its title as the commenter was shown it (None: a comment on the whole version).
    title_when_commented: ShownText | None = None
    # The changes the response names (shown with the response: none without one).
    response_links: list[LinkedChange] = field(default_factory=list)


def title_for_reader(
    criterion: Criterion | None, *, stored_title: str, content: ContentText
) -> ShownText:
    """The criterion's title now in the reader's language (``content``), with the status of that
    one field; for a criterion removed since, the English title its comments stored."""
    if criterion is None:
        status = "source" if content.language == SOURCE_LANGUAGE else MISSING
        return ShownText(stored_title, SOURCE_LANGUAGE, status)
    language, status = content.field_served(criterion, "title")
    return ShownText(content.text(criterion, "title"), language, status)


def title_when_commented(comment: Comment) -> ShownText:
    """The criterion's title as the comment's page showed it: the translation in the comment's
    language as stored at the moment of submission (served even when stale, so judged against
    the English the comment stored), else that English. One query for a comment in es or pt-BR,
    none otherwise."""
    if comment.language not in TRANSLATED_LANGUAGES:
        return ShownText(comment.criterion_title, SOURCE_LANGUAGE, "source")
    record = (
        Translation.history.filter(
            version_id=comment.period.version_id,
            object_type="criterion",
            object_key=comment.criterion_key,
            field="title",
            language=comment.language,
            history_date__lte=comment.submitted_at,
        )
        .order_by("-history_date", "-history_id")
        .only("text", "status", "source_hash", "history_type")
        .first()
    )
    if record is None or record.history_type == "-":
        return ShownText(comment.criterion_title, SOURCE_LANGUAGE, MISSING)
    row = (record.text, record.status, record.source_hash)
    return ShownText(record.text, comment.language, field_status(comment.criterion_title, row))


def comment_receipt(*, tracking_id: str) -> Receipt:
    """The comment with its period and version, how its criterion's text changed since, the
    criterion now, its title as the commenter saw it and the changes its response names. Two
    queries, three for a comment written in es or pt-BR, one more for a response with links."""
    comment = (
        # The commenter's answer to the response in the same query (``selectors_answers``).
        Comment.objects.select_related("period__version__standard", "answer")
        .annotate(has_links=Exists(ResponseLink.objects.filter(comment_id=OuterRef("pk"))))
        .filter(tracking_id=tracking_id)
        .first()
    )
    if comment is None:
        raise NotFound(
            _("There is no comment %(id)s.") % {"id": tracking_id}, code="comment_not_found"
        )
    # The response's linked changes go wherever the response goes: one query, none without
    # a response or without links.
    shown = comment.response and comment.has_links
    links = links_of_comments(comment_ids=[comment.pk] if shown else [])
    response_links = links.get(comment.pk, [])
    change = None
    if comment.criterion_key:
        current = (
            Criterion.objects.filter(
                version_id=comment.period.version_id, key=comment.criterion_key
            )
            .only("key", "version", "title", "description", "revision")
            .first()
        )
        if current is None:
            change = CriterionChange(
                removed=True, changed=True, title_diff=None, description_diff=None
            )
        else:
            title_changed = current.title != comment.criterion_title
            description_changed = current.description != comment.criterion_description
            change = CriterionChange(
                removed=False,
                changed=title_changed or description_changed,
                title_diff=word_diff(comment.criterion_title, current.title)
                if title_changed
                else None,
                description_diff=word_diff(comment.criterion_description, current.description)
                if description_changed
                else None,
            )
    if not comment.criterion_key:
        return Receipt(comment=comment, criterion_change=change, response_links=response_links)
    return Receipt(
        comment=comment,
        criterion_change=change,
        criterion=current,
        title_when_commented=title_when_commented(comment),
        response_links=response_links,
    )


def campaigns(*, period: CommentPeriod, min_count: int = 2) -> QuerySet:
    """Groups of comments whose bodies are the same after normalisation, largest first: the
    tallies kept at ingest (consultation/tallies.py), one index range read whatever the count."""
    return (
        IdenticalCommentTally.objects.filter(period=period, count__gte=min_count)
        .order_by("-count", "first_submitted_at", "id")
        .values(
            "normalized_hash",
            "count",
            "first_submitted_at",
            "last_submitted_at",
            "example_tracking_id",
        )
    )


EXPORT_FIELDS = (
    "tracking_id",
    "submitted_at",
    "moderation_state",
    "moderation_reason",
    "criterion_key",
    "criterion_code",
    "criterion_revision",
    "type",
    "language",
    "name",
    "organization",
    "identity_public",
    "email",
    "body",
    "proposed_text",
    "disposition",
    "response",
    "responded_at",
    "content_sha256",
    "normalized_hash",
)


def export_rows(*, period: CommentPeriod) -> Iterator[tuple]:
    """Every comment of the period as tuples of EXPORT_FIELDS, streamed from the database in
    chunks (a server-side cursor on PostgreSQL), so memory stays flat whatever the count."""
    return (
        Comment.objects.filter(period=period)
        .order_by("submitted_at", "id")
        .values_list(*EXPORT_FIELDS)
        .iterator(chunk_size=EXPORT_CHUNK_SIZE)
    )
