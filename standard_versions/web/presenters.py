"""Plain page models for the templates: the Standard's text in the reader's language, each text
with the language it is served in and its translation status.

Templates cannot call ``ContentText.text(obj, field)``, and should not reach into the ORM, so the
views turn selector results into these frozen records first. Nothing here queries the database:
the inputs arrive fully prefetched.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe

from standard_versions.models import Standard, Version
from standard_versions.text.rendering import MarkdownTooLong, render_markdown
from standard_versions.translations.content import ContentText


@dataclass(frozen=True)
class Served:
    """How a translatable object's texts are served: in which language, with which status
    (source, reviewed, draft, stale, or missing when English is the fallback)."""

    language: str
    status: str


def _served(content: ContentText, obj) -> Served:
    return Served(language=content.language_of(obj), status=content.status(obj))


def _html(content: ContentText, obj, field_name: str) -> SafeString:
    try:
        # render_markdown escapes everything (no raw HTML), so its output is safe to insert.
        return mark_safe(render_markdown(content.text(obj, field_name)))
    except MarkdownTooLong:
        return format_html("")


@dataclass(frozen=True)
class VersionSummary:
    label: str
    title: str
    served: Served
    status: str
    status_display: str
    based_on: str | None
    based_on_url: str | None
    published_at: datetime | None
    effective_from: date | None
    url: str


@dataclass(frozen=True)
class StandardSummary:
    slug: str
    name: str
    description: str
    served: Served
    versions: list[VersionSummary]


@dataclass(frozen=True)
class CriterionItem:
    code: str
    key: str
    title: str
    description_html: SafeString
    is_core: bool
    served: Served
    # The criterion's history page (every version, by its key) and its change records in the API.
    history_page_url: str
    history_url: str


@dataclass(frozen=True)
class AreaHeading:
    """A practice area heading its section of a page, which ``#<anchor>`` links to."""

    code: str
    name: str
    served: Served

    @classmethod
    def of(cls, area, *, content: ContentText, **more):
        """The record of ``area`` in the reader's language; ``more``: the subclass's fields."""
        name = content.text(area, "name")
        return cls(code=area.code, name=name, served=_served(content, area), **more)

    @property
    def anchor(self) -> str:
        return f"area-{self.code}"


@dataclass(frozen=True)
class PracticeAreaSection(AreaHeading):
    description_html: SafeString
    criteria: list[CriterionItem]


@dataclass(frozen=True)
class LevelItem:
    name: str
    min_percent: int
    max_percent: int | None
    served: Served


@dataclass(frozen=True)
class OutcomeAreaItem:
    name: str
    description: str
    served: Served


@dataclass(frozen=True)
class VersionPage:
    standard_slug: str
    standard_name: str
    standard_served: Served
    version: VersionSummary
    provenance: list[str]
    practice_areas: list[PracticeAreaSection]
    levels: list[LevelItem]
    core_criteria: list[CriterionItem]
    outcome_areas: list[OutcomeAreaItem]
    min_outcome_areas: int
    api_url: str
    compare_url: str | None
    criteria_count: int = field(default=0)


def version_url(standard_slug: str, label: str) -> str:
    return reverse("web:version", args=[standard_slug, label])


def compare_url(standard_slug: str, *, from_label: str, to_label: str) -> str:
    # The compare page is phase 2 of the public site (reserved name "web:compare"); its path is
    # fixed by the contract, so the link can be built before the page exists.
    query = urlencode({"from": from_label, "to": to_label})
    return f"/standards/{standard_slug}/compare/?{query}"


def criterion_history_url(standard_slug: str, label: str, code: str) -> str:
    # GET .../criteria/{code}/history/ is the contract's history endpoint (staff authoring work).
    return reverse("criterion-history", args=[standard_slug, label, code])


def _version_summary(version: Version, *, standard_slug: str, content: ContentText):
    return VersionSummary(
        label=version.label,
        title=content.text(version, "title"),
        served=_served(content, version),
        status=version.status,
        status_display=version.get_status_display(),
        based_on=version.based_on.label if version.based_on_id else None,
        based_on_url=(
            version_url(standard_slug, version.based_on.label) if version.based_on_id else None
        ),
        published_at=version.published_at,
        effective_from=version.effective_from,
        url=version_url(standard_slug, version.label),
    )


def home_page(standards: list[Standard], *, content: ContentText) -> list[StandardSummary]:
    return [
        StandardSummary(
            slug=standard.slug,
            name=content.text(standard, "name"),
            description=content.text(standard, "description"),
            served=_served(content, standard),
            versions=[
                _version_summary(version, standard_slug=standard.slug, content=content)
                for version in standard.versions.all()
            ],
        )
        for standard in standards
    ]


# A line opening with a short label ("Requirements: ...", "Dates: ...") starts a new topic.
_LABELLED_LINE = re.compile(r"^[A-Z][A-Za-z ]{0,30}: ")


def _paragraphs(text: str) -> list[str]:
    """Hard-wrapped plain text as paragraphs: a blank line or a labelled line starts one, other
    newlines join."""
    paragraphs: list[list[str]] = [[]]
    for line in text.splitlines():
        line = line.strip()
        if not line or _LABELLED_LINE.match(line):
            paragraphs.append([])
        if line:
            paragraphs[-1].append(line)
    return [" ".join(words) for words in paragraphs if words]


def version_page(version: Version, *, content: ContentText) -> VersionPage:
    """``version`` must come from ``selectors.version_tree`` (everything prefetched)."""
    slug = version.standard.slug
    areas = []
    for area in version.practice_areas.all():
        criteria = [
            CriterionItem(
                code=criterion.code,
                key=criterion.key,
                title=content.text(criterion, "title"),
                description_html=_html(content, criterion, "description"),
                is_core=criterion.is_core,
                served=_served(content, criterion),
                history_page_url=reverse("web:criterion-history", args=[slug, criterion.key]),
                history_url=criterion_history_url(slug, version.label, criterion.code),
            )
            for criterion in area.criteria.all()
        ]
        areas.append(
            PracticeAreaSection.of(
                area,
                content=content,
                description_html=_html(content, area, "description"),
                criteria=criteria,
            )
        )
    levels = list(version.levels.all())
    bands = [
        LevelItem(
            name=content.text(level, "name"),
            min_percent=level.min_percent,
            max_percent=higher.min_percent - 1 if higher else None,
            served=_served(content, level),
        )
        for level, higher in zip(levels, [*levels[1:], None], strict=True)
    ]
    based_on = version.based_on.label if version.based_on_id else None
    return VersionPage(
        standard_slug=slug,
        standard_name=content.text(version.standard, "name"),
        standard_served=_served(content, version.standard),
        version=_version_summary(version, standard_slug=slug, content=content),
        provenance=_paragraphs(version.provenance),
        practice_areas=areas,
        levels=bands,
        core_criteria=[c for area in areas for c in area.criteria if c.is_core],
        outcome_areas=[
            OutcomeAreaItem(
                name=content.text(outcome, "name"),
                description=content.text(outcome, "description"),
                served=_served(content, outcome),
            )
            for outcome in version.outcome_areas.all()
        ],
        min_outcome_areas=version.min_outcome_areas,
        api_url=reverse("version-detail", args=[slug, version.label]),
        compare_url=(
            compare_url(slug, from_label=based_on, to_label=version.label) if based_on else None
        ),
        criteria_count=sum(len(area.criteria) for area in areas),
    )
