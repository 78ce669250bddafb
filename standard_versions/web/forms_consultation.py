"""Parsing the consultation page's comment form: the API's own input serializer (same fields, same
validation, same messages) plus what only a browser form has.

- ``website`` is the honeypot: hidden from people and assistive technology, so only a robot that
  fills every field fills it. A filled honeypot is answered with a neutral page and stores nothing.
- ``idempotency_key`` is generated when the page is rendered, one per form, and goes through the
  service's Idempotency-Key mechanism: a double click, or going back and sending the same form
  again, gets the first submission's receipt instead of a second comment.
- Browsers send a textarea's line breaks as CRLF; they are sent on as LF, as an API client would,
  so a comment the textarea's ``maxlength`` allowed is never too long for the service.
"""

from rest_framework import serializers

from standard_versions.api.serializers_comments import CommentSubmitInputSerializer

HONEYPOT_FIELD = "website"


class CommentFormInputSerializer(CommentSubmitInputSerializer):
    idempotency_key = serializers.RegexField(
        r"^[ -~]{1,255}$", required=False, allow_blank=True, default=""
    )

    def validate_body(self, value: str) -> str:
        return _lf(value)

    def validate_proposed_text(self, value: str) -> str:
        return _lf(value)


def _lf(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


def honeypot_filled(data) -> bool:
    return bool((data.get(HONEYPOT_FIELD) or "").strip())
