"""ETags and conditional GETs for content that changes only with a version's ``revision``.

A version's representation is a function of (version, revision, language, variant), so the ETag is
computed from those without rendering anything, and a matching ``If-None-Match`` is answered 304
after one query. Bodies of versions that are no longer drafts are also kept in the cache.

Every conditional answer is decided by ``revalidation`` and headed by ``set_cache_headers``: for
the API (``conditional_content``, ``conditional_versions_content``, ``api_revalidation`` for the
fast path in ``revalidation.py``) and for the pages (``conditional_response``, ``web/caching.py``).
``revalidation`` asks Django's ``get_conditional_response``, so ``If-None-Match`` has RFC 9110's
meaning (weak comparison, several tags, ``*``), with one addition: a tag of our compressed body
(``"x;gzip"``, ``compression.py``) names the same content as ``"x"``.
"""

from collections.abc import Callable
from types import SimpleNamespace

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_etags
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from standard_versions.http.body_memo import published_bodies
from standard_versions.models import Version, VersionStatus
from standard_versions.standards.preconditions import without_coding
from standard_versions.standards.selectors import VersionHead

# Bump when the shape of served content changes, so clients never keep a body from older code.
REPRESENTATION_EPOCH = "2"

# How long any cache may keep content of a version that is no longer a draft without asking.
IMMUTABLE_MAX_AGE = 3600
BODY_CACHE_SECONDS = 24 * 3600


def version_etag(version: Version | VersionHead, *, language: str, variant: str = "") -> str:
    return f'"{REPRESENTATION_EPOCH}-v{version.pk}.{version.revision}-{language}{variant}"'


def versions_etag(versions, *, language: str, variant: str = "") -> str:
    """The ETag of content made from several versions (a diff): it changes when any of them does.
    For one version it is ``version_etag``."""
    parts = "+".join(f"v{version.pk}.{version.revision}" for version in versions)
    return f'"{REPRESENTATION_EPOCH}-{parts}-{language}{variant}"'


def is_immutable(*versions: Version | VersionHead) -> bool:
    """Content made only from versions that are no longer drafts never changes under its ETag."""
    return all(version.status != VersionStatus.DRAFT for version in versions)


def _tag_as_held(header: str, etag: str) -> str:
    """``etag`` as the client spells it in ``If-None-Match`` (``"x;gzip"`` for our ``"x"``), so
    that Django's comparison, which knows nothing of codings, finds it."""
    bare = etag.removeprefix("W/")
    for candidate in parse_etags(header):
        if without_coding(candidate.removeprefix("W/")) == bare:
            return candidate
    return etag


def revalidation(request, *, etag: str) -> HttpResponse | None:
    """The answer to the request's ``If-None-Match`` for content tagged ``etag``: a 304 (no body,
    no headers yet) when the client's copy is current, None when a full response is due (for a
    method other than GET or HEAD a match is a 412, as RFC 9110 says; no caller has one).

    Only ``If-None-Match`` decides: reads never honoured ``If-Match`` or the date preconditions
    (writes check ``If-Match`` under their row lock, ``standards/preconditions.py``), so Django is
    shown that header alone."""
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return None
    preconditions = SimpleNamespace(
        method=request.method, path=request.path, META={"HTTP_IF_NONE_MATCH": header}
    )
    return get_conditional_response(preconditions, etag=_tag_as_held(header, etag))


def set_cache_headers(response: HttpResponse, *, etag: str, immutable: bool) -> HttpResponse:
    """``ETag`` and ``Cache-Control``: an hour's public lifetime for immutable content, a
    revalidation every time for a draft's."""
    response["ETag"] = etag
    if immutable:
        patch_cache_control(response, public=True, max_age=IMMUTABLE_MAX_AGE)
    else:
        patch_cache_control(response, no_cache=True)
    return response


def cached_body(key: str | None, make: Callable[[], object]):
    """The body kept under ``key`` in this worker (``body_memo``) or in the shared cache, else
    ``make()``'s (then kept in both); no key, no cache. A key must name one body for ever (they
    are ETags)."""
    if key is None:
        return make()
    body = published_bodies.get(key)
    if body is not None:
        return body
    body = cache.get(key)
    if body is None:
        body = make()
        cache.set(key, body, BODY_CACHE_SECONDS)
    published_bodies.put(key, body)
    return body


def conditional_response(
    request, *, etag: str, immutable: bool, respond: Callable[[], HttpResponse]
) -> HttpResponse:
    """304 if the client's copy is current, else ``respond()``; either with the cache headers."""
    response = revalidation(request, etag=etag) or respond()
    return set_cache_headers(response, etag=etag, immutable=immutable)


def _with_api_headers(response, *, etag: str, immutable: bool, language: str):
    set_cache_headers(response, etag=etag, immutable=immutable)
    response["Content-Language"] = language
    # The JSON of a non-draft version is the same for every reader (see PublicContentMiddleware).
    response.public_content = immutable and not isinstance(response, Response)
    return response


def api_revalidation(
    request, *, etag: str, version: Version | VersionHead, language: str
) -> HttpResponse | None:
    """The API's 304 for ``version``'s content when the client's copy is current (headers as on
    the 200 it stands for), else None."""
    response = revalidation(request, etag=etag)
    if response is None:
        return None
    return _with_api_headers(
        response, etag=etag, immutable=is_immutable(version), language=language
    )


def _conditional_json(request, *, etag: str, immutable: bool, language: str, build):
    renderer = getattr(request, "accepted_renderer", None)
    # Only the JSON is kept: other renderings (the browsable API's page shows who reads it) are
    # made each time, as are a draft's.
    is_json = renderer is None or renderer.format == "json"
    cache_key = f"body:{etag}" if immutable and is_json else None

    def respond():
        if cache_key is None:
            return Response(build())
        body = cached_body(cache_key, lambda: JSONRenderer().render(build()))
        return HttpResponse(body, content_type="application/json")

    response = revalidation(request, etag=etag) or respond()
    return _with_api_headers(response, etag=etag, immutable=immutable, language=language)


def conditional_content(
    request,
    *,
    version: Version | VersionHead,
    language: str,
    variant: str,
    build: Callable[[], dict],
    etag: str | None = None,
):
    """Answer a GET for content of ``version``: 304 if the client's copy is current, a cached body
    for a non-draft version in JSON, or the body ``build()`` makes (then cached)."""
    etag = etag or version_etag(version, language=language, variant=variant)
    return _conditional_json(
        request, etag=etag, immutable=is_immutable(version), language=language, build=build
    )


def conditional_versions_content(
    request, *, versions, language: str, variant: str, build: Callable[[], dict]
):
    """``conditional_content`` for content made from several versions: immutable (public
    Cache-Control, JSON body kept in the cache) only when none of them is a draft."""
    return _conditional_json(
        request,
        etag=versions_etag(versions, language=language, variant=variant),
        immutable=is_immutable(*versions),
        language=language,
        build=build,
    )
