"""The plain page model of the disposition report: a page of the published comments on a version,
by criterion, with what was done with them, the contents (every section with its count) and the
links to the pages before and after. Nothing here queries the database."""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from standard_versions.consultation.report_outcomes import outcome_of
from standard_versions.consultation.selectors_comments import title_for_reader
from standard_versions.consultation.selectors_report import ReportBasis
from standard_versions.consultation.selectors_report_page import ReportPage as PageOfReport
from standard_versions.models import Comment, PracticeArea
from standard_versions.translations import i18n
from standard_versions.translations.content import ContentText
from standard_versions.web.labels_consultation import SUMMARY_LABELS, TYPE_LABELS
from standard_versions.web.presenters import Served, _served, version_url
from standard_versions.web.presenters_consultation import PeriodInfo, period_info
from standard_versions.web.presenters_receipt import shown
from standard_versions.web.presenters_report_summary import (
    FiguresTable,
    OutcomeItem,
    ReportSummary,
    figures_table,
    outcome_item,
    report_summary,
)


@dataclass(frozen=True)
class ReportComment:
    tracking_id: str
    submitted_at: dt.datetime
    submitted_at_display: str
    type_display: str
    language: str
    author: str
    body: str
    proposed_text: str
    disposition_display: str
    response: str
    outcome: OutcomeItem | None = None
    campaign: "CampaignNote | None" = None


@dataclass(frozen=True)
class CampaignNote:
    """The near-duplicate campaign a comment stands for in its section."""

    comments: int
    with_additions: int
    # The first members' own sentences: (tracking id, sentences).
    additions: list[tuple[str, list[str]]]
    additions_url: str


def campaign_note(comment: Comment) -> CampaignNote | None:
    shown = getattr(comment, "public_campaign", None)
    if shown is None:
        return None
    pk, count, with_additions = shown
    return CampaignNote(
        comments=count,
        with_additions=with_additions,
        additions=list(comment.campaign_additions),
        additions_url=reverse("public-campaign-additions", kwargs={"campaign_id": pk}),
    )


@dataclass(frozen=True)
class ReportSectionItem:
    code: str
    # In the reader's language (the English stored with the comments for a removed criterion).
    title: str
    comments: list[ReportComment]
    served: Served
    # The section began on an earlier page.
    continued: bool = False
    # The whole section's figures (not only this page's).
    figures: FiguresTable | None = None


@dataclass(frozen=True)
class ContentsItem:
    code: str
    title: str
    served: Served
    count: int
    url: str


@dataclass(frozen=True)
class ReportPage:
    standard_slug: str
    standard_name: str
    standard_served: Served
    version_label: str
    version_url: str
    periods: list[PeriodInfo]
    summary: list[tuple[str, int]]
    sections: list[ReportSectionItem]
    contents: list[ContentsItem]
    published: int
    next_url: str | None
    previous_url: str | None
    csv_url: str
    xlsx_url: str
    json_url: str
    iso_csv_url: str = ""
    pdf_url: str = ""
    summary_charts: ReportSummary | None = None


def _author(comment: Comment) -> str:
    if not comment.identity_public or not comment.name:
        return ""
    return f"{comment.name} ({comment.organization})" if comment.organization else comment.name


def report_page(
    basis: ReportBasis,
    page: PageOfReport,
    *,
    content: ContentText,
    language: str,
    now: dt.datetime,
    page_url,
    section_url,
) -> ReportPage:
    """``page_url(cursor)``: the link to the page at a cursor (None for None);
    ``section_url(section)``: the link to the page a section starts on."""
    version, standard = basis.version, basis.version.standard
    timezone = basis.periods[-1].timezone if basis.periods else "UTC"
    api_url = reverse("disposition-report", args=[standard.slug, version.label])

    def heading(section) -> dict:
        """A section's code and title (in the reader's language), of the report or its contents."""
        title = title_for_reader(section.criterion, stored_title=section.title, content=content)
        return {"code": section.code, "title": title.text, "served": shown(title)}

    whole = {s.key: s for s in basis.contents.sections}

    def comment_item(comment):
        window = basis.window_days(comment.period_id)
        outcome = outcome_item(outcome_of(comment, window_days=window, now=now))
        return report_comment(comment, language=language, timezone=timezone, outcome=outcome)

    sections = [
        ReportSectionItem(
            **heading(section),
            continued=section.comments[0]._position > 1,
            comments=[comment_item(c) for c in section.comments],
            figures=figures_table(whole[section.key].figures, language=language)
            if section.key in whole
            else None,
        )
        for section in page.sections
    ]
    contents = [
        ContentsItem(**heading(section), count=section.count, url=section_url(section))
        for section in basis.contents.sections
    ]
    summary = basis.contents.summary
    return ReportPage(
        standard_slug=standard.slug,
        standard_name=content.text(standard, "name"),
        standard_served=_served(content, standard),
        version_label=version.label,
        version_url=version_url(standard.slug, version.label),
        periods=[
            period_info(period, content=content, language=language, now=now)
            for period in basis.periods
        ],
        summary=[(str(SUMMARY_LABELS.get(name, name)), count) for name, count in summary.items()],
        sections=sections,
        contents=contents,
        published=summary["published"],
        next_url=page_url(page.next),
        previous_url=page_url(page.previous),
        csv_url=f"{api_url}?format=csv",
        xlsx_url=f"{api_url}?format=xlsx",
        json_url=f"{api_url}?format=json",
        iso_csv_url=f"{api_url}?format=iso-csv",
        pdf_url=reverse("web:disposition-report-pdf", args=[standard.slug, version.label]),
        summary_charts=report_summary(
            basis.contents, language=language, area_names=area_names(basis, content)
        ),
    )


def area_names(basis: ReportBasis, content: ContentText) -> dict[str, str]:
    """The charts' practice areas' names in the reader's language, by key."""
    charts = basis.contents.charts
    if charts is None:
        return {}
    return {
        bar.key: content.text(
            PracticeArea(version_id=basis.version.pk, key=bar.key, name=bar.name), "name"
        )
        for bar in charts.by_practice_area
        if bar.key
    }


def report_comment(
    comment: Comment, *, language: str, timezone: str, outcome: OutcomeItem | None = None
) -> ReportComment:
    return ReportComment(
        tracking_id=comment.tracking_id,
        submitted_at=comment.submitted_at,
        submitted_at_display=i18n.format_datetime(
            comment.submitted_at, language=language, timezone=timezone
        ),
        type_display=str(TYPE_LABELS.get(comment.type, comment.type)),
        language=comment.language,
        author=_author(comment),
        body=comment.body,
        proposed_text=comment.proposed_text,
        disposition_display=comment.get_disposition_display() if comment.disposition else "",
        response=comment.response,
        outcome=outcome,
        campaign=campaign_note(comment),
    )
