"""Reads for the subscription pages: what a subscribe form follows (a standard, or one of its
criteria by permanent key, named by its code in the newest version that has it)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from standard_versions.errors import NotFound
from standard_versions.models import Criterion, Standard
from standard_versions.standards import selectors as standard_selectors


@dataclass(frozen=True)
class FollowTarget:
    standard_slug: str
    standard_name: str
    criterion_key: str = ""
    criterion_code: str = ""
    criterion_title: str = ""


def criterion_by_key(*, standard: Standard, criterion_key: str) -> Criterion:
    """The criterion of permanent key ``criterion_key`` (its code and title) in the newest version
    of ``standard`` that has it, in one query. The key is permanent, so any version will do."""
    criterion = (
        Criterion.objects.filter(version__standard=standard, key=criterion_key)
        .order_by("-version__created_at", "-version_id")
        .only("code", "title")
        .first()
    )
    if criterion is None:
        raise NotFound(
            _("Standard %(std)s has no criterion with the key %(key)s.")
            % {"std": standard.slug, "key": criterion_key},
            code="criterion_not_found",
        )
    return criterion


def follow_target(*, standard_slug: str, criterion_key: str = "") -> FollowTarget:
    """One query for a standard, two for a criterion. Raises NotFound with a specific code."""
    standard = standard_selectors.standard_get(slug=standard_slug)
    if not criterion_key:
        return FollowTarget(standard_slug=standard.slug, standard_name=standard.name)
    criterion = criterion_by_key(standard=standard, criterion_key=criterion_key)
    return FollowTarget(
        standard_slug=standard.slug,
        standard_name=standard.name,
        criterion_key=criterion_key,
        criterion_code=criterion.code,
        criterion_title=criterion.title,
    )
