"""One page of the disposition report (``selectors_report``): the comments after (or before) a
keyset cursor over the report's order, in one query whatever their number.

The query is a UNION ALL of at most a few parts, each an index range read of at most
``size + 1`` rows: the rest of the section the page starts in, the small sections that follow
whole, and the start of the next big one. The contents' counts choose the parts, so no OFFSET is
ever scanned; a count that changed since (a comment published or withheld) makes a page shorter
or its read a little longer, never wrong.
"""

import datetime as dt
from dataclasses import dataclass, replace

from django.core import signing
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation.report_outcomes import with_outcomes
from standard_versions.consultation.selectors_campaigns import attach_public_campaigns
from standard_versions.consultation.selectors_report import (
    ReportContents,
    ReportSection,
    shown_of,
)
from standard_versions.errors import InvalidInput, NotFound
from standard_versions.models import Comment

PAGE_SIZE = 100
_CURSOR_SALT = "disposition-report-cursor"


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
    points backward), or from the start of ``criterion``'s section, or from the start; a
    near-duplicate campaign once per section, with its count and its members' additions. Two
    queries: the comments with their answers, and their links (none when there is nothing); two
    more when the page has a campaign (``attach_public_campaigns``)."""
    sections = contents.sections
    index, within = _start(contents, cursor, criterion)
    backward = cursor is not None and cursor.backward
    step = -1 if backward else 1
    order = ("-submitted_at", "-id") if backward else ("submitted_at", "id")
    base = shown_of(contents.period_ids)
    wanted = size + 1
    parts = []
    whole: list[str] = []
    planned: list[int] = []
    got = 0
    i = index
    while 0 <= i < len(sections) and got < wanted:
        section = sections[i]
        if within is not None and i == index:
            left = (within.position - 1) if backward else (section.rows - within.position)
            rows = base.filter(_beyond(within), criterion_key=section.key)
            parts.append(rows.order_by(*order)[:wanted])
            got += max(left, 0)
        elif got + section.rows <= wanted:
            whole.append(section.key)
            got += section.rows
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
    chosen = with_outcomes(Comment.objects.filter(pk__in=_union(parts)))
    chosen = chosen.annotate(_rank=rank, campaign_ref=F("signature__campaign_id"))
    rows = list(chosen.order_by("_rank", *order)[:wanted])
    more = len(rows) > size or (0 <= i < len(sections))
    rows = rows[:size]
    attach_public_campaigns(rows, per_criterion=True)
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
            # The page's own copy: its comments only, and no figures.
            section = replace(contents.sections[i], comments=[], figures=None)
            by_key[comment.criterion_key] = section
            result.append(section)
        section.comments.append(comment)
    for section in result:
        n = len(section.comments)
        if within is not None and section.key == within.key:
            start = within.position - n if backward else within.position + 1
        elif backward and section is result[0]:
            start = section.rows - n + 1
        else:
            start = 1
        for offset, comment in enumerate(section.comments):
            comment._position = start + offset
    return result
