"""Negotiate the reader's language once and speak it for the whole request.

Replaces Django's LocaleMiddleware: ``?lang=`` must win over ``Accept-Language``, aliases
(``pt``, ``pt_BR``, ``es-419``) must resolve, and ``Content-Language`` uses the API's spelling
(``pt-BR``). The language is activated only for this request (``override``), so nothing leaks
into the next request served by the same thread. A site page whose language came from the
reader's language cookie or ``Accept-Language`` (not ``?lang=``) says ``Vary: Cookie`` too; the
API never reads the cookie (standard_versions.translations.i18n) and never varies on it for the
language.
"""

from django.utils import translation
from django.utils.cache import patch_vary_headers

from standard_versions.translations.i18n import (
    DJANGO_LANGUAGE,
    language_depends_on_cookie,
    request_language,
)


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request_language(request)
        with translation.override(DJANGO_LANGUAGE[language]):
            request.LANGUAGE_CODE = DJANGO_LANGUAGE[language]
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Accept-Language",))
        if language_depends_on_cookie(request):
            patch_vary_headers(response, ("Cookie",))
        return response


class PublicContentMiddleware:
    """Drops ``Cookie`` from ``Vary`` on responses marked ``public_content``.

    The session middleware adds ``Vary: Cookie`` whenever authentication looked at the session,
    which is on every API request. For content that is the same for every reader (the JSON of a
    version that is no longer a draft, served ``public, max-age``) that makes shared caches keep
    one copy per visitor, or none. Listed before SessionMiddleware so it sees the final headers.
    A response that sets a cookie keeps its ``Vary`` untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "public_content", False) and not response.cookies:
            vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
            kept = [v for v in vary if v.lower() != "cookie"]
            if kept != vary:
                response["Vary"] = ", ".join(kept)
        return response
