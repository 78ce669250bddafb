from django.urls import path

from standard_versions.api import converters, views  # noqa: F401 (registers converters)

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
]

# Comment periods and comments (issue 5).
from standard_versions.api import converters_comments, views_comments  # noqa: E402, F401

urlpatterns += [
    path(
        "comment-periods/",
        views_comments.CommentPeriodListView.as_view(),
        name="comment-period-list",
    ),
    path(
        "comment-periods/<period:period_id>/",
        views_comments.CommentPeriodDetailView.as_view(),
        name="comment-period-detail",
    ),
    path(
        "comment-periods/<period:period_id>/extend/",
        views_comments.CommentPeriodExtendView.as_view(),
        name="comment-period-extend",
    ),
    path(
        "comment-periods/<period:period_id>/close/",
        views_comments.CommentPeriodCloseView.as_view(),
        name="comment-period-close",
    ),
    path(
        "comment-periods/<period:period_id>/reopen/",
        views_comments.CommentPeriodReopenView.as_view(),
        name="comment-period-reopen",
    ),
    path(
        "comment-periods/<period:period_id>/comments/",
        views_comments.CommentPeriodCommentsView.as_view(),
        name="comment-period-comments",
    ),
    path(
        "comment-periods/<period:period_id>/moderation/",
        views_comments.CommentPeriodModerationView.as_view(),
        name="comment-period-moderation",
    ),
    path(
        "comment-periods/<period:period_id>/campaigns/",
        views_comments.CommentPeriodCampaignsView.as_view(),
        name="comment-period-campaigns",
    ),
    path(
        "comment-periods/<period:period_id>/export/",
        views_comments.CommentPeriodExportView.as_view(),
        name="comment-period-export",
    ),
    path(
        "comments/<tracking:tracking_id>/",
        views_comments.CommentReceiptView.as_view(),
        name="comment-receipt",
    ),
    path(
        "comments/<tracking:tracking_id>/moderate/",
        views_comments.CommentModerateView.as_view(),
        name="comment-moderate",
    ),
    path(
        "comments/<tracking:tracking_id>/respond/",
        views_comments.CommentRespondView.as_view(),
        name="comment-respond",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/disposition-report/",
        views_comments.DispositionReportView.as_view(),
        name="disposition-report",
    ),
]
