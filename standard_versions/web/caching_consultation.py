"""The consultation page's HTML, cached without its per-response parts.

A consultation page is a function of the period (dates, time zone, scope, instructions, public
changes), its version's revision, the language, the period's status and the code that renders it,
except for three things that must differ per response: the CSRF token, the forms' idempotency keys
and the time left. The page is rendered once with sentinels in their place and cached; each
response fills them in (three ``str.replace`` calls on the cached string).
"""

import hashlib
import json
import secrets

from django.utils.html import escape

from standard_versions.models import CommentPeriod
from standard_versions.web.caching import PAGE_CODE_DIGEST

# Sentinels: ASCII that neither Markdown rendering nor HTML escaping changes.
CSRF_SENTINEL = "wwc-csrf-token-8c1f2e"
NONCE_SENTINEL = "wwc-form-nonce-5b7d9a"
TIME_LEFT_SENTINEL = "wwc-time-left-3e6a04"
SENTINELS = {"csrf": CSRF_SENTINEL, "nonce": NONCE_SENTINEL, "time_left": TIME_LEFT_SENTINEL}


def consultation_cache_key(period: CommentPeriod, *, language: str, status: str) -> str:
    version = period.version
    state = json.dumps(
        [
            period.opens_at.isoformat(),
            period.closes_at.isoformat(),
            period.timezone,
            period.criterion_keys,
            period.instructions,
            period.changes,
            version.status,
        ],
        sort_keys=True,
        default=str,
    )
    digest = hashlib.sha256(state.encode()).hexdigest()[:16]
    return (
        f"consultation:{period.pk}:{version.pk}:{version.revision}:{language}:{status}:"
        f"{digest}:{PAGE_CODE_DIGEST}"
    )


def new_form_nonce() -> str:
    """Per response; each form's idempotency key is this nonce and the form's name."""
    return secrets.token_urlsafe(12)


def fill_tokens(html: str, *, csrf_token: str, nonce: str, time_left: str) -> str:
    return (
        html.replace(CSRF_SENTINEL, csrf_token)
        .replace(NONCE_SENTINEL, nonce)
        .replace(TIME_LEFT_SENTINEL, escape(time_left))
    )
