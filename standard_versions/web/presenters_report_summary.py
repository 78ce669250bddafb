"""The disposition report's summary for the page and the PDF: the three charts as SVG markup
(``report_charts``) with the same figures as tables, and the per-section figures, in the reader's
language. What came of one comment (changes, the commenter's answer) is here too. Nothing here
queries the database."""

import datetime as dt
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from standard_versions.consultation.report_outcomes import CommentOutcome
from standard_versions.consultation.selectors_report import ReportContents
from standard_versions.consultation.selectors_report_figures import SectionFigures
from standard_versions.models import AnswerStatus, ChangeClass, ChangeTarget
from standard_versions.translations import i18n
from standard_versions.web import report_charts
from standard_versions.web.labels_consultation import SUMMARY_LABELS

ANSWER_LABELS = {
    "accepted": pgettext_lazy("commenter's answer", "Accepted by the commenter"),
    "objected": pgettext_lazy("commenter's answer", "Objected to by the commenter"),
    "assumed_satisfied": _("Assumed satisfied (no answer in time)"),
    "pending": _("Commenter's answer pending"),
}
STATUS_LABELS = {
    AnswerStatus.NO_RESPONSE: _("No response yet"),
    AnswerStatus.PENDING: _("Commenter's answer pending"),
    AnswerStatus.ACCEPTED: pgettext_lazy("commenter's answer", "Accepted by the commenter"),
    AnswerStatus.OBJECTED: pgettext_lazy("commenter's answer", "Objected to by the commenter"),
    AnswerStatus.ASSUMED_SATISFIED: _("Assumed satisfied (no answer in time)"),
}
CLASS_LABELS = {
    ChangeClass.EDITORIAL: _("Editorial changes"),
    ChangeClass.SUBSTANTIVE: _("Substantive changes"),
}


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    svg: SafeString
    # The same figures as a table: its column headings and rows (first cell the row's heading).
    columns: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class FiguresTable:
    """A section's (or the report's) figures as label/number pairs, in groups."""

    dispositions: list[tuple[str, str]]
    outcomes: list[tuple[str, str]]


@dataclass(frozen=True)
class ReportSummary:
    charts: list[Chart]
    totals: FiguresTable


def _n(value: int, language: str) -> str:
    return i18n.format_number(value, language=language)


def figures_table(figures: SectionFigures | None, *, language: str) -> FiguresTable | None:
    if figures is None:
        return None
    dispositions = [(str(SUMMARY_LABELS["published"]), _n(figures.comments, language))]
    dispositions += [
        (str(SUMMARY_LABELS.get(name, name)), _n(n, language))
        for name, n in figures.dispositions.items()
    ]
    outcomes = [(str(CLASS_LABELS[name]), _n(n, language)) for name, n in figures.links.items()]
    outcomes += [(str(ANSWER_LABELS[name]), _n(n, language)) for name, n in figures.answers.items()]
    outcomes.append((str(_("Open objections")), _n(figures.open_objections, language)))
    return FiguresTable(dispositions=dispositions, outcomes=outcomes)


def report_summary(
    contents: ReportContents, *, language: str, area_names: dict[str, str]
) -> ReportSummary | None:
    """``area_names``: a practice area's name in the reader's language, by key."""
    charts = contents.charts
    if charts is None:
        return None
    series = [(key, str(SUMMARY_LABELS.get(key, key))) for key in contents.totals.dispositions]
    return ReportSummary(
        charts=[
            _by_practice_area(charts, series=series, language=language, area_names=area_names),
            _by_day(charts, language=language),
            _campaign_share(charts, language=language),
        ],
        totals=figures_table(contents.totals, language=language),
    )


