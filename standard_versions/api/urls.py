from django.urls import path

from standard_versions.api import (  # noqa: F401 (converters registers URL converters)
    converters,
    views,
    views_authoring,
    views_translations,
)

urlpatterns = [
    path("standards/", views.StandardListView.as_view(), name="standard-list"),
    path("standards/<std:std>/", views.StandardDetailView.as_view(), name="standard-detail"),
    path(
        "standards/<std:std>/versions/",
        views_authoring.VersionListCreateView.as_view(),
        name="version-list",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/",
        views_authoring.VersionDetailAsOfView.as_view(),
        name="version-detail",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/criteria/",
        views_authoring.CriterionListEditView.as_view(),
        name="criterion-list",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/criteria/<code:code>/",
        views_authoring.CriterionDetailEditView.as_view(),
        name="criterion-detail",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/translations/",
        views_translations.TranslationCoverageView.as_view(),
        name="version-translations",
    ),
    # Staff authoring, history and point in time (views_authoring).
    path(
        "standards/<std:std>/versions/<label:label>/publish/",
        views_authoring.VersionPublishView.as_view(),
        name="version-publish",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/withdraw/",
        views_authoring.VersionWithdrawView.as_view(),
        name="version-withdraw",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/requirements/",
        views_authoring.RequirementsView.as_view(),
        name="version-requirements",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/history/",
        views_authoring.VersionHistoryView.as_view(),
        name="version-history",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/practice-areas/",
        views_authoring.PracticeAreaCreateView.as_view(),
        name="practice-area-list",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/practice-areas/<code:code>/",
        views_authoring.PracticeAreaDetailView.as_view(),
        name="practice-area-detail",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/criteria/<code:code>/history/",
        views_authoring.CriterionHistoryView.as_view(),
        name="criterion-history",
    ),
    path(
        "standards/<std:std>/criteria/<key:key>/timeline/",
        views_authoring.CriterionTimelineView.as_view(),
        name="criterion-timeline",
    ),
]

from standard_versions.api import views_diff  # noqa: E402

urlpatterns += [
    path("standards/<std:std>/diff/", views_diff.VersionDiffView.as_view(), name="version-diff"),
]
