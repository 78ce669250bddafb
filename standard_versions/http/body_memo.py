"""The bodies of published content kept in each worker too, in front of the shared cache.

Every body the cache keeps is named by its ETag (version, revision, language, variant; a page's
code digest), so a name never stands for two bodies: once a worker has a body, no change can make
it wrong, only unused. Reading it from the process's memory spares the round trip to Redis and
the copy of a large body over it, which is most of what a cached read costs there. Bounded by
bytes (``BODY_MEMO_BYTES``), least recently used first out; 0 keeps nothing.
"""

import threading
from collections import OrderedDict

from django.conf import settings


def _size(body: object) -> int | None:
    """A body's length: bytes or str, or a tuple of bytes (a page cached in pieces,
    ``web/caching_consultation.py``); None for anything else, which is not kept."""
    if isinstance(body, bytes | str):
        return len(body)
    if isinstance(body, tuple) and all(isinstance(piece, bytes) for piece in body):
        return sum(len(piece) for piece in body)
    return None


class BodyMemo:
    """At most ``max_bytes`` of bodies (bytes, str or pieces of bytes), the least recently used
    dropped first; thread-safe, since gunicorn's threads share it."""

    def __init__(self, *, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._bodies: OrderedDict[str, bytes | str | tuple[bytes, ...]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | str | tuple[bytes, ...] | None:
        with self._lock:
            body = self._bodies.get(key)
            if body is not None:
                self._bodies.move_to_end(key)
            return body

    def put(self, key: str, body: object) -> None:
        size = _size(body)
        if size is None or size > self.max_bytes // 4:
            return
        with self._lock:
            if key in self._bodies:
                return
            self._bodies[key] = body
            self._bytes += size
            while self._bytes > self.max_bytes:
                _key, dropped = self._bodies.popitem(last=False)
                self._bytes -= _size(dropped)

    def clear(self) -> None:
        with self._lock:
            self._bodies.clear()
            self._bytes = 0


published_bodies = BodyMemo(max_bytes=settings.BODY_MEMO_BYTES)
