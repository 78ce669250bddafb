"""ETags and conditional GETs for content that changes only with a version's ``revision``.

A version's representation is a function of (version, revision, language, variant), so the ETag is
computed from those without rendering anything, and a matching ``If-None-Match`` is answered 304
after one query. Bodies of versions that are no longer drafts are also kept in the cache.
"""

from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.http import parse_etags
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from standard_versions.http.compression import without_coding
from standard_versions.models import Version, VersionStatus
from standard_versions.standards.selectors import VersionHead

# Bump when the shape of served content changes, so clients never keep a body from older code.
REPRESENTATION_EPOCH = "2"

IMMUTABLE_CACHE_CONTROL = "public, max-age=3600"
DRAFT_CACHE_CONTROL = "no-cache"
BODY_CACHE_SECONDS = 24 * 3600


def version_etag(version: Version | VersionHead, *, language: str, variant: str = "") -> str:
    return f'"{REPRESENTATION_EPOCH}-v{version.pk}.{version.revision}-{language}{variant}"'


def etag_matches(header: str | None, etag: str) -> bool:
    """The weak comparison of ``If-None-Match``; a tag of our compressed body (``"x;gzip"``,
    standard_versions.http.compression) names the same content as ``"x"``."""
    if not header:
        return False
    candidates = parse_etags(header)
    bare = etag.removeprefix("W/")
    return "*" in candidates or any(
        without_coding(c.removeprefix("W/")) == bare for c in candidates
    )


def _decorate(response, *, etag: str, version: Version | VersionHead, language: str):
    immutable = version.status != VersionStatus.DRAFT
    response["ETag"] = etag
    response["Cache-Control"] = IMMUTABLE_CACHE_CONTROL if immutable else DRAFT_CACHE_CONTROL
    response["Content-Language"] = language
    # The JSON of a non-draft version is the same for every reader (see PublicContentMiddleware).
    response.public_content = immutable and not isinstance(response, Response)
    return response


def not_modified(*, etag: str, version: Version | VersionHead, language: str) -> HttpResponse:
    return _decorate(HttpResponse(status=304), etag=etag, version=version, language=language)


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
    if etag_matches(request.META.get("HTTP_IF_NONE_MATCH"), etag):
        return not_modified(etag=etag, version=version, language=language)

    is_json = getattr(request, "accepted_renderer", None) is None or (
        request.accepted_renderer.format == "json"
    )
    cacheable = is_json and version.status != VersionStatus.DRAFT
    cache_key = f"body:{etag}"
    if cacheable:
        body = cache.get(cache_key)
        if body is not None:
            response = HttpResponse(body, content_type="application/json")
            return _decorate(response, etag=etag, version=version, language=language)

    data = build()
    if cacheable:
        body = JSONRenderer().render(data)
        cache.set(cache_key, body, BODY_CACHE_SECONDS)
        response = HttpResponse(body, content_type="application/json")
    else:
        response = Response(data)
    return _decorate(response, etag=etag, version=version, language=language)


def versions_etag(versions, *, language: str, variant: str = "") -> str:
    """The ETag of content made from several versions (a diff): it changes when any of them does.
    For one version it is ``version_etag``."""
    parts = "+".join(f"v{version.pk}.{version.revision}" for version in versions)
    return f'"{REPRESENTATION_EPOCH}-{parts}-{language}{variant}"'


def conditional_versions_content(
    request, *, versions, language: str, variant: str, build: Callable[[], dict]
):
    """``conditional_content`` for content made from several versions: immutable (public
    Cache-Control, JSON body kept in the cache) only when none of them is a draft."""
    etag = versions_etag(versions, language=language, variant=variant)
    immutable = all(version.status != VersionStatus.DRAFT for version in versions)

    def decorate(response):
        response["ETag"] = etag
        response["Cache-Control"] = IMMUTABLE_CACHE_CONTROL if immutable else DRAFT_CACHE_CONTROL
        response["Content-Language"] = language
        response.public_content = immutable and not isinstance(response, Response)
        return response

    if etag_matches(request.META.get("HTTP_IF_NONE_MATCH"), etag):
        return decorate(HttpResponse(status=304))
    renderer = getattr(request, "accepted_renderer", None)
    cacheable = immutable and (renderer is None or renderer.format == "json")
    cache_key = f"body:{etag}"
    if cacheable:
        body = cache.get(cache_key)
        if body is None:
            body = JSONRenderer().render(build())
            cache.set(cache_key, body, BODY_CACHE_SECONDS)
        return decorate(HttpResponse(body, content_type="application/json"))
    return decorate(Response(build()))
