"""The language a response is served in, and the text source that goes with it.

``LanguageMiddleware`` negotiates once per request (``?lang=``, then ``Accept-Language``, then
English; see standard_versions.i18n); these are the hooks every content view calls.
"""

from standard_versions.content import ContentText
from standard_versions.i18n import request_language
from standard_versions.selectors_translations import content_text


def response_language(request) -> str:
    return request_language(request)


def content_for(request, *, versions=()) -> ContentText:
    """English as stored, or the translations of ``versions`` overlaid (one query)."""
    return content_text(language=request_language(request), versions=versions)
