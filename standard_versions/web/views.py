"""Public pages: thin views that call a selector, shape the result for the template, render.

Phase 2 of the public site adds, in their own modules: the compare page (``web:compare``), the
consultation and receipt pages (``web:comment-period``, ``web:comment-receipt``,
``web:comment-lookup``), the disposition report (``web:disposition-report``) and the
point-in-time view of a version (``?as_of=`` on ``web:version``).
"""

from functools import wraps

from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string

from standard_versions import selectors, selectors_web
from standard_versions.api.language import content_for
from standard_versions.errors import NotFound
from standard_versions.web import presenters, views_as_of
from standard_versions.web.caching import cached_version_page
from standard_versions.web.language import in_response_language, page_context


class PageNotFound(Http404):
    """A 404 whose ``detail`` (a domain error's translatable message) the page may show."""

    def __init__(self, detail):
        self.detail = detail
        super().__init__(str(detail))


def _not_found_as_404(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotFound as error:
            raise PageNotFound(error.detail) from error

    return wrapper


@in_response_language
def home(request, *, language: str):
    standards = selectors_web.standards_with_versions()
    versions = [version for standard in standards for version in standard.versions.all()]
    content = content_for(request, versions=versions)
    context = page_context(
        request,
        language=language,
        standards=presenters.home_page(standards, content=content),
        # Phase 2 (comment periods, issue 5): open and scheduled periods from their selector,
        # each with its closing time in the period's time zone and the time left.
        comment_periods=[],
    )
    return render(request, "web/home.html", context)


@_not_found_as_404
@in_response_language
def version_detail(request, std: str, label: str, *, language: str):
    if "as_of" in request.GET:
        return views_as_of.version_as_of_page(request, std=std, label=label, language=language)
    head = selectors.version_head(standard_slug=std, label=label)

    def render_page() -> str:
        version = selectors.version_tree(
            version=selectors.version_get(standard_slug=std, label=label)
        )
        content = content_for(request, versions=[version])
        page = presenters.version_page(version, content=content)
        # No request: nothing request-specific (CSRF token, user) may enter a cached page.
        return render_to_string(
            "web/version.html", page_context(request, language=language, page=page)
        )

    return cached_version_page(request, head=head, language=language, render=render_page)
