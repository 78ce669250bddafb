"""Rendered compare pages, cached and revalidated like the version pages.

The page is a function of the two versions (and their revisions), the language, the code that
renders it, and the query string (the language switcher's links keep it). Its ETag is the diff's
ETag with a ``-web-compare`` variant and the templates' digest. Only pages of two versions that are
not drafts, asked for with nothing but ``from``, ``to`` and ``lang`` (each once), are cached; the
cache key holds the query's shape with the language value left out, so arbitrary ``lang`` values
cannot fill the cache.
"""

import hashlib
from collections.abc import Callable

from django.http import HttpResponse

from standard_versions.http.caching import is_immutable, versions_etag
from standard_versions.models import Version
from standard_versions.web.caching import PAGE_CODE_DIGEST, cached_page
from standard_versions.web.language import site_origin

CACHEABLE_QUERY_KEYS = frozenset({"from", "to", "lang"})


def compare_page_etag(
    versions: list[Version], *, language: str, links_head: str | None = None
) -> str:
    """The diff's ETag with this page's variant, and the response links' head when there are
    links (the page names the comments behind each change: a link changing changes the page)."""
    links = f"-l{links_head}" if links_head is not None else ""
    return versions_etag(
        versions, language=language, variant=f"-web-compare-{PAGE_CODE_DIGEST}{links}"
    )


def _cache_key(request, etag: str) -> str | None:
    query = request.GET
    if not set(query) <= CACHEABLE_QUERY_KEYS or any(len(query.getlist(k)) > 1 for k in query):
        return None
    shape = "&".join(key if key == "lang" else f"{key}={query[key]}" for key in query)
    # The page's absolute links (hreflang alternates) name the host it was asked on.
    key = f"{site_origin(request)}/{etag}?{shape}"
    return "page:" + hashlib.sha256(key.encode()).hexdigest()


def cached_compare_page(
    request,
    *,
    versions: list[Version],
    language: str,
    render: Callable[[], str],
    links_head: str | None = None,
) -> HttpResponse:
    """A compare page through ``web.caching.cached_page``, kept only when neither version is a
    draft and the query has the shape ``_cache_key`` accepts."""
    etag = compare_page_etag(versions, language=language, links_head=links_head)
    immutable = is_immutable(*versions)
    key = _cache_key(request, etag) if immutable else None
    return cached_page(request, etag=etag, immutable=immutable, cache_key=key, render=render)
