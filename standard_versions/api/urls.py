from django.urls import path

from standard_versions.api import urls_subscriptions, urls_webhooks, views, views_translations
from standard_versions.api.views_authoring import (
    criteria,
    history,
    practice_areas,
    requirements,
    versions,
)
from standard_versions.http import converters, converters_comments  # noqa: F401 (registers them)

urlpatterns = [
    path("standards/", views.StandardListView.as_view(), name="standard-list"),
    path("standards/<std:std>/", views.StandardDetailView.as_view(), name="standard-detail"),
    path(
        "standards/<std:std>/versions/",
        versions.VersionListCreateView.as_view(),
        name="version-list",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/",
        versions.VersionDetailAsOfView.as_view(),
        name="version-detail",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/criteria/",
        criteria.CriterionListEditView.as_view(),
        name="criterion-list",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/criteria/<code:code>/",
        criteria.CriterionDetailEditView.as_view(),
        name="criterion-detail",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/translations/",
        views_translations.TranslationCoverageView.as_view(),
        name="version-translations",
    ),
    # Staff authoring, history and point in time (views_authoring/).
    path(
        "standards/<std:std>/versions/<label:label>/publish/",
        versions.VersionPublishView.as_view(),
        name="version-publish",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/withdraw/",
        versions.VersionWithdrawView.as_view(),
        name="version-withdraw",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/requirements/",
        requirements.RequirementsView.as_view(),
        name="version-requirements",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/history/",
        history.VersionHistoryView.as_view(),
        name="version-history",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/practice-areas/",
        practice_areas.PracticeAreaCreateView.as_view(),
        name="practice-area-list",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/practice-areas/<code:code>/",
        practice_areas.PracticeAreaDetailView.as_view(),
        name="practice-area-detail",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/criteria/<code:code>/history/",
        history.CriterionHistoryView.as_view(),
        name="criterion-history",
    ),
    path(
        "standards/<std:std>/criteria/<key:key>/timeline/",
        history.CriterionTimelineView.as_view(),
        name="criterion-timeline",
    ),
]

from standard_versions.api import views_diff  # noqa: E402

urlpatterns += [
    path("standards/<std:std>/diff/", views_diff.VersionDiffView.as_view(), name="version-diff"),
]

# Comment periods and comments (issue 5).
from standard_versions.api import (  # noqa: E402
    views_comment_periods,
    views_comments,
    views_disposition_report,
    views_moderation,
    views_response_links,
)

urlpatterns += [
    path(
        "comment-periods/",
        views_comment_periods.CommentPeriodListView.as_view(),
        name="comment-period-list",
    ),
    path(
        "comment-periods/<period:period_id>/",
        views_comment_periods.CommentPeriodDetailView.as_view(),
        name="comment-period-detail",
    ),
    path(
        "comment-periods/<period:period_id>/extend/",
        views_comment_periods.CommentPeriodExtendView.as_view(),
        name="comment-period-extend",
    ),
    path(
        "comment-periods/<period:period_id>/close/",
        views_comment_periods.CommentPeriodCloseView.as_view(),
        name="comment-period-close",
    ),
    path(
        "comment-periods/<period:period_id>/reopen/",
        views_comment_periods.CommentPeriodReopenView.as_view(),
        name="comment-period-reopen",
    ),
    path(
        "comment-periods/<period:period_id>/comments/",
        views_comments.CommentPeriodCommentsView.as_view(),
        name="comment-period-comments",
    ),
    path(
        "comment-periods/<period:period_id>/moderation/",
        views_moderation.CommentPeriodModerationView.as_view(),
        name="comment-period-moderation",
    ),
    path(
        "comment-periods/<period:period_id>/campaigns/",
        views_moderation.CommentPeriodCampaignsView.as_view(),
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
        views_moderation.CommentModerateView.as_view(),
        name="comment-moderate",
    ),
    path(
        "comments/<tracking:tracking_id>/respond/",
        views_moderation.CommentRespondView.as_view(),
        name="comment-respond",
    ),
    path(
        "comments/<tracking:tracking_id>/response-links/",
        views_response_links.CommentResponseLinksView.as_view(),
        name="comment-response-links",
    ),
    path(
        "comments/<tracking:tracking_id>/response-links/<period:link_id>/",
        views_response_links.CommentResponseLinkDetailView.as_view(),
        name="comment-response-link",
    ),
    path(
        "comment-periods/<period:period_id>/response-flags/",
        views_response_links.CommentPeriodResponseFlagsView.as_view(),
        name="comment-period-response-flags",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/disposition-report/",
        views_disposition_report.DispositionReportView.as_view(),
        name="disposition-report",
    ),
]

