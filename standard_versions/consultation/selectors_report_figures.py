"""The disposition report's figures: per section and in total, what came of the comments (links
to changes by class, the commenters' answers, open objections), and the summary's three charts
(dispositions by practice area, comments per day, the share of campaign comments).

Every figure is a GROUP BY or an aggregate over the published comments: no comment is loaded,
so the cost is a fixed number of queries whatever their number. The figures are kept in the
report's basis (``selectors_report.report_basis``); the only ones that change with the clock are
the answers "pending" and "assumed satisfied" (a window ends), so the basis records the next
instant a window ends (``valid_until``) and is rebuilt after it.

A *campaign comment* is a published comment that is a member of a near-duplicate campaign (its
``CommentSignature`` has a campaign) or whose normalised body is shared by more than one comment
of its period (its ``IdenticalCommentTally`` counts more than one).
"""

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db.models import Count, Exists, Min, OuterRef, Q
from django.db.models.functions import TruncDate

from standard_versions.models import (
    AnswerKind,
    ChangeClass,
    CommentPeriod,
    Criterion,
    IdenticalCommentTally,
    ModerationState,
    ResponseLink,
)

ANSWER_FIGURES = ("accepted", "objected", "assumed_satisfied", "pending")


def _zero_answers() -> dict[str, int]:
    return dict.fromkeys(ANSWER_FIGURES, 0)


@dataclass
class SectionFigures:
    """What came of a section's comments (or of the whole report's)."""

    comments: int = 0
    # "awaiting_response" and every disposition, in the model's order; zeros kept.
    dispositions: dict[str, int] = field(default_factory=dict)
    links: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ChangeClass.values, 0))
    answers: dict[str, int] = field(default_factory=_zero_answers)
    # Objections staff have not replied to (withheld ones aside).
    open_objections: int = 0

    def add(self, other: "SectionFigures") -> None:
        self.comments += other.comments
        for name, n in other.dispositions.items():
            self.dispositions[name] = self.dispositions.get(name, 0) + n
        for name, n in other.links.items():
            self.links[name] = self.links.get(name, 0) + n
        for name, n in other.answers.items():
            self.answers[name] = self.answers.get(name, 0) + n
        self.open_objections += other.open_objections


@dataclass(frozen=True)
class PracticeAreaBar:
    # Empty code: comments on the version as a whole or on criteria removed since.
    code: str
    key: str
    name: str
    # "awaiting_response" and every disposition, in the model's order; zeros kept.
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class ReportCharts:
    by_practice_area: list[PracticeAreaBar]
    # Every day from the first period's opening to the last comment (or the last closing).
    by_day: list[tuple[dt.date, int]]
    timezone: str
    campaign: int
    # Of ``campaign``: in a near-duplicate campaign, and (alone or also) identical to another.
    near_duplicate: int
    identical: int
    published: int


def disposition_keys(dispositions) -> list[str]:
    return ["awaiting_response", *dispositions]


def practice_area_bars(
    groups: list[tuple[str, str, int]], criteria: list[Criterion], dispositions: list[str]
) -> list[PracticeAreaBar]:
    """``groups``: (criterion_key, disposition, n) as report_contents reads them."""
    area_of = {c.key: c.practice_area for c in criteria}
    bars: dict[str, dict[str, int]] = {}
    areas = {}
    for criterion in criteria:  # in the version's order, every area with criteria
        area = criterion.practice_area
        areas.setdefault(area.key, area)
        bars.setdefault(area.key, dict.fromkeys(dispositions, 0))
    for key, disposition, n in groups:
        area = area_of.get(key)
        area_key = area.key if area is not None else ""
        counts = bars.setdefault(area_key, dict.fromkeys(dispositions, 0))
        name = disposition or "awaiting_response"
        counts[name] = counts.get(name, 0) + n
    result = [
        PracticeAreaBar(code=a.code, key=a.key, name=a.name, counts=bars[k])
        for k, a in areas.items()
    ]
    if "" in bars:
        result.append(PracticeAreaBar(code="", key="", name="", counts=bars[""]))
    return result


