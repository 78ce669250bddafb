"""A per-process memo of what revalidations of non-draft versions need to know.

A published or superseded version is served with ``Cache-Control: public, max-age=3600``: any
cache between us and the reader may answer for it for an hour without asking. Remembering its head
for a second in each worker is far inside that promise, and spares the one query a revalidation
would otherwise cost. Drafts (served ``no-cache``) are never remembered, and a revision bump in this
process forgets everything at once; another worker sees the bump within ``ttl`` seconds.
"""

from django.conf import settings

from standard_versions.memo import HeadMemo

revalidation_heads = HeadMemo(ttl=settings.REVALIDATION_MEMO_MS / 1000)
