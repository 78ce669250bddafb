"""The API's one request parser: JSON, capped in bytes, refusing what cannot be parsed safely."""

import codecs
import json

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from standard_versions.errors import DomainError


class RequestTooLarge(DomainError):
    status_code = 413
    code = "request_too_large"


def _too_large(limit: int) -> RequestTooLarge:
    return RequestTooLarge(_("The request body is larger than %(limit)s bytes.") % {"limit": limit})


class LimitedJSONParser(JSONParser):
    """JSON with a byte cap, refusing invalid UTF-8 and nesting too deep to parse.

    DRF reads the stream directly, bypassing Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE``, so the cap
    is enforced here before parsing (413 ``request_too_large``). Python's parser recurses once per
    nesting level; a body nested deeper than the interpreter allows (a 2 KB run of ``[``) is a
    malformed request like any other, so it is answered 400 ``parse_error`` rather than crashing.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        if declared and declared.isdigit() and int(declared) > limit:
            raise _too_large(limit)
        body = stream.read(limit + 1) if stream is not None else b""
        if len(body) > limit:
            raise _too_large(limit)
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.decode(body, encoding)
        except (UnicodeDecodeError, LookupError):
            raise ParseError(_("The request body is not valid UTF-8 text.")) from None
        try:
            return json.loads(text, parse_constant=refuse_constant)
        except RecursionError:
            raise ParseError(_("The JSON in the request body is nested too deeply.")) from None
        except ValueError as error:
            raise ParseError(
                _("The request body is not valid JSON: %(error)s") % {"error": error}
            ) from None


def refuse_constant(name: str):
    """NaN and Infinity are not JSON (RFC 8259); Python's parser accepts them by default."""
    raise ValueError(f"{name} is not valid JSON")
