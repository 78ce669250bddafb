"""Recognising a comment sent twice from one browser: a double tap, or Back then Send again.

A key made when the page is rendered cannot do it: on Back a browser may fetch the page again
and get new keys. So the web form's key is derived on the server from what a second sending has
in common with the first: the browser, the period, the form (its criterion, or the version as a
whole) and the text. ``submit_comment`` stores it in the Idempotency-Key column (unique per
period, so even concurrent sendings store one comment) and answers a sending with the key of a
stored comment with that comment's receipt, whatever its other fields.

- The browser is its CSRF secret (``request.META["CSRF_COOKIE"]``): every form the site accepts
  carries it (``CsrfViewMiddleware`` refuses a POST without it), so no other cookie is needed.
  Django rotates it when someone logs in, which only makes a later sending a new comment.
- The text is compared as people see it: NFC, white space of any kind and length as one space,
  none at either end (a textarea may add or drop a line break). Other words are another comment.
- The key is an HMAC keyed with ``SECRET_KEY``: the database holds nothing from which the
  browser's secret or the text could be read, and since each key covers its own text, the keys
  of two comments sent from one browser cannot be linked to each other.
"""

import json

from django.utils.crypto import salted_hmac

from standard_versions.consultation.comment_text import nfc

KEY_PREFIX = "web-resend:"


def comparable_text(text: str) -> str:
    return " ".join(nfc(text).split())


def resubmission_key(
    request, *, period_id: int, criterion_code: str, body: str, proposed_text: str
) -> str | None:
    """The form's key for this browser and text; None when the request has no CSRF secret
    (only possible where CSRF checks are switched off, as in some tests): then nothing is
    recognised as sent before."""
    browser = request.META.get("CSRF_COOKIE")
    if not browser:
        return None
    message = json.dumps(
        [
            browser,
            period_id,
            criterion_code or "",
            comparable_text(body),
            comparable_text(proposed_text),
        ]
    )  # ASCII escapes: a lone surrogate (refused later by the service) cannot break the HMAC
    digest = salted_hmac(__name__, message, algorithm="sha256").hexdigest()
    return KEY_PREFIX + digest
