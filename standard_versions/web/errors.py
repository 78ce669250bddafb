"""The friendly HTML error pages of the public site (the API keeps its JSON errors)."""

from functools import wraps

from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from standard_versions.translations.i18n import request_language
from standard_versions.web.language import in_response_language, page_context


@in_response_language
def _not_found(request, exception, *, language: str):
    # Only a domain error's message is shown: Django's own 404 messages can name URL patterns.
    detail = getattr(exception, "detail", None)
    context = page_context(request, language=language, detail=detail)
    return render(request, "web/404.html", context, status=404)


def not_found_page(request, exception=None):
    return _not_found(request, exception)


def request_error_page(request, *, status: int, title, message, params: dict | None = None):
    """A refused request (405, 411, 413) as a page of the site in the reader's language;
    ``message`` is a lazy string, filled with ``params`` once that language is active."""
    language = request_language(request)
    with translation.override(language):
        text = str(message) % params if params else str(message)
        context = page_context(request, language=language, title=title, message=text)
        response = render(request, "web/request_error.html", context, status=status)
    response["Content-Language"] = language
    return response


def _method_not_allowed(request, allowed: tuple[str, ...]):
    response = request_error_page(
        request,
        status=405,
        title=_("Not allowed here"),
        message=_("This page does not accept %(method)s requests."),
        params={"method": request.method[:20]},
    )
    response["Allow"] = ", ".join(allowed)
    return response


def allow_methods(*methods: str):
    """Let only ``methods`` (GET implies HEAD) reach the page: anything else, ``TRACE`` and
    made-up methods included, is a 405 page in the reader's language with ``Allow``."""
    allowed = tuple(dict.fromkeys(m for method in methods for m in _implied(method)))

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in allowed:
                return _method_not_allowed(request, allowed)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def _implied(method: str) -> tuple[str, ...]:
    return (method, "HEAD") if method == "GET" else (method,)
