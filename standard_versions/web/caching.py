"""Rendered version pages, cached and revalidated like the API's version bodies.

A version page is a function of (version, revision, language) and of the code that renders it,
so its ETag is the API's version ETag with a ``-web`` variant plus a digest of the templates and
stylesheet: a deploy that changes them never serves HTML rendered by older code. A matching
``If-None-Match`` costs one query; a cached page costs the same one query and a cache read.
"""

import hashlib
from collections.abc import Callable
from pathlib import Path

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified

from standard_versions.http.caching import (
    BODY_CACHE_SECONDS,
    DRAFT_CACHE_CONTROL,
    IMMUTABLE_CACHE_CONTROL,
    etag_matches,
    version_etag,
)
from standard_versions.models import VersionStatus
from standard_versions.standards.selectors import VersionHead
from standard_versions.web.language import site_origin

_APP = Path(__file__).resolve().parent.parent


def _code_digest() -> str:
    digest = hashlib.sha256()
    for folder in (_APP / "templates" / "web", _APP / "static" / "web"):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


PAGE_CODE_DIGEST = _code_digest()

# Only the language switcher's links depend on the query string; a page asked for with nothing but
# ``lang`` has the same HTML as any other such request in the same language, so only those are
# cached (arbitrary query strings must not fill the cache).
CACHEABLE_QUERY_KEYS = frozenset({"lang"})


def version_page_etag(head: VersionHead, *, language: str) -> str:
    return version_etag(head, language=language, variant=f"-web-{PAGE_CODE_DIGEST}")


def cached_version_page(
    request, *, head: VersionHead, language: str, render: Callable[[], str]
) -> HttpResponse:
    """304 if the reader's copy is current; else the cached HTML of a non-draft version; else the
    HTML ``render()`` makes (then cached when it may be)."""
    etag = version_page_etag(head, language=language)
    if etag_matches(request.META.get("HTTP_IF_NONE_MATCH"), etag):
        response = HttpResponseNotModified()
    else:
        cacheable = head.status != VersionStatus.DRAFT and set(request.GET) <= CACHEABLE_QUERY_KEYS
        # The page's absolute links (hreflang alternates) name the host it was asked on.
        key = f"page:{site_origin(request)}:{etag}"
        html = cache.get(key) if cacheable else None
        if html is None:
            html = render()
            if cacheable:
                cache.set(key, html, BODY_CACHE_SECONDS)
        response = HttpResponse(html)
    response["ETag"] = etag
    response["Cache-Control"] = (
        DRAFT_CACHE_CONTROL if head.status == VersionStatus.DRAFT else IMMUTABLE_CACHE_CONTROL
    )
    return response
