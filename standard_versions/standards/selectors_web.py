"""Reads for the public pages that the API selectors do not already cover."""

from django.db.models import Prefetch

from standard_versions.models import Standard, Version


def standards_with_versions() -> list[Standard]:
    """Every standard with its versions, newest first: two queries whatever their number."""
    versions = Version.objects.select_related("based_on").order_by("-created_at", "-label")
    return list(
        Standard.objects.order_by("slug").prefetch_related(Prefetch("versions", queryset=versions))
    )


def home_head() -> list:
    """What the home page shows of the standards and their versions, as plain values, in one
    query each for standards, versions and translations: the page is cached under a digest of
    these (web/caching_home.py), so any change to one of them is a new page. A version's
    revision covers its own content and translations; a standard's name is read as it is, and
    translations of anything as their latest change."""
    from django.db.models import Count, Max

    from standard_versions.models import Translation

    return [
        list(Standard.objects.order_by("pk").values_list()),
        list(Version.objects.order_by("pk").values_list("pk", "revision", "status", "label")),
        Translation.objects.aggregate(latest=Max("updated_at"), count=Count("pk")),
    ]
