"""Negotiate the reader's language once and speak it for the whole request.

Replaces Django's LocaleMiddleware: ``?lang=`` must win over ``Accept-Language``, aliases
(``pt``, ``pt_BR``, ``es-419``) must resolve, and ``Content-Language`` uses the API's spelling
(``pt-BR``). The language is activated only for this request (``override``), so nothing leaks
into the next request served by the same thread.
"""

from django.utils import translation
from django.utils.cache import patch_vary_headers

from standard_versions.i18n import DJANGO_LANGUAGE, request_language


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
        return response
