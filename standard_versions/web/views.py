"""Public pages: thin views that call a selector, shape the result for the template, render.

Phase 2 of the public site adds, in their own modules: the compare page (``web:compare``), the
consultation and receipt pages (``web:comment-period``, ``web:comment-receipt``,
``web:comment-lookup``), the disposition report (``web:disposition-report``) and the
point-in-time view of a version (``?as_of=`` on ``web:version``).
"""

import time
from functools import wraps

from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from standard_versions.consultation import selectors as selectors_consultation
from standard_versions.errors import NotFound
from standard_versions.http.language import content_for
from standard_versions.standards import selectors, selectors_web
from standard_versions.web import presenters, presenters_consultation, views_as_of
from standard_versions.web.caching import CACHEABLE_QUERY_KEYS, cached_page, cached_version_page
from standard_versions.web.caching_home import home_digest, home_etag
from standard_versions.web.errors import allow_methods
from standard_versions.web.language import in_response_language, page_context, site_origin


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


@allow_methods("GET")
@in_response_language
def home(request, *, language: str):
    now, clock = timezone.now(), time.monotonic()
    # The windows only, on every request (remembered by the worker for a moment, memo.py); the
    # periods with their versions only to render.
    windows = selectors_consultation.remembered_period_windows(now=now, clock=clock)
    time_left = [
        presenters_consultation.time_left(period, language=language, now=now) for period in windows
    ]
    head = selectors_web.remembered_home_head(clock=clock)
    digest = home_digest(head, windows, time_left=time_left, language=language)

    def render_page() -> str:
        periods = selectors_consultation.current_periods(now=now)
        standards = selectors_web.standards_with_versions()
        versions = [version for standard in standards for version in standard.versions.all()]
        content = content_for(request, versions=versions)
        # No request: nothing request-specific (CSRF token, user) may enter a cached page.
        return render_to_string(
            "web/home.html",
            page_context(
                request,
                language=language,
                standards=presenters.home_page(standards, content=content),
                comment_periods=presenters_consultation.period_cards(
                    periods, content=content, language=language, now=now
                ),
            ),
        )

    cacheable = set(request.GET) <= CACHEABLE_QUERY_KEYS
    return cached_page(
        request,
        etag=home_etag(digest),
        immutable=False,
        cache_key=f"page:{site_origin(request)}:home:{digest}" if cacheable else None,
        render=render_page,
    )


@allow_methods("GET")
@_not_found_as_404
@in_response_language
def version_detail(request, std: str, label: str, *, language: str):
    if "as_of" in request.GET:
        return views_as_of.version_as_of_page(request, std=std, label=label, language=language)
    # A non-draft head may come from the worker's memo (head_memo.py), as for a 304.
    head = selectors.revalidation_version_head(standard_slug=std, label=label, now=time.monotonic())

    def render_page() -> str:
        version = selectors.version_tree(
            version=selectors.version_get(standard_slug=std, label=label)
        )
        content = content_for(request, versions=[version])
        page = presenters.version_page(version, content=content)
        # Periods open only on drafts (never cached) and publishing bumps the revision, so a
        # cached page of a published version knows whether it had a consultation.
        report_url = (
            reverse("web:disposition-report", args=[std, label])
            if selectors_consultation.version_had_consultation(version_id=version.pk)
            else None
        )
        # No request: nothing request-specific (CSRF token, user) may enter a cached page.
        return render_to_string(
            "web/version.html",
            page_context(request, language=language, page=page, disposition_report_url=report_url),
        )

    return cached_version_page(request, head=head, language=language, render=render_page)
