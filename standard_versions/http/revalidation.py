"""Anonymous revalidations of published content, answered before DRF's dispatch."""

import time

from django.utils.cache import patch_vary_headers

from standard_versions.http.caching import api_revalidation
from standard_versions.http.language import response_language
from standard_versions.standards.selectors import VersionHead


class RevalidationFastPath:
    """An anonymous conditional GET whose ETag still matches is answered 304 before DRF's
    authentication, content negotiation and rendering run. Reads are public and unthrottled, so
    none of those can change the answer; anything else (no If-None-Match, credentials, ``as_of``,
    an unknown object, a database error) takes the ordinary path, which answers it properly.

    Subclasses give ``current_etag``, which may answer from the per-worker memo of non-draft
    heads (head_memo.py): a stale memo can only produce a 304 that a cache honouring our
    ``max-age`` would have produced anyway, and a miss falls through to the ordinary path.
    """

    def current_etag(self, request, *, now: float, **kwargs) -> tuple[VersionHead, str]:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        meta = request.META
        if (
            request.method in ("GET", "HEAD")
            and "HTTP_IF_NONE_MATCH" in meta
            and "HTTP_AUTHORIZATION" not in meta
            and "as_of" not in meta.get("QUERY_STRING", "")
        ):
            try:
                head, etag = self.current_etag(request, now=time.monotonic(), **kwargs)
            except Exception:  # the ordinary path below reports it properly
                head = etag = None
            response = etag and api_revalidation(
                request, etag=etag, version=head, language=response_language(request)
            )
            if response:
                # The Vary that ContentAPIView.finalize_response gives the ordinary path.
                patch_vary_headers(response, ("Accept", "Accept-Language"))
                return response
        return super().dispatch(request, *args, **kwargs)
