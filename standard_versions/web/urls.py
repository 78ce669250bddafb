from django.urls import path

from standard_versions.http import converters, converters_comments  # noqa: F401 (registers them)
from standard_versions.web import (
    urls_consultation,
    urls_feeds,
    urls_notifications,
    views,
    views_compare,
    views_history,
    views_language,
    views_privacy,
)

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("standards/<std:std>/versions/<label:label>/", views.version_detail, name="version"),
    path("standards/<std:std>/compare/", views_compare.compare, name="compare"),
    path(
        "standards/<std:std>/criteria/<key:key>/",
        views_history.criterion_history,
        name="criterion-history",
    ),
    path("language/", views_language.choose_language, name="choose-language"),
    path("privacy/", views_privacy.privacy, name="privacy"),
    # Phase 2, names reserved (see views.py): "compare" at standards/<std>/compare/,
    # "comment-period" at comment-periods/<id>/, "comment-receipt", "comment-lookup",
    # "disposition-report".
]

# The consultation pages and the disposition report (phase 2).
urlpatterns += urls_consultation.urlpatterns

# Subscriptions by email (confirm, unsubscribe) and the Atom and iCalendar feeds.
urlpatterns += urls_notifications.urlpatterns + urls_feeds.urlpatterns
