"""Parsing the consultation page's comment form: the API's own input serializer (same fields, same
validation, same messages) plus what only a browser form has.

- ``website`` is the honeypot: hidden from people and assistive technology, so only a robot that
  fills every field fills it. A filled honeypot is answered with a neutral page and stores nothing.
- There is no idempotency key in the form: a double tap, or Back and Send again, is recognised
  on the server from the browser and the text (``web/resubmission.py``) and gets the first
  comment's receipt instead of a second comment.
- Browsers send a textarea's line breaks as CRLF; they are sent on as LF, as an API client would,
  so a line break counts as one character, as the page's counter counts it. The textareas have no
  ``maxlength`` (browsers cut pasted text at it silently): the service refuses a text over the
  limit whole and the page gives it back.
"""

from urllib.parse import unquote_to_bytes

from django.http.request import RawPostDataException
from django.utils.translation import gettext_lazy as _

from standard_versions.api.serializers.comments import CommentSubmitInputSerializer

HONEYPOT_FIELD = "website"


class CommentFormInputSerializer(CommentSubmitInputSerializer):
    def validate_body(self, value: str) -> str:
        return _lf(value)

    def validate_proposed_text(self, value: str) -> str:
        return _lf(value)


def _lf(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


INVALID_UTF8_MESSAGE = _(
    "Part of what was sent is not valid UTF-8 text, so nothing was stored. The text is shown "
    "again below as it arrived; check it, then send it again."
)


def form_is_utf8(request) -> bool:
    """False when a URL-encoded form body holds bytes that are not UTF-8. Django decodes such a
    body with replacement characters (U+FFFD), so the comment would be stored with its text
    silently changed; the API refuses the same bytes as a parse error."""
    if request.content_type != "application/x-www-form-urlencoded":
        return True
    try:
        body = request.body
    except RawPostDataException:
        return True
    try:
        for pair in body.split(b"&"):
            for part in pair.split(b"=", 1):
                unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def honeypot_filled(data) -> bool:
    return bool((data.get(HONEYPOT_FIELD) or "").strip())
