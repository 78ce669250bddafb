"""Reads for version diffs: the two versions in one query, their snapshots in four more."""

from dataclasses import replace

from django.db.models.expressions import RawSQL

from standard_versions.consultation.selectors_response_links import (
    LINKS_HEAD_SQL,
    comments_behind_diff,
)
from standard_versions.diff.engine import VersionDiff, diff_versions
from standard_versions.diff.result import TranslationCaveat
from standard_versions.diff.sentences import reconstruction_caveat_sentence
from standard_versions.diff.snapshots import (
    CriterionSnapshot,
    LevelSnapshot,
    OutcomeAreaSnapshot,
    PracticeAreaSnapshot,
    VersionSnapshot,
)
from standard_versions.models import Version
from standard_versions.standards.selectors import (
    prefetch_trees,
    standard_get,
    version_not_found,
)
from standard_versions.translations.content import SOURCE_LANGUAGE, ContentText, SourceText


def version_pair_get(
    *, standard_slug: str, from_label: str, to_label: str
) -> tuple[Version, Version]:
    """The two versions of a diff (one query; the same version twice is allowed), each with its
    ``links_head`` (``selectors_response_links.LINKS_HEAD_SQL``: None when no response was ever
    linked to a change)."""
    versions = (
        Version.objects.select_related("standard")
        .filter(standard__slug=standard_slug, label__in={from_label, to_label})
        # The response links' head, for the cache key (the diff names the comments behind it).
        .annotate(links_head=RawSQL(LINKS_HEAD_SQL, ()))
    )
    found = {version.label: version for version in versions}
    for label in (from_label, to_label):
        if label not in found:
            standard_get(slug=standard_slug)
            raise version_not_found(standard_slug=standard_slug, label=label)
    return found[from_label], found[to_label]


def _snapshot(version: Version, content: ContentText) -> VersionSnapshot:
    text = content.text
    return VersionSnapshot(
        standard=version.standard.slug,
        label=version.label,
        title=text(version, "title"),
        status=version.status,
        reconstructed=version.reconstructed,
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
    prefetch_trees(distinct)
    by_pk = {version.pk: _snapshot(version, content) for version in distinct}
    return [by_pk[version.pk] for version in versions]


UNRELIABLE_STATUSES = frozenset({"stale", "missing"})


def translation_caveats(
    *, old: Version, new: Version, content: ContentText
) -> tuple[TranslationCaveat, ...]:
    """Criteria whose comparison in ``content``'s language cannot be trusted (see
    ``TranslationCaveat``), in the new version's reading order then the removed ones. Reads the
    trees ``version_snapshots`` prefetched: no query."""
    if content.language == SOURCE_LANGUAGE:
        return ()

    def criteria(version: Version) -> dict:
        return {c.key: c for area in version.practice_areas.all() for c in area.criteria.all()}

    before, after = criteria(old), criteria(new)
    caveats = []
    for key in [*after, *(key for key in before if key not in after)]:
        was, now = before.get(key), after.get(key)
        if (
            was is not None
            and now is not None
            and ((was.title, was.description) == (now.title, now.description))
        ):
            continue  # the English is the same: whatever the translations show is what changed
        statuses = [content.status(c) if c is not None else None for c in (was, now)]
        if UNRELIABLE_STATUSES.intersection(statuses):
            caveats.append(TranslationCaveat(key, (now or was).code, *statuses))
    return tuple(caveats)


def snapshots_diff(
    *,
    old: Version,
    new: Version,
    before: VersionSnapshot,
    after: VersionSnapshot,
    content: ContentText,
) -> VersionDiff:
    """The diff of two versions' snapshots (made by ``version_snapshots`` in ``content``), with
    the translation caveats of a translated language."""
    return replace(
        diff_versions(before, after),
        translation_caveats=translation_caveats(old=old, new=new, content=content),
    )


def version_diff_document(
    *, old: Version, new: Version, content: ContentText | None = None, with_comments: bool = False
) -> dict:
    """The diff's JSON document (``VersionDiff.to_dict()``) with the reconstruction note, in the
    active language, where either version is reconstructed, and, ``with_comments``, the comments
    behind its changes (one query more)."""
    diff = version_diff(old=old, new=new, content=content)
    sides = {"from": diff.from_version.to_dict(), "to": diff.to_version.to_dict()}
    note = reconstruction_caveat_sentence(sides, markup=str)
    comments = comments_behind_diff(old=old, new=new, diff=diff) if with_comments else ()
    return replace(diff, reconstruction_note=note, comments=comments).to_dict()


def version_diff(*, old: Version, new: Version, content: ContentText | None = None) -> VersionDiff:
    """The diff of two versions in ``content``'s language (English by default)."""
    content = content or SourceText()
    before, after = version_snapshots(versions=[old, new], content=content)
    return snapshots_diff(old=old, new=new, before=before, after=after, content=content)
