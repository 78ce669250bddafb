"""Every row of the disposition report, for the downloads (CSV, XLSX, the ISO/IEC comment
template) and the PDF: the published comments in the report's order with what came of them, read
in chunks (``.iterator()``) so that memory stays bounded whatever their number."""

import datetime as dt
from collections.abc import Iterator

from django.db.models import Case, IntegerField, Value, When
from rest_framework.fields import DateTimeField

from standard_versions.consultation.report_outcomes import ANSWER_FIELDS, outcome_of, with_outcomes
from standard_versions.consultation.selectors_report import (
    ReportBasis,
    ReportContents,
    ReportSection,
    published_of,
)
from standard_versions.models import Comment

_DATES = DateTimeField()


# The comment fields the downloads (CSV, XLSX, the ISO/IEC template) and the PDF show.
REPORT_COMMENT_FIELDS = (
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
    "responded_at",
)


def _report_comments(contents: ReportContents):
    """Every published comment in the report's order, with its answer and links,
    ``REPORT_COMMENT_FIELDS`` only: two queries per 2,000 comments when iterated in chunks."""
    sections = contents.sections
    rank = Case(
        *(When(criterion_key=s.key, then=Value(n)) for n, s in enumerate(sections)),
        output_field=IntegerField(),
    )
    return with_outcomes(
        published_of(contents.period_ids)
        .annotate(_rank=rank)
        .order_by("_rank", "submitted_at", "id")
        .only(*REPORT_COMMENT_FIELDS, *ANSWER_FIELDS)
    )


def sections_and_comments(contents: ReportContents) -> Iterator[tuple[ReportSection, Comment]]:
    """Every published comment in the report's order (with its answer and links,
    ``REPORT_COMMENT_FIELDS`` only) and its section of ``contents``, read in chunks of 2,000: two
    queries each, none before the first is wanted. A comment published after the contents were
    read has no section yet: it is left for the next download."""
    if not contents.sections:
        return
    by_key = {section.key: section for section in contents.sections}
    rows = _report_comments(contents)
    for comment in rows.iterator(chunk_size=2000):
        section = by_key.get(comment.criterion_key)
        if section is not None:
            yield section, comment


def download_rows(*, basis: ReportBasis, now: dt.datetime) -> Iterator[tuple]:
    """Every published comment in the report's order as a tuple of the download's columns
    (renderers_comments.REPORT_COLUMNS), values as the JSON has them; the changes, the answer's
    status, the published objection and the staff reply last. Two queries per 2,000 rows."""
    windows = {p.pk: p.answer_window_days for p in basis.periods}
    for section, comment in sections_and_comments(basis.contents):
        public = comment.identity_public and (comment.name or comment.organization)
        outcome = outcome_of(comment, window_days=windows[comment.period_id], now=now)
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
            "; ".join(link.as_text() for link in outcome.links),
            outcome.answer_status,
            outcome.objection,
            outcome.staff_reply,
        )


# ---- the ISO/IEC comment template ---------------------------------------------------------

# The columns of the ISO/IEC (and IEC) commenting template, headings as the template has them,
# so that a standards body's tools read the file as a comment form.
ISO_COLUMNS = (
    "MB/NC",
    "Line number",
    "Clause/ Sub clause",
    "Paragraph Figure/ Table",
    "Type of comment",
    "Comments",
    "Proposed change",
    "Observations of the Secretariat",
)
# The template's types: ge(neral), te(chnical), ed(itorial). A translation comment is about the
# wording of a language version: editorial.
ISO_TYPES = {"general": "ge", "technical": "te", "editorial": "ed", "translation": "ed"}


def iso_rows(*, basis: ReportBasis) -> Iterator[tuple]:
    """Every published comment as a row of ISO_COLUMNS: the commenter's organization (if
    published) as MB/NC, the criterion's code as the clause, the comment's type as ge/te/ed, and
    the tracking id, disposition and response as the secretariat's observations. Two queries
    per 2,000 rows."""
    for section, comment in sections_and_comments(basis.contents):
        organization = comment.organization if comment.identity_public else ""
        observation = [comment.tracking_id]
        if comment.disposition:
            observation.append(
                comment.get_disposition_display(),
            )
        if comment.response:
            observation.append(comment.response)
        yield (
            organization,
            "",
            section.code,
            "",
            ISO_TYPES.get(comment.type, "ge"),
            comment.body,
            comment.proposed_text,
            " — ".join(str(part) for part in observation),
        )
