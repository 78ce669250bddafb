"""The language a page is rendered in, and the switcher that keeps the reader where they are."""

from dataclasses import dataclass
from functools import wraps

from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.encoding import escape_uri_path

from standard_versions.api.language import response_language

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
    url: str
    is_current: bool


def language_links(request, *, current: str) -> list[LanguageLink]:
    """Links to this same page and query in each language (``?lang=`` replaced, rest kept)."""
    path = escape_uri_path(request.path)
    links = []
    for code, name in SWITCHER_LANGUAGES:
        query = request.GET.copy()
        query["lang"] = code
        links.append(LanguageLink(code, name, f"{path}?{query.urlencode()}", code == current))
    return links


def page_context(request, *, language: str, **extra) -> dict:
    """What the base template needs on every page."""
    return {
        "page_language": language,
        "language_links": language_links(request, current=language),
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
