"""Reads for version diffs: the two versions in one query, their snapshots in four more."""

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from standard_versions.content import ContentText, SourceText
from standard_versions.diff import VersionDiff, diff_versions
from standard_versions.errors import NotFound
from standard_versions.models import (
    CertificationLevel,
    Criterion,
    OutcomeArea,
    PracticeArea,
    Version,
)
from standard_versions.selectors import standard_get
from standard_versions.snapshots import (
    CriterionSnapshot,
    LevelSnapshot,
    OutcomeAreaSnapshot,
    PracticeAreaSnapshot,
    VersionSnapshot,
)


def version_pair_get(
    *, standard_slug: str, from_label: str, to_label: str
) -> tuple[Version, Version]:
    """The two versions of a diff (one query; the same version twice is allowed)."""
    found = {
        version.label: version
        for version in Version.objects.select_related("standard").filter(
            standard__slug=standard_slug, label__in={from_label, to_label}
        )
    }
    for label in (from_label, to_label):
        if label not in found:
            standard_get(slug=standard_slug)
            raise NotFound(
                _("Standard %(std)s has no version %(label)s.")
                % {"std": standard_slug, "label": label},
                code="version_not_found",
            )
    return found[from_label], found[to_label]


def _prefetch_trees(versions: list[Version]) -> None:
    """Practice areas, criteria, levels and outcome areas of all ``versions``: four queries."""
    practice_areas = PracticeArea.objects.order_by("position", "code").prefetch_related(
        Prefetch("criteria", queryset=Criterion.objects.order_by("position", "code"))
    )
    prefetch_related_objects(
        versions,
        Prefetch("practice_areas", queryset=practice_areas),
        Prefetch("levels", queryset=CertificationLevel.objects.order_by("min_percent", "key")),
        Prefetch("outcome_areas", queryset=OutcomeArea.objects.order_by("position", "key")),
    )


def _snapshot(version: Version, content: ContentText) -> VersionSnapshot:
    text = content.text
    return VersionSnapshot(
        standard=version.standard.slug,
        label=version.label,
        title=text(version, "title"),
        status=version.status,
        language=content.language,
        practice_areas=tuple(
            PracticeAreaSnapshot(
                key=area.key,
                code=area.code,
                name=text(area, "name"),
                description=text(area, "description"),
                criteria=tuple(
                    CriterionSnapshot(
                        key=criterion.key,
                        code=criterion.code,
                        title=text(criterion, "title"),
                        description=text(criterion, "description"),
                        is_core=criterion.is_core,
                    )
                    for criterion in area.criteria.all()
                ),
            )
            for area in version.practice_areas.all()
        ),
        levels=tuple(
            LevelSnapshot(key=level.key, name=text(level, "name"), min_percent=level.min_percent)
            for level in version.levels.all()
        ),
        outcome_areas=tuple(
            OutcomeAreaSnapshot(
                key=area.key, name=text(area, "name"), description=text(area, "description")
            )
            for area in version.outcome_areas.all()
        ),
        min_outcome_areas=version.min_outcome_areas,
    )


def version_snapshots(
    *, versions: list[Version], content: ContentText | None = None
) -> list[VersionSnapshot]:
    """Snapshots of ``versions`` with their texts from ``content`` (English by default), in four
    queries whatever the number of versions and criteria."""
    content = content or SourceText()
    distinct = list({version.pk: version for version in versions}.values())
    _prefetch_trees(distinct)
    by_pk = {version.pk: _snapshot(version, content) for version in distinct}
    return [by_pk[version.pk] for version in versions]


def version_diff(*, old: Version, new: Version, content: ContentText | None = None) -> VersionDiff:
    before, after = version_snapshots(versions=[old, new], content=content)
    return diff_versions(before, after)
