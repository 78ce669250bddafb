"""The friendly HTML error pages of the public site (the API keeps its JSON errors)."""

from django.shortcuts import render

from standard_versions.web.language import in_response_language, page_context


@in_response_language
def _not_found(request, exception, *, language: str):
    # Only a domain error's message is shown: Django's own 404 messages can name URL patterns.
    detail = getattr(exception, "detail", None)
    context = page_context(request, language=language, detail=detail)
    return render(request, "web/404.html", context, status=404)


def not_found_page(request, exception=None):
    return _not_found(request, exception)
