"""The disposition report as one document for the PDF: the page's summary (charts and tables),
every section's figures, and every published comment with what came of it, by section, up to
``PDF_COMMENT_LIMIT``; a bigger report's PDF holds the summary and the sections' figures only
and says so (WeasyPrint lays out every page in memory: measured in tests/bench/
bench_disposition_report.py). Nothing here queries the database but ``comments``' iteration."""

import datetime as dt
from dataclasses import dataclass

from standard_versions.consultation.report_outcomes import outcome_of
from standard_versions.consultation.selectors_comments import title_for_reader
from standard_versions.consultation.selectors_report import ReportBasis
from standard_versions.translations import i18n
from standard_versions.translations.content import ContentText
from standard_versions.web.presenters_disposition_report import (
    ReportComment,
    area_names,
    report_comment,
)
from standard_versions.web.presenters_report_summary import (
    FiguresTable,
    ReportSummary,
    figures_table,
    outcome_item,
    report_summary,
)

# Above this many published comments the PDF holds the summary and the sections' figures only.
PDF_COMMENT_LIMIT = 500


@dataclass
class PdfSection:
    code: str
    title: str
    count: int
    figures: FiguresTable | None
    comments: list[ReportComment]


@dataclass(frozen=True)
class PdfDocument:
    standard_name: str
    version_label: str
    generated_at_display: str
    published: int
    summary: ReportSummary | None
    sections: list[PdfSection]
    # False: too many comments to print them; the sections' figures only.
    with_comments: bool
    limit: int


def report_document(
    basis: ReportBasis, *, comments, content: ContentText, language: str, now: dt.datetime
) -> PdfDocument:
    """``comments``: the published comments in the report's order with their outcomes, each
    with its section (``selectors_report_rows.sections_and_comments``), read only when they
    are printed."""
    contents = basis.contents
    timezone = basis.periods[-1].timezone if basis.periods else "UTC"
    published = contents.summary["published"]
    with_comments = published <= PDF_COMMENT_LIMIT
    sections: dict[str, PdfSection] = {}
    for section in contents.sections:
        title = title_for_reader(section.criterion, stored_title=section.title, content=content)
        sections[section.key] = PdfSection(
            code=section.code,
            title=title.text,
            count=section.count,
            figures=figures_table(section.figures, language=language),
            comments=[],
        )
    if with_comments:
        for report_section, comment in comments:
            section = sections[report_section.key]
            window = basis.window_days(comment.period_id)
            outcome = outcome_item(outcome_of(comment, window_days=window, now=now))
            section.comments.append(
                report_comment(comment, language=language, timezone=timezone, outcome=outcome)
            )
    standard = basis.version.standard
    return PdfDocument(
        standard_name=content.text(standard, "name"),
        version_label=basis.version.label,
        generated_at_display=i18n.format_datetime(now, language=language, timezone=timezone),
        published=published,
        summary=report_summary(contents, language=language, area_names=area_names(basis, content)),
        sections=list(sections.values()),
        with_comments=with_comments,
        limit=PDF_COMMENT_LIMIT,
    )
