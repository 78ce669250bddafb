"""The API's routes, one row each: (path, view, name), in the order Django tries them."""

from django.urls import path

from standard_versions.api import views
from standard_versions.api import views_comment_periods as periods
from standard_versions.api import views_comments as comments
from standard_versions.api import views_diff as diff
from standard_versions.api import views_disposition_report as report
from standard_versions.api import views_exports as exports
from standard_versions.api import views_moderation as moderation
from standard_versions.api import views_search as search
from standard_versions.api import views_subscriptions as subscriptions
from standard_versions.api import views_translations as translations
from standard_versions.api import views_webhooks as webhooks
from standard_versions.api.views_authoring import (
    criteria,
    history,
    practice_areas,
    requirements,
    versions,
)
from standard_versions.http import converters, converters_comments  # noqa: F401 (registers them)

STANDARD = "standards/<std:std>/"
VERSION = STANDARD + "versions/<label:label>/"
CRITERION = VERSION + "criteria/<code:code>/"
PRACTICE_AREA = VERSION + "practice-areas/<code:code>/"
CRITERION_KEY = STANDARD + "criteria/<key:key>/"
PERIOD = "comment-periods/<period:period_id>/"
COMMENT = "comments/<tracking:tracking_id>/"
WEBHOOK = "webhooks/<int:endpoint_id>/"
EXPORT = "exports/<period:export_id>/"

ROUTES = (
    ("standards/", views.StandardListView, "standard-list"),
    (STANDARD, views.StandardDetailView, "standard-detail"),
    (STANDARD + "versions/", versions.VersionListCreateView, "version-list"),
    (VERSION, versions.VersionDetailAsOfView, "version-detail"),
    (VERSION + "criteria/", criteria.CriterionListEditView, "criterion-list"),
    (CRITERION, criteria.CriterionDetailEditView, "criterion-detail"),
    (VERSION + "translations/", translations.TranslationCoverageView, "version-translations"),
    # Staff authoring, history and point in time (views_authoring/).
    (VERSION + "publish/", versions.VersionPublishView, "version-publish"),
    (VERSION + "withdraw/", versions.VersionWithdrawView, "version-withdraw"),
    (VERSION + "requirements/", requirements.RequirementsView, "version-requirements"),
    (VERSION + "history/", history.VersionHistoryView, "version-history"),
    (VERSION + "practice-areas/", practice_areas.PracticeAreaCreateView, "practice-area-list"),
    (PRACTICE_AREA, practice_areas.PracticeAreaDetailView, "practice-area-detail"),
    (CRITERION + "history/", history.CriterionHistoryView, "criterion-history"),
    (CRITERION_KEY + "timeline/", history.CriterionTimelineView, "criterion-timeline"),
    (STANDARD + "diff/", diff.VersionDiffView, "version-diff"),
    # Comment periods and comments (issue 5).
    ("comment-periods/", periods.CommentPeriodListView, "comment-period-list"),
    (PERIOD, periods.CommentPeriodDetailView, "comment-period-detail"),
    (PERIOD + "extend/", periods.CommentPeriodExtendView, "comment-period-extend"),
    (PERIOD + "close/", periods.CommentPeriodCloseView, "comment-period-close"),
    (PERIOD + "reopen/", periods.CommentPeriodReopenView, "comment-period-reopen"),
    (PERIOD + "comments/", comments.CommentPeriodCommentsView, "comment-period-comments"),
    (PERIOD + "moderation/", moderation.CommentPeriodModerationView, "comment-period-moderation"),
    (PERIOD + "campaigns/", moderation.CommentPeriodCampaignsView, "comment-period-campaigns"),
    (PERIOD + "export/", comments.CommentPeriodExportView, "comment-period-export"),
    (COMMENT, comments.CommentReceiptView, "comment-receipt"),
    (COMMENT + "moderate/", moderation.CommentModerateView, "comment-moderate"),
    (COMMENT + "respond/", moderation.CommentRespondView, "comment-respond"),
    (VERSION + "disposition-report/", report.DispositionReportView, "disposition-report"),
    # Subscriptions (public) and webhook endpoints (staff; issue 15).
    ("subscriptions/", subscriptions.SubscriptionsView, "subscription-create"),
    ("webhooks/", webhooks.WebhookEndpointListView, "webhook-list"),
    (WEBHOOK, webhooks.WebhookEndpointDetailView, "webhook-detail"),
    (WEBHOOK + "deliveries/", webhooks.WebhookDeliveryLogView, "webhook-deliveries"),
    # Search of a version's criteria (issue 16, item 5).
    (VERSION + "search/", search.CriteriaSearchView, "version-criteria-search"),
    # Export jobs (issue 16, item 7).
    (PERIOD + "exports/", exports.CommentPeriodExportJobsView, "comment-period-export-jobs"),
    (EXPORT, exports.ExportJobDetailView, "export-job-detail"),
    (EXPORT + "download/", exports.ExportJobDownloadView, "export-job-download"),
)

urlpatterns = [path(route, view.as_view(), name=name) for route, view, name in ROUTES]
