"""Reads for the public pages that the API selectors do not already cover."""

from django.db.models import Prefetch

from standard_versions.memo import remembered
from standard_versions.models import Standard, Version


def standards_with_versions() -> list[Standard]:
    """Every standard with its versions, newest first: two queries whatever their number."""
    versions = Version.objects.select_related("based_on").order_by("-created_at", "-label")
    return list(
        Standard.objects.order_by("slug").prefetch_related(Prefetch("versions", queryset=versions))
    )


def home_head() -> list:
    """What the home page shows of the standards and their versions, as plain values: the
    page is cached under a digest of these (web/caching_home.py), so any change to one of them
    is a new page. A version's revision covers its own content and translations; a standard's
    name is read as it is, and translations of anything as their latest change. Raw SQL, three
    statements on one cursor: this runs on every request for the home page, and the ORM's
    compiling of the three queries cost several times running them."""
    from django.db import connections, router

    from standard_versions.models import Translation

    standards, versions = Standard._meta.db_table, Version._meta.db_table
    columns = ", ".join(f.column for f in Standard._meta.concrete_fields)
    with connections[router.db_for_read(Version)].cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {standards} ORDER BY id")
        standard_rows = [list(row) for row in cursor.fetchall()]
        cursor.execute(f"SELECT id, revision, status, label FROM {versions} ORDER BY id")
        version_rows = [list(row) for row in cursor.fetchall()]
        cursor.execute(f"SELECT MAX(updated_at), COUNT(*) FROM {Translation._meta.db_table}")
        latest, count = cursor.fetchone()
    return [standard_rows, version_rows, {"latest": latest, "count": count}]


def remembered_home_head(*, clock: float) -> list:
    """``home_head``, remembered by this worker for ``PAGE_HEAD_MEMO_MS`` (``memo.py``)."""
    return remembered(("home head",), home_head, clock=clock)
