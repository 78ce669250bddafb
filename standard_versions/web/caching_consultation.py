"""The consultation page's HTML, cached without its per-response parts.

A consultation page is a function of the period (dates, time zone, scope, instructions, public
changes), its version's revision, the language, the period's status and the code that renders it,
except for two things that must differ per response: the CSRF token and the time left (a form's
resubmission key is derived when it is sent, never put in the page: ``web/resubmission.py``).
The page is rendered once with sentinels in their place, split at them into UTF-8 pieces and
cached; each response joins the pieces with its own tokens (one pass, no re-encoding of the page).
"""

import hashlib
import json
import re

from django.utils.html import escape

from standard_versions.web.caching import PAGE_CODE_DIGEST

# Sentinels: ASCII that neither Markdown rendering nor HTML escaping changes.
CSRF_SENTINEL = "wwc-csrf-token-8c1f2e"
TIME_LEFT_SENTINEL = "wwc-time-left-3e6a04"
SENTINELS = {"csrf": CSRF_SENTINEL, "time_left": TIME_LEFT_SENTINEL}
_SENTINEL_RE = re.compile(f"({CSRF_SENTINEL}|{TIME_LEFT_SENTINEL})")


def consultation_cache_key(
    period, *, language: str, status: str, origin: str, open_form: str = ""
) -> str:
    """``period``: a ``selectors_consultation.period_head`` (with its version's revision and what
    its published comments are like); ``origin``: the site's scheme and host, which the page's
    absolute links name; ``open_form``: the criterion whose form the page shows open, if any."""
    state = json.dumps(
        [
            period.opens_at.isoformat(),
            period.closes_at.isoformat(),
            period.timezone,
            period.criterion_keys,
            period.instructions,
            period.changes,
            period.version_status,
            period.published_comments,
            period.comments_history_id,
            open_form,
        ],
        sort_keys=True,
        default=str,
    )
    digest = hashlib.sha256(state.encode()).hexdigest()[:16]
    return (
        f"consultation:{period.pk}:{period.version_id}:{period.version_revision}:{language}:{status}:"
        f"{digest}:{PAGE_CODE_DIGEST}:{origin}"
    )


def split_at_sentinels(html: str) -> tuple[bytes, ...]:
    """The page as UTF-8 pieces; odd positions hold the sentinels to fill in."""
    return tuple(piece.encode() for piece in _SENTINEL_RE.split(html))


def fill_tokens(pieces: tuple[bytes, ...], *, csrf_token: str, time_left: str) -> bytes:
    tokens = {
        CSRF_SENTINEL.encode(): csrf_token.encode(),
        TIME_LEFT_SENTINEL.encode(): escape(time_left).encode(),
    }
    return b"".join(tokens[piece] if index % 2 else piece for index, piece in enumerate(pieces))
