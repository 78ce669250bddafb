"""The public disposition report: the published comments on a version and what was done, read a
page at a time in a fixed number of queries whatever their number.

The report's order is its sections' order (comments on the version as a whole first, then the
criteria in the version's order, then criteria removed since, by key), then ``submitted_at``,
``id`` within a section. Three reads make it:

- ``report_head``: one raw query for what the cache key and ETag need (the version's revision, the
  latest history record of its comments and periods, how many periods are still ahead or open);
- ``report_contents``: the sections with their counts and the summary, from one GROUP BY over the
  published comments (no comment is loaded), kept in the cache under the head's fingerprint;
- ``report_page``: one page of comments after (or before) a keyset cursor: one query of at most
  ``size + 1`` rows per part, the parts chosen from the contents' counts so that no OFFSET is
  scanned and a page that spans small sections still costs one query.

``download_rows`` streams every row (CSV, XLSX) with ``.iterator()``.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core import signing
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _
from rest_framework.fields import DateTimeField

from standard_versions.consultation.selectors_comments import attach_scope_codes
from standard_versions.errors import InvalidInput, NotFound
from standard_versions.models import (
    Comment,
    CommentPeriod,
    Criterion,
    Disposition,
    ModerationState,
    Version,
)
from standard_versions.standards.selectors import version_get

PAGE_SIZE = 100
_CURSOR_SALT = "disposition-report-cursor"

# The fingerprint of everything the report shows besides the version's own revision: every
# service that publishes, withholds or answers a comment (or changes a period) saves it with a
# history record (history.save_with_history), whose id only grows; a period's status changes
# with the clock, so the number of periods not yet open and not yet closed is part of it too.
_HEAD_SQL = (
    "SELECT v.id, v.revision, v.status, "
    "(SELECT MAX(h.history_id) FROM standard_versions_historicalcomment h "
    " WHERE h.period_id IN (SELECT p.id FROM standard_versions_commentperiod p "
    " WHERE p.version_id = v.id)), "
    "(SELECT MAX(hp.history_id) FROM standard_versions_historicalcommentperiod hp "
    " WHERE hp.version_id = v.id), "
    "(SELECT COUNT(*) FROM standard_versions_commentperiod p "
    " WHERE p.version_id = v.id AND p.opens_at > %s), "
    "(SELECT COUNT(*) FROM standard_versions_commentperiod p "
    " WHERE p.version_id = v.id AND p.closes_at > %s) "
    "FROM standard_versions_version v "
    "JOIN standard_versions_standard s ON s.id = v.standard_id "
    "WHERE s.slug = %s AND v.label = %s"
)


@dataclass(frozen=True)
class ReportHead:
    pk: int
    revision: int
    status: str
    comments_history_id: int | None
    periods_history_id: int | None
    periods_scheduled: int
    periods_not_closed: int

    @property
    def fingerprint(self) -> str:
        return (
            f"v{self.pk}.{self.revision}.c{self.comments_history_id or 0}"
            f".p{self.periods_history_id or 0}.{self.periods_scheduled}.{self.periods_not_closed}"
        )


def report_head(*, standard_slug: str, label: str, now: dt.datetime) -> ReportHead:
    """What the report's ETag and cache key are made of, or NotFound. One query."""
    with connection.cursor() as cursor:
        cursor.execute(_HEAD_SQL, [now, now, standard_slug, label])
        row = cursor.fetchone()
    if row is None:
        version_get(standard_slug=standard_slug, label=label)  # raises the specific NotFound
    return ReportHead(*row)


@dataclass
class ReportSection:
    # Empty key and code: comments on the version as a whole.
    key: str
    code: str
    # The English title now, or as commented on for a criterion removed since.
    title: str
    comments: list[Comment] = field(default_factory=list)
    # The criterion now, for its title in the reader's language (None: the version as a whole,
    # or a criterion removed since).
    criterion: Criterion | None = None
    # How many published comments the whole section has (the page may show a part).
    count: int = 0


