"""Reads for the subscription pages: what a subscribe form follows (a standard, or one of its
criteria by permanent key, named by its code in the newest version that has it)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from standard_versions.errors import NotFound
from standard_versions.models import Criterion, Standard


@dataclass(frozen=True)
class FollowTarget:
    standard_slug: str
    standard_name: str
    criterion_key: str = ""
    criterion_code: str = ""
    criterion_title: str = ""


def follow_target(*, standard_slug: str, criterion_key: str = "") -> FollowTarget:
    """One query for a standard, two for a criterion. Raises NotFound with a specific code."""
    standard = Standard.objects.filter(slug=standard_slug).only("slug", "name").first()
    if standard is None:
        raise NotFound(
            _("There is no standard %(std)s.") % {"std": standard_slug}, code="standard_not_found"
        )
    if not criterion_key:
        return FollowTarget(standard_slug=standard.slug, standard_name=standard.name)
    criterion = (
        Criterion.objects.filter(version__standard=standard, key=criterion_key)
        .order_by("-version__created_at", "-version_id")
        .only("code", "title")
        .first()
    )
    if criterion is None:
        raise NotFound(
            _("Standard %(std)s has no criterion with the key %(key)s.")
            % {"std": standard_slug, "key": criterion_key},
            code="criterion_not_found",
        )
    return FollowTarget(
        standard_slug=standard.slug,
        standard_name=standard.name,
        criterion_key=criterion_key,
        criterion_code=criterion.code,
        criterion_title=criterion.title,
    )
