from django.urls import path

from standard_versions.api import converters, views, views_translations  # noqa: F401 (registers converters)

urlpatterns = [
    path("standards/", views.StandardListView.as_view(), name="standard-list"),
    path("standards/<std:std>/", views.StandardDetailView.as_view(), name="standard-detail"),
    path("standards/<std:std>/versions/", views.VersionListView.as_view(), name="version-list"),
    path(
        "standards/<std:std>/versions/<label:label>/",
        views.VersionDetailView.as_view(),
        name="version-detail",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/criteria/",
        views.CriterionListView.as_view(),
        name="criterion-list",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/criteria/<code:code>/",
        views.CriterionDetailView.as_view(),
        name="criterion-detail",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/translations/",
        views_translations.TranslationCoverageView.as_view(),
        name="version-translations",
    ),
]

from standard_versions.api import views_diff  # noqa: E402

urlpatterns += [
    path("standards/<std:std>/diff/", views_diff.VersionDiffView.as_view(), name="version-diff"),
]
