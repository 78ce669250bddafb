"""The public disposition report: the published comments on a version and what was done, read a
page at a time in a fixed number of queries whatever their number.

The report's order is its sections' order (comments on the version as a whole first, then the
criteria in the version's order, then criteria removed since, by key), then ``submitted_at``,
``id`` within a section. Three reads make it:

- ``report_head``: one raw query for what the cache key and ETag need (the version's revision, the
  latest history record of its comments and periods, how many periods are still ahead or open);
- ``report_contents``: the sections with their counts and the summary, from one GROUP BY over the
  published comments (no comment is loaded), kept in the cache under the head's fingerprint;
- ``selectors_report_page.report_page``: one page of comments after (or before) a keyset
  cursor, in one query.

``selectors_report_rows`` streams every row (CSV, XLSX, the ISO comment template, the PDF).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connections, router
from django.db.models import Count

from standard_versions.consultation import selectors_report_figures as figures_of
from standard_versions.consultation.selectors_campaigns import one_per_campaign
from standard_versions.consultation.selectors_comments import attach_scope_codes
from standard_versions.consultation.selectors_report_figures import ReportCharts, SectionFigures
from standard_versions.models import (
    Comment,
    CommentPeriod,
    Criterion,
    Disposition,
    ModerationState,
    Version,
)
from standard_versions.standards.selectors import version_get

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
    " WHERE p.version_id = v.id AND p.closes_at > %s), "
    # A response's links and the commenter's answers are saved with history records too.
    "(SELECT MAX(hl.history_id) FROM standard_versions_historicalresponselink hl "
    " JOIN standard_versions_comment c ON c.id = hl.comment_id "
    " JOIN standard_versions_commentperiod p ON p.id = c.period_id WHERE p.version_id = v.id), "
    "(SELECT MAX(ha.history_id) FROM standard_versions_historicalcommenteranswer ha "
    " JOIN standard_versions_comment c ON c.id = ha.comment_id "
    " JOIN standard_versions_commentperiod p ON p.id = c.period_id WHERE p.version_id = v.id), "
    # Near-duplicate campaigns are derived rows without history, grown by the grouping run.
    "(SELECT COUNT(*) || '.' || COALESCE(SUM(n.member_count), 0) "
    " FROM standard_versions_nearduplicatecampaign n "
    " JOIN standard_versions_commentperiod p ON p.id = n.period_id WHERE p.version_id = v.id) "
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
    links_history_id: int | None = None
    answers_history_id: int | None = None
    campaigns: str = ""

    @property
    def fingerprint(self) -> str:
        return (
            f"v{self.pk}.{self.revision}.c{self.comments_history_id or 0}"
            f".p{self.periods_history_id or 0}.{self.periods_scheduled}.{self.periods_not_closed}"
            f".l{self.links_history_id or 0}.a{self.answers_history_id or 0}.n{self.campaigns}"
        )


def report_head(*, standard_slug: str, label: str, now: dt.datetime) -> ReportHead:
    """What the report's ETag and cache key are made of, or NotFound. One query."""
    with connections[router.db_for_read(Version)].cursor() as cursor:
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
    # How many of them its pages show: a near-duplicate campaign once (``shown_of``).
    rows: int = 0
    # What came of them (selectors_report_figures); None on a page's copy of a section.
    figures: SectionFigures | None = None


@dataclass
class ReportContents:
    """The sections that have published comments, in the report's order, without comments."""

    period_ids: list[int]
    sections: list[ReportSection]
    summary: dict[str, int]
    # Every criterion key of the version by its position, to place a section that has none now.
    criterion_order: dict[str, int] = field(default_factory=dict)
    # The whole report's figures and the summary's charts.
    totals: SectionFigures = field(default_factory=SectionFigures)
    charts: ReportCharts | None = None
    # The next instant a pending response's window ends, which changes the figures.
    valid_until: dt.datetime | None = None

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


def published_of(period_ids: list[int]):
    """The published comments of these periods (a version's)."""
    return Comment.objects.filter(
        period_id__in=period_ids, moderation_state=ModerationState.PUBLISHED
    )


def shown_of(period_ids: list[int]):
    """The published comments the report's pages show: a near-duplicate campaign once in each
    section, as its first published member there, which says how many it stands for."""
    return one_per_campaign(published_of(period_ids), per_criterion=True)