@dataclass
class ReportContents:
    """The sections that have published comments, in the report's order, without comments."""

    period_ids: list[int]
    sections: list[ReportSection]
    summary: dict[str, int]
    # Every criterion key of the version by its position, to place a section that has none now.
    criterion_order: dict[str, int] = field(default_factory=dict)

    def rank(self, key: str) -> tuple:
        """A section's place in the report's order, whether or not it has comments now."""
        if not key:
            return (0, 0, "")
        if key in self.criterion_order:
            return (1, self.criterion_order[key], "")
        return (2, 0, key)

    def index_of_code(self, code: str) -> int | None:
        return next((i for i, s in enumerate(self.sections) if s.code == code and s.key), None)

    def index_of_key(self, key: str) -> int | None:
        return next((i for i, s in enumerate(self.sections) if s.key == key), None)


def report_periods(*, version: Version) -> list[CommentPeriod]:
    """The version's periods with their scope codes. One or two queries."""
    periods = attach_scope_codes(list(CommentPeriod.objects.filter(version=version)))
    for period in periods:
        period.version = version
    return periods


def _published(period_ids: list[int]):
    return Comment.objects.filter(
        period_id__in=period_ids, moderation_state=ModerationState.PUBLISHED
    )


def report_contents(*, version: Version, period_ids: list[int]) -> ReportContents:
    """The sections with their counts and the summary (counts per disposition,
    ``awaiting_response``, ``published``): the criteria, one GROUP BY over the published
    comments, and for criteria removed since, one query for the code and title their first
    comment stored. Two or three queries; no comment is loaded."""
    criteria = list(
        Criterion.objects.filter(version=version)
        .order_by("practice_area__position", "position", "code")
        .only("key", "version", "code", "title")
    )
    counts: dict[str, int] = {}
    # Always in this order: published, awaiting a response, then each disposition.
    summary: dict[str, int] = {"published": 0, "awaiting_response": 0}
    summary.update((disposition, 0) for disposition in Disposition.values)
    if period_ids:
        groups = (
            _published(period_ids)
            .values_list("criterion_key", "disposition")
            .annotate(n=Count("id"))
            .order_by()
        )
        for key, disposition, n in groups:
            counts[key] = counts.get(key, 0) + n
            label = disposition or "awaiting_response"
            summary[label] = summary.get(label, 0) + n
            summary["published"] += n
    summary = {
        label: n for label, n in summary.items() if n or label in ("published", "awaiting_response")
    }
    sections: list[ReportSection] = []
    if counts.get(""):
        sections.append(ReportSection(key="", code="", title="", count=counts.pop("")))
    for criterion in criteria:
        if criterion.key in counts:
            sections.append(
                ReportSection(
                    key=criterion.key,
                    code=criterion.code,
                    title=criterion.title,
                    criterion=criterion,
                    count=counts.pop(criterion.key),
                )
            )
    # Criteria removed from the draft since: their comments keep a section, under the old text.
    if counts:
        firsts = {}
        stored = (
            _published(period_ids)
            .filter(criterion_key__in=list(counts))
            .order_by("-submitted_at", "-id")
            .values_list("criterion_key", "criterion_code", "criterion_title")
        )
        # Newest first, so the first comment's code and title are the ones left in the dict;
        # only comments on removed criteria are read.
        for key, code, title in stored.iterator(chunk_size=2000):
            firsts[key] = (code, title)
        for key in sorted(counts):
            code, title = firsts[key]
            sections.append(ReportSection(key=key, code=code, title=title, count=counts[key]))
    return ReportContents(
        period_ids=period_ids,
        sections=sections,
        summary=summary,
        criterion_order={criterion.key: n for n, criterion in enumerate(criteria)},
    )


@dataclass
class ReportBasis:
    """What every page of the report shares: the version, its periods, the contents."""

    version: Version
    periods: list[CommentPeriod]
    contents: ReportContents


BASIS_CACHE_SECONDS = 24 * 3600


def report_basis(*, standard_slug: str, label: str, head: ReportHead) -> ReportBasis:
    """The version, its periods and the report's contents, kept in the cache under the head's
    fingerprint (which changes with anything they show), so that most pages cost one query for
    the head and one for their comments. Five or six queries when not in the cache."""
    key = f"report-basis:{head.fingerprint}"
    basis = cache.get(key)
    if basis is None:
        version = version_get(standard_slug=standard_slug, label=label)
        periods = report_periods(version=version)
        contents = report_contents(version=version, period_ids=[p.pk for p in periods])
        basis = ReportBasis(version=version, periods=periods, contents=contents)
        cache.set(key, basis, BASIS_CACHE_SECONDS)
    return basis