def _by_practice_area(charts, *, series, language, area_names) -> Chart:
    other = str(_("The version as a whole, or criteria removed since"))
    rows = [
        (f"{bar.code} {area_names.get(bar.key, bar.name)}" if bar.code else other, bar.counts)
        for bar in charts.by_practice_area
    ]
    biggest = max(charts.by_practice_area, key=lambda bar: bar.total, default=None)
    description = _(
        "Published comments by practice area and disposition: %(count)s comments in "
        "%(areas)s practice areas; the most, %(most)s, on %(area)s."
    ) % {
        "count": _n(charts.published, language),
        "areas": _n(sum(1 for bar in charts.by_practice_area if bar.code), language),
        "most": _n(biggest.total if biggest else 0, language),
        "area": rows[charts.by_practice_area.index(biggest)][0] if biggest else "—",
    }
    text = report_charts.ChartText(
        id="chart-areas", title=str(_("Dispositions by practice area")), description=description
    )
    svg = report_charts.stacked_bars(text, rows=rows, series=series, language=language)
    return Chart(
        id=text.id,
        title=text.title,
        svg=mark_safe(svg),  # built from escaped text only (report_charts)
        columns=[str(_("Practice area")), *(name for _key, name in series), str(_("Total"))],
        rows=[
            [
                name,
                *(_n(counts.get(key, 0), language) for key, _name in series),
                _n(sum(counts.values()), language),
            ]
            for name, counts in rows
        ],
    )


def _by_day(charts, *, language) -> Chart:
    zone = i18n.format_zone_name(charts.timezone, language=language)
    busiest = max(charts.by_day, key=lambda day: day[1], default=None)
    description = _(
        "Published comments per day (%(zone)s) over %(days)s days: %(count)s in all; the most, "
        "%(most)s, on %(day)s."
    ) % {
        "zone": zone,
        "days": _n(len(charts.by_day), language),
        "count": _n(sum(n for _day, n in charts.by_day), language),
        "most": _n(busiest[1] if busiest else 0, language),
        "day": i18n.format_date(busiest[0], language=language) if busiest else "—",
    }
    text = report_charts.ChartText(
        id="chart-days", title=str(_("Comments over the period's days")), description=description
    )
    svg = report_charts.day_bars(text, days=charts.by_day, language=language)
    return Chart(
        id=text.id,
        title=text.title,
        svg=mark_safe(svg),  # built from escaped text only (report_charts)
        columns=[str(_("Day (%(zone)s)") % {"zone": zone}), str(_("Published comments"))],
        rows=[
            [i18n.format_date(day, language=language), _n(n, language)] for day, n in charts.by_day
        ],
    )


def _campaign_share(charts, *, language) -> Chart:
    other = charts.published - charts.campaign
    share = round(100 * charts.campaign / charts.published) if charts.published else 0
    description = _(
        "%(campaign)s of %(count)s published comments (%(share)s) are campaign comments: "
        "%(near)s in near-duplicate campaigns, %(identical)s identical to another comment."
    ) % {
        "campaign": _n(charts.campaign, language),
        "count": _n(charts.published, language),
        "share": i18n.format_percent(share, language=language),
        "near": _n(charts.near_duplicate, language),
        "identical": _n(charts.identical, language),
    }
    text = report_charts.ChartText(
        id="chart-campaigns", title=str(_("Share of campaign comments")), description=description
    )
    campaign_label, other_label = str(_("Campaign comments")), str(_("Other comments"))
    svg = report_charts.share_bar(
        text, parts_of=[(campaign_label, charts.campaign), (other_label, other)], language=language
    )
    return Chart(
        id=text.id,
        title=text.title,
        svg=mark_safe(svg),  # built from escaped text only (report_charts)
        columns=[str(_("Comments")), str(_("Number"))],
        rows=[
            [campaign_label, _n(charts.campaign, language)],
            [str(_("of which in near-duplicate campaigns")), _n(charts.near_duplicate, language)],
            [str(_("of which identical to another comment")), _n(charts.identical, language)],
            [other_label, _n(other, language)],
            [str(SUMMARY_LABELS["published"]), _n(charts.published, language)],
        ],
    )


@dataclass(frozen=True)
class OutcomeItem:
    changes: list[str]
    status: str
    status_display: str
    objection: str | None
    staff_reply: str
    replied_at: dt.datetime | None


def outcome_item(outcome: CommentOutcome) -> OutcomeItem:
    def change(link) -> str:
        if link.target == ChangeTarget.REQUIREMENTS:
            part = str(_("the requirements"))
        else:
            part = link.code or link.key
        return _("%(part)s in version %(version)s (%(class)s)") % {
            "part": part,
            "version": link.version,
            "class": ChangeClass(link.change_class).label,
        }

    return OutcomeItem(
        changes=[change(link) for link in outcome.links],
        status=outcome.answer_status,
        status_display=str(STATUS_LABELS[outcome.answer_status]),
        objection=outcome.objection,
        staff_reply=outcome.staff_reply,
        replied_at=outcome.replied_at,
    )
