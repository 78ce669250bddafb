"""The home page, cached under what it shows: the standards and versions (``home_head``), the
current comment periods, and their "time left" as the reader would read it now. A new version, a
publication, a translation, a period opened or closed, or an hour off a countdown makes a new
digest, hence a new page and a new ETag; between two, every reader in a language gets the same
bytes and a revalidation is a 304 after the head's queries, which each worker reads at most once
per ``PAGE_HEAD_MEMO_MS`` (``memo.py``)."""

import hashlib
import json

from standard_versions.web.caching import PAGE_CODE_DIGEST


def home_digest(head: list, periods: list, *, time_left: list[str], language: str) -> str:
    state = json.dumps(
        [
            head,
            [
                (
                    period.pk,
                    period.opens_at.isoformat(),
                    period.closes_at.isoformat(),
                    period.timezone,
                    period.version_id,
                    period.instructions,
                )
                for period in periods
            ],
            time_left,
            language,
            PAGE_CODE_DIGEST,
        ],
        default=str,
    )
    return hashlib.sha256(state.encode()).hexdigest()[:20]


def home_etag(digest: str) -> str:
    return f'"home-{digest}"'
