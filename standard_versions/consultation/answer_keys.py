"""The key that lets a commenter answer the response to their comment.

A tracking id is public (the published lists and the report show it), so it cannot prove that
whoever holds it wrote the comment. The answer key can: a stateless signature of the tracking
id (``django.core.signing`` with a salt of its own, so no other signed value of the project is
ever a valid key; compared in constant time), given only to the submitter: in the receipt URL
the web form redirects to, in the API's 201 response to the submission, and in the
response-published mail to a verified address. Nothing is stored; rotating ``SECRET_KEY``
invalidates every key (kept valid while the old secret is in ``SECRET_KEY_FALLBACKS``).
"""

from django.core import signing

_SALT = "standard_versions.consultation.answer_keys"
# Far longer than any key signing makes, far shorter than an abuse: a longer value is refused
# before any work.
KEY_MAX_CHARS = 200


def _signer() -> signing.Signer:
    return signing.Signer(salt=_SALT)


def answer_key_for(tracking_id: str) -> str:
    """The key for the comment ``tracking_id``: URL-safe, always the same for the same id."""
    return _signer().signature(tracking_id)


def check_answer_key(tracking_id: str, key: str | None) -> bool:
    """``key`` is the answer key of ``tracking_id`` (compared in constant time)."""
    if not isinstance(key, str) or not key or len(key) > KEY_MAX_CHARS or ":" in key:
        return False
    # ``unsign`` compares in constant time, against SECRET_KEY and its fallbacks (a key mailed
    # before a rotation keeps working while the old secret is a fallback).
    try:
        return _signer().unsign(f"{tracking_id}:{key}") == tracking_id
    except signing.BadSignature:
        return False
