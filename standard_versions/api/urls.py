from django.urls import path

from standard_versions.api import views

urlpatterns = [
    path("standards/", views.StandardListView.as_view(), name="standard-list"),
    path("standards/<str:std>/", views.StandardDetailView.as_view(), name="standard-detail"),
    path("standards/<str:std>/versions/", views.VersionListView.as_view(), name="version-list"),
    path(
        "standards/<str:std>/versions/<str:label>/",
        views.VersionDetailView.as_view(),
        name="version-detail",
    ),
    path(
        "standards/<str:std>/versions/<str:label>/criteria/",
        views.CriterionListView.as_view(),
        name="criterion-list",
    ),
    path(
        "standards/<str:std>/versions/<str:label>/criteria/<str:code>/",
        views.CriterionDetailView.as_view(),
        name="criterion-detail",
    ),
]
