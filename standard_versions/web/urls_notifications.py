"""Routes of notifications (issue 15): subscribing by email, confirming, unsubscribing."""

from django.urls import path

from standard_versions.web import views_notifications

urlpatterns = [
    path("subscribe/", views_notifications.subscribe, name="subscribe"),
    path("subscribe/sent/", views_notifications.subscribe_sent, name="subscribe-sent"),
    path(
        "subscriptions/confirm/<str:token>/",
        views_notifications.confirm,
        name="subscription-confirm",
    ),
    # Before the one-subscription route: "all" must never be read as a token.
    path(
        "unsubscribe/all/<str:token>/",
        views_notifications.unsubscribe_all,
        name="unsubscribe-all",
    ),
    path("unsubscribe/<str:token>/", views_notifications.unsubscribe, name="unsubscribe"),
]