# Subscriptions (public) and webhook endpoints (staff).
urlpatterns += urls_subscriptions.urlpatterns + urls_webhooks.urlpatterns

# Search of a version's criteria (issue 16, item 5).
from standard_versions.api import views_search  # noqa: E402

urlpatterns += [
    path(
        "standards/<std:std>/versions/<label:label>/search/",
        views_search.CriteriaSearchView.as_view(),
        name="version-criteria-search",
    ),
]

# Export jobs (issue 16, item 7).
from standard_versions.api import views_exports  # noqa: E402

urlpatterns += [
    path(
        "comment-periods/<period:period_id>/exports/",
        views_exports.CommentPeriodExportJobsView.as_view(),
        name="comment-period-export-jobs",
    ),
    path(
        "exports/<period:export_id>/",
        views_exports.ExportJobDetailView.as_view(),
        name="export-job-detail",
    ),
    path(
        "exports/<period:export_id>/download/",
        views_exports.ExportJobDownloadView.as_view(),
        name="export-job-download",
    ),
]

# Near-duplicate campaigns (issue 16, item 6): staff only, but for a campaign's additions.
from standard_versions.api import views_campaigns  # noqa: E402

urlpatterns += [
    path(
        "comment-periods/<period:period_id>/near-duplicates/",
        views_campaigns.CommentPeriodNearDuplicatesView.as_view(),
        name="comment-period-near-duplicates",
    ),
    path(
        "near-duplicates/<period:campaign_id>/members/",
        views_campaigns.NearDuplicateMembersView.as_view(),
        name="near-duplicate-campaign-members",
    ),
    path(
        "near-duplicates/<period:campaign_id>/moderate/",
        views_campaigns.NearDuplicateModerateView.as_view(),
        name="near-duplicate-campaign-moderate",
    ),
    # Public: what a campaign's published comments added (the public list shows it once).
    path(
        "campaigns/<period:campaign_id>/additions/",
        views_campaigns.PublicCampaignAdditionsView.as_view(),
        name="public-campaign-additions",
    ),
    path(
        "near-duplicates/<period:campaign_id>/respond/",
        views_campaigns.NearDuplicateRespondView.as_view(),
        name="near-duplicate-campaign-respond",
    ),
]

# The commenter answers back (issue 17, item 3): the answer, its moderation and reply (staff),
# a period's open objections (staff).
from standard_versions.api import views_answers  # noqa: E402

urlpatterns += [
    path(
        "comments/<tracking:tracking_id>/answer/",
        views_answers.CommenterAnswerView.as_view(),
        name="comment-answer",
    ),
    path(
        "comments/<tracking:tracking_id>/answer/moderation/",
        views_answers.ObjectionModerateView.as_view(),
        name="comment-answer-moderation",
    ),
    path(
        "comments/<tracking:tracking_id>/answer/reply/",
        views_answers.ObjectionReplyView.as_view(),
        name="comment-answer-reply",
    ),
    path(
        "comment-periods/<period:period_id>/objections/",
        views_answers.CommentPeriodObjectionsView.as_view(),
        name="comment-period-objections",
    ),
]
