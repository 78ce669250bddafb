"""The public disposition report: every published comment on a version and what was done."""

from dataclasses import dataclass

from standard_versions.consultation.selectors_comments import attach_scope_codes
from standard_versions.models import (
    Comment,
    CommentPeriod,
    Criterion,
    ModerationState,
    Version,
)


@dataclass
class ReportSection:
    # Empty key and code: comments on the version as a whole.
    key: str
    code: str
    # The English title now, or as commented on for a criterion removed since.
    title: str
    comments: list[Comment]
    # The criterion now, for its title in the reader's language (None: the version as a whole,
    # or a criterion removed since).
    criterion: Criterion | None = None


@dataclass
class DispositionReport:
    version: Version
    periods: list[CommentPeriod]
    sections: list[ReportSection]
    summary: dict[str, int]


def disposition_report(*, version: Version) -> DispositionReport:
    """Every published comment on ``version`` with what was done with it, by criterion in the
    version's order (comments on the whole version first). Three queries."""
    periods = attach_scope_codes(list(CommentPeriod.objects.filter(version=version)))
    for period in periods:
        period.version = version
    criteria = list(
        Criterion.objects.filter(version=version)
        .order_by("practice_area__position", "position", "code")
        .only("key", "version", "code", "title")
    )
    comments = list(
        Comment.objects.filter(
            period__version=version, moderation_state=ModerationState.PUBLISHED
        ).order_by("submitted_at", "id")
    )
    by_key: dict[str, list[Comment]] = {}
    for comment in comments:
        by_key.setdefault(comment.criterion_key, []).append(comment)
    sections: list[ReportSection] = []
    if "" in by_key:
        sections.append(ReportSection(key="", code="", title="", comments=by_key.pop("")))
    for criterion in criteria:
        if criterion.key in by_key:
            sections.append(
                ReportSection(
                    key=criterion.key,
                    code=criterion.code,
                    title=criterion.title,
                    comments=by_key.pop(criterion.key),
                    criterion=criterion,
                )
            )
    # Criteria removed from the draft since: their comments keep a section, under the old text.
    for key, rest in sorted(by_key.items()):
        first = rest[0]
        sections.append(
            ReportSection(
                key=key, code=first.criterion_code, title=first.criterion_title, comments=rest
            )
        )
    summary: dict[str, int] = {"published": len(comments), "awaiting_response": 0}
    for comment in comments:
        label = comment.disposition or "awaiting_response"
        summary[label] = summary.get(label, 0) + 1
    return DispositionReport(version=version, periods=periods, sections=sections, summary=summary)
