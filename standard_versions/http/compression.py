"""Compressed responses (HTML pages and the API's JSON) that keep strong ETags.

Django's ``GZipMiddleware`` turns a compressed response's ETag weak (``W/"..."``): a strong tag
must name one exact byte sequence, and the gzip body is not the identity one. But ``If-Match``
compares strongly (RFC 9110, 13.1.1) and refuses a weak tag, so a staff client that read a version
with ``Accept-Encoding: gzip`` (Python's requests does by default) could never write it back. So
a compressed response gets a *strong* tag of its own, the identity tag with ``;gzip`` appended
inside the quotes (``"2-v12.7-en-tree;gzip"``): still one tag per byte sequence, and the
revision it names is the same. ``If-None-Match`` (``http.caching.revalidation``) and ``If-Match``
(``preconditions.Precondition``) read a tag without its coding (``without_coding``). A 304 names
the tag the client holds, so a cache that stored the gzip body recognises it.

BREACH: compression can leak a secret in a body that also reflects attacker-chosen input. The
only secret in our pages is the CSRF token (the consultation forms and the browsable API), and
Django masks it with fresh random bytes in every response, so no two responses carry the same
token bytes to guess at; on top of that ``GZipMiddleware`` pads each compressed body with up to
100 random bytes ("Heal the Breach"), which blurs the length an attacker measures. Receipts show
the tracking id, which the reader typed or was sent to, never a secret from another reader.
"""

from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

from standard_versions.standards.preconditions import CODING_SUFFIX


def _coded(tag: str) -> str:
    return tag[:-1] + CODING_SUFFIX + '"'


def _holds_compressed_copy(request, identity_etag: str) -> bool:
    meta = request.META
    if not re_accepts_gzip.search(meta.get("HTTP_ACCEPT_ENCODING", "")):
        return False
    return _coded(identity_etag) in parse_etags(meta.get("HTTP_IF_NONE_MATCH", ""))


class CompressionMiddleware(GZipMiddleware):
    """``GZipMiddleware`` with strong, coding-specific ETags (see the module's note)."""

    def process_response(self, request, response):
        identity_etag = response.get("ETag", "")
        strong = identity_etag.startswith('"')
        if response.status_code == 304:
            if strong:
                # The same Vary as the 200 it stands for, and the tag the client holds.
                patch_vary_headers(response, ("Accept-Encoding",))
                if _holds_compressed_copy(request, identity_etag):
                    response.headers["ETag"] = _coded(identity_etag)
            return response
        response = super().process_response(request, response)
        if strong and response.get("Content-Encoding") == "gzip":
            response.headers["ETag"] = _coded(identity_etag)
        return response
