"""Conditional GETs of the Atom feeds.

A feed is a function of the events it lists (and the revisions of their versions, whose
translations name criteria), the language and the code that renders it. Its ETag is built from
the feed's head (``notifications.feeds.feed_head``, one query), so a feed reader polling an
unchanged feed gets a 304 without any event being loaded or rendered. Feeds change whenever
something happens, so they are revalidated every time (``no-cache``) rather than kept for an
hour like a published version's page.
"""

from collections.abc import Callable

from django.http import HttpResponse
from django.utils.http import http_date

from standard_versions.http.caching import REPRESENTATION_EPOCH, conditional_response
from standard_versions.notifications.feeds import FeedHead

# Bump when the entries' shape or wording changes, so readers fetch the feed again.
FEED_EPOCH = "1"


def feed_etag(*, scope: str, head: FeedHead, language: str) -> str:
    """``scope`` names the feed ("s12" for standard 12, "s12-k-dm7" for a criterion of it)."""
    return f'"{REPRESENTATION_EPOCH}.{FEED_EPOCH}-feed-{scope}-{head.digest}-{language}"'


def conditional_feed(
    request, *, etag: str, head: FeedHead, respond: Callable[[], HttpResponse]
) -> HttpResponse:
    """304 when the reader's copy is current, else ``respond()``'s feed; either with the ETag,
    ``Cache-Control: no-cache`` and the newest entry's time as ``Last-Modified``."""
    response = conditional_response(request, etag=etag, immutable=False, respond=respond)
    if head.updated_at is not None:
        response["Last-Modified"] = http_date(head.updated_at.timestamp())
    return response