# ---- a page ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cursor:
    """A position in the report: the comment (``key``, ``submitted_at``, ``id``) a page starts
    after (or, ``backward``, ends before), with its ``position`` in its section (1-based), which
    only helps to choose what to read: a stale one makes a page shorter, never wrong."""

    key: str
    submitted_at: dt.datetime
    id: int
    position: int
    backward: bool = False

    def encode(self) -> str:
        stamp = self.submitted_at.isoformat()
        return signing.dumps(
            [self.key, stamp, self.id, self.position, int(self.backward)],
            salt=_CURSOR_SALT,
            compress=True,
        )

    @classmethod
    def decode(cls, text: str) -> "Cursor":
        try:
            key, stamp, pk, position, backward = signing.loads(text, salt=_CURSOR_SALT)
            return cls(
                str(key), dt.datetime.fromisoformat(stamp), int(pk), int(position), bool(backward)
            )
        except (signing.BadSignature, ValueError, TypeError):
            raise InvalidInput(
                _("This page link is not valid; start again from the report's first page."),
                code="invalid_cursor",
            ) from None


@dataclass
class ReportPage:
    sections: list[ReportSection]
    next: Cursor | None
    previous: Cursor | None


def _beyond(cursor: Cursor) -> Q:
    # (submitted_at, id) after the cursor (before it, backward), written so that the index's
    # submitted_at bound is usable on both databases.
    if cursor.backward:
        return Q(submitted_at__lte=cursor.submitted_at) & (
            Q(submitted_at__lt=cursor.submitted_at) | Q(id__lt=cursor.id)
        )
    return Q(submitted_at__gte=cursor.submitted_at) & (
        Q(submitted_at__gt=cursor.submitted_at) | Q(id__gt=cursor.id)
    )


def _start(contents: ReportContents, cursor: Cursor | None, criterion: str | None):
    """The index of the section a page starts in, and the cursor within it (None: its start)."""
    if cursor is not None:
        index = contents.index_of_key(cursor.key)
        if index is not None:
            return index, cursor
        # Every comment of the cursor's section was withheld since: go on at its neighbour.
        place = contents.rank(cursor.key)
        later = [i for i, s in enumerate(contents.sections) if contents.rank(s.key) > place]
        first_later = later[0] if later else len(contents.sections)
        return (first_later - 1 if cursor.backward else first_later), None
    if criterion:
        index = contents.index_of_code(criterion)
        if index is None:
            raise NotFound(
                _("No published comment is on a criterion %(code)s.") % {"code": criterion[:40]},
                code="criterion_not_found",
            )
        return index, None
    return 0, None


def _union(querysets) -> RawSQL:
    """The ids the querysets select, each with its own ORDER BY and LIMIT, as one subquery
    (Django composes no sliced UNION on SQLite; each part stays an index range read)."""
    sqls, params = [], []
    for n, queryset in enumerate(querysets):
        sql, part_params = queryset.values("pk").query.sql_with_params()
        sqls.append(f"SELECT * FROM ({sql}) AS part{n}")
        params.extend(part_params)
    return RawSQL(" UNION ALL ".join(sqls), params)


