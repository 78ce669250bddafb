"""Reads that are more than a ``get``: version trees with deliberate prefetches.

Each selector issues a fixed number of queries whatever the number of criteria.
"""

from dataclasses import dataclass

from django.db import connections, router
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from standard_versions.errors import NotFound
from standard_versions.models import (
    CertificationLevel,
    Criterion,
    OutcomeArea,
    PracticeArea,
    Standard,
    Version,
    VersionStatus,
)
from standard_versions.standards.head_memo import revalidation_heads


def standard_list() -> QuerySet[Standard]:
    return Standard.objects.order_by("slug")


def standard_get(*, slug: str) -> Standard:
    standard = Standard.objects.filter(slug=slug).first()
    if standard is None:
        raise NotFound(
            _("There is no standard %(std)s.") % {"std": slug}, code="standard_not_found"
        )
    return standard


def version_list(*, standard_slug: str) -> QuerySet[Version]:
    standard = standard_get(slug=standard_slug)
    return (
        Version.objects.filter(standard=standard)
        .select_related("standard", "based_on")
        .order_by("created_at", "label")
    )


@dataclass(frozen=True)
class VersionHead:
    """What a conditional GET needs to know about a version: enough to compute its ETag."""

    pk: int
    revision: int
    status: str


_VERSION_HEAD_SQL = (
    "SELECT v.id, v.revision, v.status FROM standard_versions_version v "
    "JOIN standard_versions_standard s ON s.id = v.standard_id "
    "WHERE s.slug = %s AND v.label = %s"
)


def version_head(*, standard_slug: str, label: str) -> VersionHead:
    """The head of a version, or NotFound. Raw SQL because this runs on every revalidation and
    the ORM's query compilation costs several times the query itself."""
    with connections[router.db_for_read(Version)].cursor() as cursor:
        cursor.execute(_VERSION_HEAD_SQL, [standard_slug, label])
        row = cursor.fetchone()
    if row is None:
        version_get(standard_slug=standard_slug, label=label)  # raises the specific NotFound
    return VersionHead(*row)


_CRITERION_HEAD_SQL = (
    "SELECT c.id, c.revision FROM standard_versions_criterion c "
    "WHERE c.version_id = %s AND c.code = %s"
)


def criterion_etag_variant(*, version: VersionHead, label: str, code: str) -> str:
    """The part of a criterion's ETag that identifies it: ``-c{pk}.{revision}``. Raw SQL for the
    same reason as ``version_head``; raises the specific NotFound for an unknown code."""
    with connections[router.db_for_read(Version)].cursor() as cursor:
        cursor.execute(_CRITERION_HEAD_SQL, [version.pk, code])
        row = cursor.fetchone()
    if row is None:
        raise criterion_not_found(label=label, code=code)
    return f"-c{row[0]}.{row[1]}"


def revalidation_version_head(*, standard_slug: str, label: str, now: float) -> VersionHead:
    """``version_head`` for reading published content (a revalidation, or the body, which the
    caches keep under the head's ETag): a non-draft version's head may come from this worker's
    memo, up to ``REVALIDATION_MEMO_MS`` old, well inside the ``max-age`` its content is served
    with (see head_memo.py)."""
    key = ("version", standard_slug, label)
    head = revalidation_heads.get(key, now=now)
    if head is None:
        head = version_head(standard_slug=standard_slug, label=label)
        if head.status != VersionStatus.DRAFT:
            revalidation_heads.put(key, head, now=now)
    return head


def revalidation_criterion_variant(
    *, version: VersionHead, label: str, code: str, now: float
) -> str:
    """``criterion_etag_variant`` for answering a revalidation, remembered like
    ``revalidation_version_head`` for criteria of non-draft versions."""
    key = ("criterion", version.pk, version.revision, code)
    variant = revalidation_heads.get(key, now=now)
    if variant is None:
        variant = criterion_etag_variant(version=version, label=label, code=code)
        if version.status != VersionStatus.DRAFT:
            revalidation_heads.put(key, variant, now=now)
    return variant


def version_get(*, standard_slug: str, label: str) -> Version:
    """One version with its standard (one query). Raises NotFound with a specific code."""
    version = (
        Version.objects.select_related("standard", "based_on")
        .filter(standard__slug=standard_slug, label=label)
        .first()
    )
    if version is None:
        standard_get(slug=standard_slug)
        raise version_not_found(standard_slug=standard_slug, label=label)
    return version


def version_not_found(*, standard_slug: str, label: str) -> NotFound:
    return NotFound(
        _("Standard %(std)s has no version %(label)s.") % {"std": standard_slug, "label": label},
        code="version_not_found",
    )


def criteria_queryset(*, version: Version) -> QuerySet[Criterion]:
    return (
        Criterion.objects.filter(version=version)
        .select_related("practice_area")
        .order_by("practice_area__position", "practice_area__code", "position", "code")
    )


def version_tree(*, version: Version) -> Version:
    """``prefetch_trees`` of one version: four queries."""
    prefetch_trees([version])
    return version


def prefetch_trees(versions: list[Version]) -> None:
    """Attach to each of ``versions`` its practice areas (with their criteria), levels and
    outcome areas, in reading order: four queries however many versions."""
    practice_areas = PracticeArea.objects.order_by("position", "code").prefetch_related(
        Prefetch("criteria", queryset=Criterion.objects.order_by("position", "code"))
    )
    prefetch_related_objects(
        versions,
        Prefetch("practice_areas", queryset=practice_areas),
        Prefetch("levels", queryset=CertificationLevel.objects.order_by("min_percent")),
        Prefetch("outcome_areas", queryset=OutcomeArea.objects.order_by("position", "key")),
    )


def criterion_not_found(*, label: str, code: str) -> NotFound:
    return NotFound(
        _("Version %(label)s has no criterion %(code)s.") % {"label": label, "code": code},
        code="criterion_not_found",
    )


def criterion_get(*, version: Version, code: str) -> Criterion:
    criterion = criteria_queryset(version=version).filter(code=code).first()
    if criterion is None:
        raise criterion_not_found(label=version.label, code=code)
    return criterion
