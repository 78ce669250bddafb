"""A per-process memo of what revalidations of non-draft versions need to know.

A published or superseded version is served with ``Cache-Control: public, max-age=3600``: any
cache between us and the reader may answer for it for an hour without asking. Remembering its head
for a second in each worker is far inside that promise, and spares the one query a revalidation
would otherwise cost. Drafts (served ``no-cache``) are never remembered, and a revision bump in this
process forgets everything at once; another worker sees the bump within ``ttl`` seconds.
"""

from collections.abc import Hashable

from django.conf import settings


class HeadMemo:
    """Values remembered for ``ttl`` seconds of a caller-supplied monotonic clock.

    Holds at most ``max_entries`` values; when full it starts again empty, because the set of
    non-draft versions and criteria is small and a miss only costs the query it replaces. With a
    ``ttl`` of 0 it remembers nothing.
    """

    def __init__(self, *, ttl: float, max_entries: int = 1024) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: dict[Hashable, tuple[float, object]] = {}

    def get(self, key: Hashable, *, now: float) -> object | None:
        entry = self._entries.get(key)
        if entry is None or now >= entry[0]:
            return None
        return entry[1]

    def put(self, key: Hashable, value: object, *, now: float) -> None:
        if self.ttl <= 0:
            return
        if len(self._entries) >= self.max_entries:
            self._entries = {}
        self._entries[key] = (now + self.ttl, value)

    def clear(self) -> None:
        self._entries = {}


revalidation_heads = HeadMemo(ttl=settings.REVALIDATION_MEMO_MS / 1000)