def report_page(
    *,
    contents: ReportContents,
    cursor: Cursor | None = None,
    criterion: str | None = None,
    size: int = PAGE_SIZE,
) -> ReportPage:
    """One page of the report: at most ``size`` comments after ``cursor`` (before it, when it
    points backward), or from the start of ``criterion``'s section, or from the start. One
    query (none when there is nothing to read)."""
    sections = contents.sections
    index, within = _start(contents, cursor, criterion)
    backward = cursor is not None and cursor.backward
    step = -1 if backward else 1
    order = ("-submitted_at", "-id") if backward else ("submitted_at", "id")
    base = _published(contents.period_ids)
    wanted = size + 1
    parts = []
    whole: list[str] = []
    planned: list[int] = []
    got = 0
    i = index
    while 0 <= i < len(sections) and got < wanted:
        section = sections[i]
        if within is not None and i == index:
            left = (within.position - 1) if backward else (section.count - within.position)
            rows = base.filter(_beyond(within), criterion_key=section.key)
            parts.append(rows.order_by(*order)[:wanted])
            got += max(left, 0)
        elif got + section.count <= wanted:
            whole.append(section.key)
            got += section.count
        else:
            rows = base.filter(criterion_key=section.key).order_by(*order)
            parts.append(rows[: wanted - got])
            got = wanted
        planned.append(i)
        i += step
    if whole:
        parts.append(base.filter(criterion_key__in=whole))
    if not parts:
        return ReportPage(sections=[], next=None, previous=None)
    rank = Case(
        *(When(criterion_key=sections[j].key, then=Value(n)) for n, j in enumerate(planned)),
        output_field=IntegerField(),
    )
    chosen = Comment.objects.filter(pk__in=_union(parts))
    rows = list(chosen.annotate(_rank=rank).order_by("_rank", *order)[:wanted])
    more = len(rows) > size or (0 <= i < len(sections))
    rows = rows[:size]
    if backward:
        rows.reverse()
    page_sections = _group(contents, rows, index=index, within=within, backward=backward)
    if not page_sections:
        return ReportPage(sections=[], next=None, previous=None)
    first, last = page_sections[0], page_sections[-1]
    first_cursor = Cursor(
        first.key,
        first.comments[0].submitted_at,
        first.comments[0].pk,
        first.comments[0]._position,
        backward=True,
    )
    last_cursor = Cursor(
        last.key, last.comments[-1].submitted_at, last.comments[-1].pk, last.comments[-1]._position
    )
    if backward:
        return ReportPage(
            sections=page_sections, next=last_cursor, previous=first_cursor if more else None
        )
    has_previous = cursor is not None or index > 0
    return ReportPage(
        sections=page_sections,
        next=last_cursor if more else None,
        previous=first_cursor if has_previous else None,
    )


def _group(contents, rows, *, index: int, within: Cursor | None, backward: bool):
    """The page's rows as sections (copies of the contents' sections holding this page's
    comments), each comment with its ``_position`` in its section."""
    by_key: dict[str, ReportSection] = {}
    result: list[ReportSection] = []
    for comment in rows:
        section = by_key.get(comment.criterion_key)
        if section is None:
            i = contents.index_of_key(comment.criterion_key)
            template = contents.sections[i]
            section = ReportSection(
                key=template.key,
                code=template.code,
                title=template.title,
                criterion=template.criterion,
                count=template.count,
            )
            by_key[comment.criterion_key] = section
            result.append(section)
        section.comments.append(comment)
    for section in result:
        n = len(section.comments)
        if within is not None and section.key == within.key:
            start = within.position - n if backward else within.position + 1
        elif backward and section is result[0]:
            start = section.count - n + 1
        else:
            start = 1
        for offset, comment in enumerate(section.comments):
            comment._position = start + offset
    return result


# ---- every row (CSV, XLSX) ------------------------------------------------------------------

_DATES = DateTimeField()


def download_rows(*, contents: ReportContents) -> Iterator[tuple]:
    """Every published comment in the report's order as a tuple of the download's columns
    (renderers_comments.REPORT_COLUMNS), values as the JSON has them. One query, read in chunks."""
    sections = contents.sections
    if not sections:
        return
    rank = Case(
        *(When(criterion_key=s.key, then=Value(n)) for n, s in enumerate(sections)),
        output_field=IntegerField(),
    )
    rows = (
        _published(contents.period_ids)
        .annotate(_rank=rank)
        .order_by("_rank", "submitted_at", "id")
        .only(
            "criterion_key",
            "tracking_id",
            "period_id",
            "submitted_at",
            "type",
            "language",
            "identity_public",
            "name",
            "organization",
            "body",
            "proposed_text",
            "disposition",
            "response",
        )
    )
    by_key = {section.key: section for section in sections}
    for comment in rows.iterator(chunk_size=2000):
        section = by_key.get(comment.criterion_key)
        if section is None:  # published after the contents were read: on the next download
            continue
        public = comment.identity_public and (comment.name or comment.organization)
        yield (
            section.code or None,
            section.key or None,
            section.title,
            comment.tracking_id,
            comment.period_id,
            _DATES.to_representation(comment.submitted_at),
            comment.type,
            comment.language,
            comment.name if public else None,
            comment.organization if public else None,
            comment.body,
            comment.proposed_text,
            comment.disposition,
            comment.response,
        )