def report_contents(
    *, version: Version, periods: list[CommentPeriod], now: dt.datetime
) -> ReportContents:
    """The sections with their counts, figures and the summary (counts per disposition,
    ``awaiting_response``, ``published``) and charts: the criteria, one GROUP BY over the
    published comments, and for criteria removed since, one query for the code and title their
    first comment stored; one GROUP BY of the rows the pages show (a campaign once); then the
    figures (selectors_report_figures: five queries). Eight or nine queries; no comment is
    loaded."""
    period_ids = [p.pk for p in periods]
    criteria = list(
        Criterion.objects.filter(version=version)
        .select_related("practice_area")
        .order_by("practice_area__position", "position", "code")
        .only(
            "key",
            "version",
            "code",
            "title",
            "practice_area__key",
            "practice_area__code",
            "practice_area__name",
        )
    )
    counts: dict[str, int] = {}
    # Always in this order: published, awaiting a response, then each disposition.
    summary: dict[str, int] = {"published": 0, "awaiting_response": 0}
    summary.update((disposition, 0) for disposition in Disposition.values)
    groups: list[tuple[str, str, int]] = []
    if period_ids:
        groups = list(
            published_of(period_ids)
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
            published_of(period_ids)
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
    if period_ids:
        shown = dict(
            shown_of(period_ids).values_list("criterion_key").annotate(n=Count("id")).order_by()
        )
        for section in sections:
            section.rows = shown.get(section.key, 0)
    contents = ReportContents(
        period_ids=period_ids,
        sections=sections,
        summary=summary,
        criterion_order={criterion.key: n for n, criterion in enumerate(criteria)},
    )
    if period_ids:
        _add_figures(contents, groups=groups, criteria=criteria, periods=periods, now=now)
    else:
        for section in sections:
            section.figures = SectionFigures()
    return contents


def _add_figures(contents, *, groups, criteria, periods, now) -> None:
    dispositions = figures_of.disposition_keys(Disposition.values)
    published = published_of(contents.period_ids)
    outcomes, contents.valid_until = figures_of.section_outcomes(
        published, periods=periods, now=now
    )
    by_section: dict[str, dict[str, int]] = {}
    for key, disposition, n in groups:
        counts = by_section.setdefault(key, dict.fromkeys(dispositions, 0))
        counts[disposition or "awaiting_response"] += n
    totals = SectionFigures(dispositions=dict.fromkeys(dispositions, 0))
    for section in contents.sections:
        figures = outcomes.get(section.key) or SectionFigures()
        figures.comments = section.count
        figures.dispositions = by_section.get(section.key, dict.fromkeys(dispositions, 0))
        section.figures = figures
        totals.add(figures)
    contents.totals = totals
    # The chart of days in the time zone the report's dates are shown in (the latest period's).
    timezone = periods[-1].timezone if periods else "UTC"
    campaigns = figures_of.campaign_counts(published)
    contents.charts = ReportCharts(
        by_practice_area=figures_of.practice_area_bars(groups, criteria, dispositions),
        by_day=figures_of.comments_by_day(published, periods=periods, timezone=timezone, now=now),
        timezone=timezone,
        published=contents.summary["published"],
        **campaigns,
    )


@dataclass
class ReportBasis:
    """What every page of the report shares: the version, its periods, the contents."""

    version: Version
    periods: list[CommentPeriod]
    contents: ReportContents

    @property
    def clock(self) -> str:
        """What of the clock the basis depends on, for the ETag: the instant it expires."""
        until = self.contents.valid_until
        return "0" if until is None else str(int(until.timestamp() * 1_000_000))

    def current_at(self, now: dt.datetime) -> bool:
        return self.contents.valid_until is None or now < self.contents.valid_until

    def window_days(self, period_id: int) -> int:
        return next(p.answer_window_days for p in self.periods if p.pk == period_id)


BASIS_CACHE_SECONDS = 24 * 3600


def _clock_key(head: ReportHead) -> str:
    return f"report-clock:{head.fingerprint}"


def report_clock(*, head: ReportHead, now: dt.datetime) -> str | None:
    """The cached basis' ``clock`` if it is still current at ``now`` (None: the basis must be
    built), read from a small cache entry so that a revalidation reads no basis."""
    stored = cache.get(_clock_key(head))
    if stored is None:
        return None
    clock, until = stored
    return clock if until is None or now < until else None


def report_basis(
    *, standard_slug: str, label: str, head: ReportHead, now: dt.datetime
) -> ReportBasis:
    """The version, its periods and the report's contents, kept in the cache under the head's
    fingerprint (which changes with anything they show) until the next answer window ends, so
    that most pages cost one query for the head and one for their comments. Ten or eleven
    queries when not in the cache."""
    key = f"report-basis:{head.fingerprint}"
    basis = cache.get(key)
    if basis is None or not basis.current_at(now):
        version = version_get(standard_slug=standard_slug, label=label)
        periods = report_periods(version=version)
        contents = report_contents(version=version, periods=periods, now=now)
        basis = ReportBasis(version=version, periods=periods, contents=contents)
        cache.set(key, basis, BASIS_CACHE_SECONDS)
        cache.set(_clock_key(head), (basis.clock, contents.valid_until), BASIS_CACHE_SECONDS)
    return basis
