"""Values each worker remembers for a moment of a caller-supplied monotonic clock.

Two memos use it: ``standards/head_memo.py``, the heads of non-draft versions for revalidations,
and ``page_heads`` here: what the home, compare and consultation pages read on every request to
find their cached body (their cache keys' inputs). A page read from ``page_heads`` is at most
``PAGE_HEAD_MEMO_MS`` old: a change this worker saves with history (``history.py``) or a revision
bump (``standards/revisions.py``) forgets it at once and again on commit; another worker's change
shows within that time. 0 turns it off.
"""

from collections.abc import Callable, Hashable

from django.conf import settings
from django.db import transaction


class HeadMemo:
    """Values remembered for ``ttl`` seconds of a caller-supplied monotonic clock.

    Holds at most ``max_entries`` values; when full it starts again empty, because what it holds
    is few (non-draft versions and their criteria; the heads of the home page, of each standard's
    compare page and of each period) and a miss only costs the query it replaces. With a ``ttl``
    of 0 it remembers nothing.
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

    def forget(self) -> None:
        """For a change being saved: clear now, and again once it is committed (a read served
        meanwhile may have remembered what it replaced)."""
        self.clear()
        transaction.on_commit(self.clear)


page_heads = HeadMemo(ttl=settings.PAGE_HEAD_MEMO_MS / 1000)


def remembered(key: Hashable, read: Callable[[], object], *, clock: float):
    """``read()``'s value, from ``page_heads`` when it holds one for ``key`` younger than
    ``PAGE_HEAD_MEMO_MS`` by ``clock`` (``time.monotonic()``, read once by the caller); an error
    ``read()`` raises is not remembered."""
    value = page_heads.get(key, now=clock)
    if value is None:
        value = read()
        page_heads.put(key, value, now=clock)
    return value
