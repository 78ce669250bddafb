"""The language a response is served in, and the text source that goes with it.

The foundation serves the English source; the translation layer (standard_versions.i18n) decides
the language from ``?lang=`` and ``Accept-Language`` and overlays translations.
"""

from standard_versions.content import SOURCE_LANGUAGE, ContentText, SourceText


def response_language(request) -> str:
    return SOURCE_LANGUAGE


def content_for(request, *, versions=()) -> ContentText:
    return SourceText()
