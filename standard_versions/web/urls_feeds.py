"""Routes of the Atom and iCalendar feeds (issue 15); added to the ``web`` namespace by the urls
module next to it. See docs/feeds.md."""

from django.urls import path

from standard_versions.http import converters  # noqa: F401 (registers them)
from standard_versions.web import views_calendar_feed, views_feeds

urlpatterns = [
    path("standards/<std:std>/feed.atom", views_feeds.standard_feed, name="standard-feed"),
    path(
        "standards/<std:std>/criteria/<key:key>/feed.atom",
        views_feeds.criterion_feed,
        name="criterion-feed",
    ),
    path(
        "comment-periods.ics",
        views_calendar_feed.all_periods_calendar,
        name="comment-periods-calendar",
    ),
    path(
        "standards/<std:std>/comment-periods.ics",
        views_calendar_feed.standard_periods_calendar,
        name="standard-comment-periods-calendar",
    ),
]
