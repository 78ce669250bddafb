"""Reads for the compare page: a standard's versions (for the form) and the diff of two of them.

The versions come in one query and the pair is picked from them, so the page costs that query,
one for the translations (none in English) and four for the two trees, whatever their size.
"""

from dataclasses import dataclass

from standard_versions.consultation.selectors_response_links import (
    LINKS_HEAD_SQL,
    comments_behind_diff,
)
from standard_versions.diff.engine import VersionDiff
from standard_versions.diff.result import CommentBehind
from standard_versions.diff.selectors import snapshots_diff, version_snapshots
from standard_versions.diff.snapshots import VersionSnapshot
from standard_versions.memo import remembered
from standard_versions.models import Standard, Version
from standard_versions.raw_rows import raw_instances
from standard_versions.standards.selectors import standard_get, version_not_found
from standard_versions.translations.content import ContentText


def comparable_versions(*, standard_slug: str) -> list[Version]:
    """Every version of the standard, newest first, with its standard and base: one query (two
    when the standard has none; NotFound when there is no such standard)."""
    versions = list(
        Version.objects.select_related("standard", "based_on")
        .filter(standard__slug=standard_slug)
        .order_by("-created_at", "-label")
    )
    if not versions:
        standard_get(slug=standard_slug)
    return versions


def comparable_version_heads(*, standard_slug: str) -> list[Version]:
    """``comparable_versions`` as the cached page's key needs them, in one raw query (the ORM's
    compiling of the join cost several times running it): each version's id, label, revision,
    status and base (``based_on_id``, ``based_on_label``), without the standard or the base's
    row, and the response links' head (``links_head``, None when no link was ever made);
    NotFound when there is no such standard."""
    versions, standards = Version._meta.db_table, Standard._meta.db_table
    query = (
        "SELECT v.id, v.label, v.revision, v.status, v.based_on_id, v.created_at, "
        "b.label AS based_on_label, "
        # The same on every row: the response links' head, for the page's cache key.
        f"{LINKS_HEAD_SQL} AS links_head "
        f"FROM {versions} v JOIN {standards} s ON s.id = v.standard_id "
        f"LEFT JOIN {versions} b ON b.id = v.based_on_id "
        "WHERE s.slug = %s ORDER BY v.created_at DESC, v.label DESC"
    )
    heads = raw_instances(Version, query, [standard_slug])
    if not heads:
        standard_get(slug=standard_slug)
    return heads


def remembered_comparable_version_heads(*, standard_slug: str, clock: float) -> list[Version]:
    """``comparable_version_heads``, remembered by this worker for ``PAGE_HEAD_MEMO_MS``
    (``memo.py``); a standard that does not exist is asked about every time."""
    return remembered(
        ("compare heads", standard_slug),
        lambda: comparable_version_heads(standard_slug=standard_slug),
        clock=clock,
    )


def pick_version(versions: list[Version], *, standard_slug: str, label: str) -> Version:
    """The version labelled ``label`` among ``versions`` (no query), or NotFound."""
    for version in versions:
        if version.label == label:
            return version
    raise version_not_found(standard_slug=standard_slug, label=label)


@dataclass(frozen=True)
class Comparison:
    old: VersionSnapshot
    new: VersionSnapshot
    diff: VersionDiff
    # The public comments behind the changes (``comments_behind_diff``).
    comments: tuple[CommentBehind, ...] = ()


def compare_versions(
    *, old: Version, new: Version, content: ContentText, with_comments: bool = False
) -> Comparison:
    """The two versions' snapshots in ``content``'s language and their diff: four queries; and,
    ``with_comments``, the comments behind its changes: one more."""
    before, after = version_snapshots(versions=[old, new], content=content)
    diff = snapshots_diff(old=old, new=new, before=before, after=after, content=content)
    comments = comments_behind_diff(old=old, new=new, diff=diff) if with_comments else ()
    return Comparison(old=before, new=after, diff=diff, comments=comments)