def _pending_condition(periods: list[CommentPeriod], now: dt.datetime) -> Q:
    """A response whose window is still open at ``now``, each period with its own window."""
    condition = Q(pk__in=[])
    for period in periods:
        opened_after = now - dt.timedelta(days=period.answer_window_days)
        condition |= Q(period_id=period.pk, responded_at__gt=opened_after)
    return condition


def section_outcomes(
    published, *, periods: list[CommentPeriod], now: dt.datetime
) -> tuple[dict[str, SectionFigures], dt.datetime | None]:
    """Links by class, answers and open objections per criterion key, and the next instant a
    pending response's window ends (None: none pending). Two queries."""
    figures: dict[str, SectionFigures] = {}

    def of(key: str) -> SectionFigures:
        return figures.setdefault(key, SectionFigures())

    links = (
        ResponseLink.objects.filter(comment__in=published)
        .values_list("comment__criterion_key", "change_class")
        .annotate(n=Count("id"))
        .order_by()
    )
    for key, change_class, n in links:
        of(key).links[change_class] = of(key).links.get(change_class, 0) + n
    pending = _pending_condition(periods, now)
    # The answer is one-to-one: joined, it multiplies no row.
    unanswered = Q(answer__isnull=True, responded_at__isnull=False) & ~Q(response="")
    rows = (
        published.values_list("criterion_key", "period_id")
        .annotate(
            accepted=Count("id", filter=Q(answer__kind=AnswerKind.ACCEPTED)),
            objected=Count("id", filter=Q(answer__kind=AnswerKind.OBJECTED)),
            open=Count(
                "id",
                filter=Q(answer__kind=AnswerKind.OBJECTED, answer__staff_reply="")
                & ~Q(answer__moderation_state=ModerationState.WITHHELD),
            ),
            pending=Count("id", filter=unanswered & pending),
            assumed=Count("id", filter=unanswered & ~pending),
            first_pending=Min("responded_at", filter=unanswered & pending),
        )
        .order_by()
    )
    windows = {p.pk: dt.timedelta(days=p.answer_window_days) for p in periods}
    valid_until = None
    for key, period_id, accepted, objected, open_objections, *rest in rows:
        n_pending, n_assumed, first_pending = rest
        if not (accepted or objected or n_pending or n_assumed):
            continue
        answers = of(key).answers
        answers["accepted"] += accepted
        answers["objected"] += objected
        answers["pending"] += n_pending
        answers["assumed_satisfied"] += n_assumed
        of(key).open_objections += open_objections
        if first_pending is not None:
            ends = first_pending + windows[period_id]
            valid_until = ends if valid_until is None else min(valid_until, ends)
    return figures, valid_until


def comments_by_day(
    published, *, periods: list[CommentPeriod], timezone: str, now: dt.datetime
) -> list[tuple[dt.date, int]]:
    """Published comments per calendar day in ``timezone``, every day of the periods (so far)
    with its count, zeros included. One query."""
    zone = ZoneInfo(timezone)
    days = dict(
        published.annotate(day=TruncDate("submitted_at", tzinfo=zone))
        .values_list("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
        .order_by()
    )
    if not periods and not days:
        return []
    starts = [p.opens_at for p in periods]
    # A period closes at the first instant after its last day.
    ends = [min(p.closes_at - dt.timedelta(microseconds=1), now) for p in periods]
    first = min([*(s.astimezone(zone).date() for s in starts), *days])
    last = max([*(e.astimezone(zone).date() for e in ends), *days])
    if (last - first).days > 366:  # a period kept open for years: its days with comments only
        return sorted(days.items())
    return [
        (first + dt.timedelta(days=n), days.get(first + dt.timedelta(days=n), 0))
        for n in range((last - first).days + 1)
    ]


def campaign_counts(published) -> dict[str, int]:
    """Published comments in a near-duplicate campaign, identical to another of their period,
    either (campaign comments). One query."""
    identical = Exists(
        IdenticalCommentTally.objects.filter(
            period_id=OuterRef("period_id"),
            normalized_hash=OuterRef("normalized_hash"),
            count__gt=1,
        )
    )
    near = Q(signature__campaign__isnull=False)
    return published.annotate(_identical=identical).aggregate(
        near_duplicate=Count("id", filter=near),
        identical=Count("id", filter=Q(_identical=True)),
        campaign=Count("id", filter=near | Q(_identical=True)),
    )
