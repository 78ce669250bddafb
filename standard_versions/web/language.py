"""The language a page is rendered in, and the switcher that keeps the reader where they are.

The switcher's links go through ``web:choose-language``, which remembers the choice in Django's
language cookie and comes back to the same page and query with ``?lang=``; every later page reads
``?lang=``, then the cookie, then ``Accept-Language`` (standard_versions.translations.i18n). The
page's ``hreflang`` alternates are absolute URLs of the page itself in each language, plus
``x-default`` (the page without ``lang``, which negotiates).
"""

from dataclasses import dataclass
from functools import wraps
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.encoding import escape_uri_path

from standard_versions.http.language import response_language

# Each language in its own name, never translated: a reader who cannot read the current page's
# language must still recognise theirs.
SWITCHER_LANGUAGES = (
    ("en", "English"),
    ("es", "Español"),
    ("pt-BR", "Português (Brasil)"),
)


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str  # this page in that language, absolute (the hreflang alternate)
    choose_url: str  # the switcher's link: remembers the choice, then comes back here
    is_current: bool


def site_origin(request) -> str:
    """``https://host``: absolute URLs in a page depend on it, so cached pages are keyed by it."""
    return request.build_absolute_uri("/").rstrip("/")


def _query_without_lang(request) -> list[tuple[str, str]]:
    return [(key, value) for key, value in request.GET.lists() if key != "lang"]


def _with_query(path: str, query: list[tuple[str, list[str] | str]]) -> str:
    encoded = urlencode(query, doseq=True, safe="/")
    return f"{path}?{encoded}" if encoded else path


def language_links(request, *, current: str) -> list[LanguageLink]:
    """This same page and query in each language (``?lang=`` first and replaced, rest kept)."""
    path = escape_uri_path(request.path)
    rest = _query_without_lang(request)
    here = _with_query(path, rest)
    page_url = site_origin(request) + path
    choose = reverse("web:choose-language")
    return [
        LanguageLink(
            code=code,
            name=name,
            url=_with_query(page_url, [("lang", code), *rest]),
            choose_url=_with_query(choose, [("lang", code), ("next", here)]),
            is_current=code == current,
        )
        for code, name in SWITCHER_LANGUAGES
    ]


def page_context(request, *, language: str, **extra) -> dict:
    """What the base template needs on every page."""
    return {
        "page_language": language,
        "language_links": language_links(request, current=language),
        "x_default_url": _with_query(
            site_origin(request) + escape_uri_path(request.path), _query_without_lang(request)
        ),
        **extra,
    }


def in_response_language(view):
    """Render ``view`` in the response language (``?lang=`` or Accept-Language, as the API does)
    and label the response with it. The view receives the language as ``language=``."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        language = response_language(request)
        with translation.override(language):
            response = view(request, *args, language=language, **kwargs)
        response["Content-Language"] = language
        patch_vary_headers(response, ("Accept-Language",))
        return response

    return wrapper
