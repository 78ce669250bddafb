"""Reads for the public pages that the API selectors do not already cover."""

from django.db.models import Prefetch

from standard_versions.models import Standard, Version


def standards_with_versions() -> list[Standard]:
    """Every standard with its versions, newest first: two queries whatever their number."""
    versions = Version.objects.select_related("based_on").order_by("-created_at", "-label")
    return list(
        Standard.objects.order_by("slug").prefetch_related(Prefetch("versions", queryset=versions))
    )
