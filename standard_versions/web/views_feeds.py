"""Atom feeds of a standard's public events and of one criterion's, by its permanent key:
``/standards/{std}/feed.atom`` and ``/standards/{std}/criteria/{key}/feed.atom``.

Built with Django's syndication framework (``Feed`` and ``feedgenerator.Atom1Feed``): the view
reads the feed's head, answers a matching ``If-None-Match`` with a 304, and only otherwise loads
the events, turns each into an entry in the reader's language (``presenters_feeds``) and lets the
framework write the XML. An unknown standard or key is the 404 page, as on the pages.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.html import escape
from django.utils.translation import gettext as _

from standard_versions.http.language import content_for
from standard_versions.models import Criterion, Standard
from standard_versions.notifications import feeds
from standard_versions.standards.selectors import standard_get
from standard_versions.web.caching_feeds import conditional_feed, feed_etag
from standard_versions.web.errors import allow_methods
from standard_versions.web.language import in_response_language
from standard_versions.web.presenters_feeds import FeedEntry, feed_entry
from standard_versions.web.views import _not_found_as_404

AUTHOR = "What Works Cities"


def public_url(path: str) -> str:
    """An absolute URL on the site's public address (``PUBLIC_BASE_URL``, as mail and webhooks
    link): a feed is read far from the request that fetched it, and its id must not depend on
    the host a reader happened to use."""
    return f"{settings.PUBLIC_BASE_URL}{path}"


class StableAtom1Feed(feedgenerator.Atom1Feed):
    """An Atom feed whose ``updated`` never depends on when it was asked for: with no entry yet
    it is the standard's creation, not the time of the request (an ETag names one body)."""

    def latest_post_date(self):
        if self.items:
            return super().latest_post_date()
        return self.feed["empty_updated"]


@dataclass(frozen=True)
class FeedPage:
    title: str
    subtitle: str
    # Paths on this site, made absolute with ``public_url``.
    link: str
    self_link: str
    entries: list[FeedEntry]
    # The feed's ``updated`` while it has no entry (the standard's creation).
    empty_updated: dt.datetime


def _read(field_name: str, then=None):
    """A ``Feed`` attribute that is the field ``field_name`` of what the framework passes it (the
    ``FeedPage``, or one of its entries), through ``then`` when given."""

    def attribute(self, obj):
        value = getattr(obj, field_name)
        return value if then is None else then(value)

    return attribute


class EventsFeed(Feed):
    """The framework's side: every value is read from the ``FeedPage`` the view made."""

    feed_type = StableAtom1Feed
    item_guid_is_permalink = False

    def __init__(self, *, language: str):
        self.language = language

    title = _read("title")
    subtitle = _read("subtitle")
    link = _read("link", public_url)
    feed_url = _read("self_link", public_url)
    # Its own URL in its language (the framework would take ``link``, which feeds of several
    # criteria or languages may share).
    feed_guid = _read("self_link", public_url)
    author_name = AUTHOR

    def feed_extra_kwargs(self, page):
        return {"empty_updated": page.empty_updated}

    items = _read("entries")
    item_title = _read("title")
    # Atom's summary is written as type="html": plain text is escaped to stay plain text.
    item_description = _read("summary", escape)
    item_link = _read("link", public_url)
    item_guid = _read("id")
    item_pubdate = item_updateddate = _read("updated")


def _self_link(path: str, language: str) -> str:
    return f"{path}?lang={language}"


def _render(request, page: FeedPage, *, language: str) -> HttpResponse:
    feed = EventsFeed(language=language).get_feed(page, request)
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response


def _entries(request, *, standard: Standard, key: str | None, extra_versions=(), language: str):
    events = feeds.feed_events(standard=standard, key=key)
    criteria = feeds.criteria_of_events(events)
    versions = {event.version_id: event.version for event in events if event.version_id}
    for version in extra_versions:
        versions.setdefault(version.pk, version)
    content = content_for(request, versions=list(versions.values()))
    entries = [
        feed_entry(
            event,
            standard=standard,
            criterion=criteria.get((event.version_id, event.criterion_key)),
            content=content,
            language=language,
        )
        for event in events
    ]
    return entries, content


def _respond(request, *, standard: Standard, key: str | None, language: str, make_page):
    head = feeds.feed_head(standard=standard, key=key)
    scope = f"s{standard.pk}" + (f"-k-{key}" if key else "")
    etag = feed_etag(scope=scope, head=head, language=language)
    return conditional_feed(
        request,
        etag=etag,
        head=head,
        respond=lambda: _render(request, make_page(), language=language),
    )


@allow_methods("GET")
@_not_found_as_404
@in_response_language
def standard_feed(request, std: str, *, language: str):
    standard = standard_get(slug=std)

    def make_page() -> FeedPage:
        entries, content = _entries(request, standard=standard, key=None, language=language)
        name = content.text(standard, "name")
        return FeedPage(
            title=_("News of the %(standard)s") % {"standard": name},
            subtitle=_(
                "Comment periods, published versions, changes to drafts and responses to "
                "comments on the %(standard)s."
            )
            % {"standard": name},
            link=f"{reverse('web:home')}?lang={language}",
            self_link=_self_link(reverse("web:standard-feed", args=[std]), language),
            entries=entries,
            empty_updated=standard.created_at,
        )

    return _respond(request, standard=standard, key=None, language=language, make_page=make_page)


@allow_methods("GET")
@_not_found_as_404
@in_response_language
def criterion_feed(request, std: str, key: str, *, language: str):
    standard = standard_get(slug=std)
    criterion: Criterion = feeds.feed_criterion(standard=standard, key=key)

    def make_page() -> FeedPage:
        entries, content = _entries(
            request,
            standard=standard,
            key=key,
            extra_versions=[criterion.version],
            language=language,
        )
        names = {
            "code": criterion.code,
            "title": content.text(criterion, "title"),
            "standard": content.text(standard, "name"),
        }
        return FeedPage(
            title=_("Criterion %(code)s %(title)s of the %(standard)s") % names,
            subtitle=_(
                "Changes to the text of criterion %(code)s in drafts, whatever its code in each "
                "version, and responses to comments on it."
            )
            % names,
            link=f"{reverse('web:criterion-history', args=[std, key])}?lang={language}",
            self_link=_self_link(reverse("web:criterion-feed", args=[std, key]), language),
            entries=entries,
            empty_updated=standard.created_at,
        )

    return _respond(request, standard=standard, key=key, language=language, make_page=make_page)
