"""The consultation page's HTML, cached without its per-response parts.

A consultation page is a function of the period (dates, time zone, scope, instructions, public
changes), its version's revision, the language, the period's status and the code that renders it,
except for two things that must differ per response: the CSRF token and the time left (a form's
resubmission key is derived when it is sent, never put in the page: ``web/resubmission.py``).
The page is rendered once with sentinels in their place, split at them into UTF-8 pieces and
cached; each response joins the pieces with its own tokens (one pass, no re-encoding of the page).

CSRF is safe by construction: the page is rendered without the request, so no token can enter
it; each POST form carries the one CSRF sentinel, which ``fill_tokens`` alone turns into the
hidden input with this response's token. ``split_at_sentinels`` refuses HTML with a POST form
without the sentinel, or with a CSRF input of its own: a template edit that would send a form
without a token, or bake one into the cache, fails on the first render instead.
"""

import hashlib
import json
import re

from django.middleware.csrf import CSRF_TOKEN_LENGTH
from django.utils.html import escape

from standard_versions.web.caching import PAGE_CODE_DIGEST

# Sentinels: ASCII that neither Markdown rendering nor HTML escaping changes.
CSRF_FIELD_SENTINEL = "wwc-csrf-field-8c1f2e"
TIME_LEFT_SENTINEL = "wwc-time-left-3e6a04"
SENTINELS = {"csrf_field": CSRF_FIELD_SENTINEL, "time_left": TIME_LEFT_SENTINEL}
CSRF_FIELD_NAME = "csrfmiddlewaretoken"
_SENTINEL_RE = re.compile(f"({CSRF_FIELD_SENTINEL}|{TIME_LEFT_SENTINEL})")
_POST_FORM_RE = re.compile(r"<form\b[^>]*\bmethod=\"post\"[^>]*>(.*?)</form>", re.S | re.I)
_TOKEN_RE = re.compile(rf"^[A-Za-z0-9]{{{CSRF_TOKEN_LENGTH}}}$")


class UnsafeCachedPage(ValueError):
    """Rendered HTML that must not be cached: a POST form without the CSRF sentinel, or a CSRF
    input that is not the sentinel's."""


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
    """The page as UTF-8 pieces; odd positions hold the sentinels to fill in. Raises
    ``UnsafeCachedPage`` unless every POST form holds the CSRF sentinel once and the page holds
    no CSRF input of its own."""
    if CSRF_FIELD_NAME in html:
        raise UnsafeCachedPage("The page has a CSRF input of its own; use tokens.csrf_field.")
    for form in _POST_FORM_RE.finditer(html):
        if form.group(1).count(CSRF_FIELD_SENTINEL) != 1:
            raise UnsafeCachedPage("A POST form lacks its CSRF sentinel (tokens.csrf_field).")
    return tuple(piece.encode() for piece in _SENTINEL_RE.split(html))


def csrf_field(csrf_token: str) -> str:
    """The hidden input that carries ``csrf_token`` (``get_token``'s: letters and digits)."""
    if not _TOKEN_RE.match(csrf_token):
        raise ValueError("Not a CSRF token.")
    return f'<input type="hidden" name="{CSRF_FIELD_NAME}" value="{csrf_token}">'


def fill_tokens(pieces: tuple[bytes, ...], *, csrf_token: str, time_left: str) -> bytes:
    """The page for one response: the CSRF sentinels as ``csrf_token``'s hidden input, the time
    left as text."""
    tokens = {
        CSRF_FIELD_SENTINEL.encode(): csrf_field(csrf_token).encode(),
        TIME_LEFT_SENTINEL.encode(): escape(time_left).encode(),
    }
    return b"".join(tokens[piece] if index % 2 else piece for index, piece in enumerate(pieces))
