"""Routes of webhooks (issue 15); added by the urls module next to it."""

from django.urls import path

from standard_versions.api import views_webhooks

urlpatterns = [
    path("webhooks/", views_webhooks.WebhookEndpointListView.as_view(), name="webhook-list"),
    path(
        "webhooks/<int:endpoint_id>/",
        views_webhooks.WebhookEndpointDetailView.as_view(),
        name="webhook-detail",
    ),
    path(
        "webhooks/<int:endpoint_id>/deliveries/",
        views_webhooks.WebhookDeliveryLogView.as_view(),
        name="webhook-deliveries",
    ),
]
