"""Rendered version pages, cached and revalidated like the API's version bodies.

A version page is a function of (version, revision, language) and of the code that renders it,
so its ETag is the API's version ETag with a ``-web`` variant plus a digest of the templates and
stylesheet: a deploy that changes them never serves HTML rendered by older code. A matching
``If-None-Match`` costs one query; a cached page costs the same one query and a cache read (the
worker's own memory first: ``http/body_memo.py``).
"""

import hashlib
from collections.abc import Callable
from pathlib import Path

from django.http import HttpResponse

from standard_versions.http.caching import (
    cached_body,
    conditional_response,
    is_immutable,
    version_etag,
)
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


def cached_page(
    request, *, etag: str, immutable: bool, cache_key: str | None, render: Callable[[], str]
) -> HttpResponse:
    """304 if the reader's copy is current; else the HTML cached under ``cache_key``; else the
    HTML ``render()`` makes (then cached, when there is a key)."""
    return conditional_response(
        request,
        etag=etag,
        immutable=immutable,
        respond=lambda: HttpResponse(cached_body(cache_key, render)),
    )


def cached_version_page(
    request, *, head: VersionHead, language: str, render: Callable[[], str]
) -> HttpResponse:
    """A version page through ``cached_page``, kept only for a non-draft version asked for with
    nothing but ``lang``."""
    etag = version_page_etag(head, language=language)
    immutable = is_immutable(head)
    cacheable = immutable and set(request.GET) <= CACHEABLE_QUERY_KEYS
    # The page's absolute links (hreflang alternates) name the host it was asked on.
    key = f"page:{site_origin(request)}:{etag}" if cacheable else None
    return cached_page(request, etag=etag, immutable=immutable, cache_key=key, render=render)
