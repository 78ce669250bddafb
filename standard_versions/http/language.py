"""The language a response is served in, and the text source that goes with it.

``LanguageMiddleware`` negotiates once per request (``?lang=``, then ``Accept-Language``, then
English; see standard_versions.translations.i18n); these are the hooks every content view calls.
"""

from datetime import datetime

from standard_versions.standards.selectors_history import content_text_as_of
from standard_versions.translations.content import ContentText
from standard_versions.translations.i18n import request_language
from standard_versions.translations.selectors import content_text


def response_language(request) -> str:
    return request_language(request)


def content_for(request, *, versions=(), as_of: datetime | None = None) -> ContentText:
    """English as stored, or the translations of ``versions`` overlaid (one query); with
    ``as_of``, the translations as they were stored then (two queries)."""
    language = request_language(request)
    if as_of is not None:
        return content_text_as_of(language=language, versions=list(versions), as_of=as_of)
    return content_text(language=language, versions=versions)
