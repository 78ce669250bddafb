from django.db.models import F

from standard_versions.memo import page_heads
from standard_versions.models import Version
from standard_versions.standards.head_memo import revalidation_heads


def bump_version_revision(*, version: Version) -> None:
    """Mark everything served for ``version`` as changed (ETags, cached bodies).

    An atomic UPDATE, so concurrent writers never hand out the same revision twice; it records no
    history because the revision is bookkeeping, not content. This worker forgets the heads it
    remembered for revalidations, and the pages' heads (``memo.py``), at once; other workers
    within ``REVALIDATION_MEMO_MS`` and ``PAGE_HEAD_MEMO_MS``.
    """
    Version.objects.filter(pk=version.pk).update(revision=F("revision") + 1)
    version.refresh_from_db(fields=["revision"])
    revalidation_heads.forget()
    page_heads.forget()
