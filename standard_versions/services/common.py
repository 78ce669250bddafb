from django.db.models import F

from standard_versions.models import Version


def bump_version_revision(*, version: Version) -> None:
    """Mark everything served for ``version`` as changed (ETags, cached bodies).

    An atomic UPDATE, so concurrent writers never hand out the same revision twice; it records no
    history because the revision is bookkeeping, not content.
    """
    Version.objects.filter(pk=version.pk).update(revision=F("revision") + 1)
    version.refresh_from_db(fields=["revision"])
