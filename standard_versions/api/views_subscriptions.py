"""Subscriptions by email: anyone may ask for one (throttled); it is confirmed by the link of
the mail it sends (double opt-in), and left by the link in every mail (the site's pages)."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample
from rest_framework import status
from rest_framework.response import Response

from standard_versions.api.operations import error_response, operation
from standard_versions.api.serializers import subscriptions as s
from standard_versions.api.views import ContentAPIView
from standard_versions.api.views_comments_common import valid_input
from standard_versions.consultation import tracking_ids
from standard_versions.http.throttling import SubscriptionRequestThrottle
from standard_versions.models import Subscription
from standard_versions.notifications import subscriptions


class SubscriptionsView(ContentAPIView):
    queryset = Subscription.objects.none()  # for the schema generator only
    allow_anonymous_writes = True
    serializer_class = s.SubscriptionRequestOutputSerializer
    throttle_classes = [SubscriptionRequestThrottle]

    @operation(
        "subscriptions_create",
        "Ask for an email subscription",
        serializer_class,
        status=202,
        refusals={
            400: error_response(
                "`invalid` with `errors`, `invalid_email`, `invalid_frequency` or "
                "`invalid_language`. Nothing was stored."
            ),
            403: error_response("`permission_denied`: a session request without its CSRF token."),
            404: error_response(
                "`standard_not_found`, `criterion_not_found` (no version of the standard has "
                "that key) or `comment_not_found`."
            ),
            429: error_response("`throttled`: too many requests from this client."),
        },
        request=s.SubscriptionRequestInputSerializer,
        examples=[
            OpenApiExample(
                "Follow criterion DM7 by its key, once a day",
                request_only=True,
                value={
                    "email": "ana@example.org",
                    "standard": "wwc",
                    "criterion": "dm-inventory",
                    "frequency": "daily",
                    "language": "es",
                },
            )
        ],
    )
    def post(self, request):
        """Ask for mail about a standard (periods, versions, disposition reports), one of its
        criteria by permanent key (text changes in drafts, responses) or one comment by its
        tracking id (its response). Answers 202: a confirmation mail is sent, and nothing else
        until its link is followed. The address is never echoed."""
        data = valid_input(s.SubscriptionRequestInputSerializer, request.data)
        subscription = subscriptions.subscribe(
            email=data["email"],
            standard_slug=data["standard"],
            criterion_key=data["criterion"] or None,
            tracking_id=tracking_ids.canonical(data["comment"]) or None,
            frequency=data["frequency"],
            language=data["language"],
            now=timezone.now(),
        )
        # What was asked, never what is stored: the answer must not tell whether the address
        # already had this subscription.
        body = {
            "status": "confirmation_sent",
            "scope": subscription.scope,
            "frequency": data["frequency"],
            "language": data["language"],
        }
        return Response(
            s.SubscriptionRequestOutputSerializer(body).data, status=status.HTTP_202_ACCEPTED
        )
