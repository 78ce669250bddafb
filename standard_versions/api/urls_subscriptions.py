"""Routes of subscriptions (issue 15); added by the urls module next to it."""

from django.urls import path

from standard_versions.api import views_subscriptions

urlpatterns = [
    path(
        "subscriptions/",
        views_subscriptions.SubscriptionsView.as_view(),
        name="subscription-create",
    ),
]
