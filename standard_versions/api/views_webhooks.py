"""Staff's webhook endpoints (publishers): list and register them, read, change and delete one,
and read its delivery log. Only here and in the admin is an endpoint's URL or failure shown;
the secret is shown once, in the answer to registering.

Views are thin: they read the clock once (``now``), parse, call one service or selector and
serialize.
"""

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response

from standard_versions.api.permissions_comments import StaffRoleRequired
from standard_versions.api.serializers import webhooks as s
from standard_versions.api.views import ContentAPIView
from standard_versions.api.views_comments_common import error_response, valid_input
from standard_versions.models import DeliveryAttempt, WebhookEndpoint
from standard_versions.notifications import webhook_endpoints as services
from standard_versions.roles import PUBLISHERS

ENDPOINT_ID = OpenApiParameter(
    "endpoint_id", int, location=OpenApiParameter.PATH, description="A webhook endpoint's id."
)
REFUSALS = (
    "`invalid_webhook_url` (not an http or https URL), `description_too_long`, or `invalid` "
    "with `errors` (an unknown event kind among them)."
)
NOT_FOUND = "`webhook_not_found`, or `standard_not_found` for the standard the body names."


class _WebhookView(ContentAPIView):
    permission_classes = [StaffRoleRequired]
    required_role = PUBLISHERS


class WebhookEndpointListView(_WebhookView):
    queryset = WebhookEndpoint.objects.none()  # for the schema generator only
    serializer_class = s.WebhookEndpointOutputSerializer

    @extend_schema(
        summary="List webhook endpoints",
        responses={200: s.WebhookEndpointOutputSerializer(many=True)},
        operation_id="webhooks_list",
    )
    def get(self, request):
        """Staff (publishers): every webhook endpoint, oldest first, with its failures."""
        page = self.paginate_queryset(services.endpoint_list())
        return self.get_paginated_response(self.serializer_class(page, many=True).data)

    @extend_schema(
        summary="Register a webhook endpoint",
        request=s.WebhookEndpointCreateInputSerializer,
        responses={
            201: s.WebhookEndpointCreatedOutputSerializer,
            400: error_response(REFUSALS),
            404: error_response("`standard_not_found`: the standard the body names."),
        },
        examples=[
            OpenApiExample(
                "Periods of one standard",
                request_only=True,
                value={
                    "url": "https://city.example.org/hooks/wwc",
                    "event_kinds": ["period.opened", "period.extended"],
                    "standard": "wwc",
                    "description": "Our consultation calendar",
                },
            )
        ],
        operation_id="webhooks_create",
    )
    def post(self, request):
        """Staff (publishers): register an endpoint; the answer carries its signing secret,
        shown this once (docs/webhooks.md says how a receiver verifies it)."""
        now = timezone.now()
        data = valid_input(s.WebhookEndpointCreateInputSerializer, request.data)
        endpoint = services.register_endpoint(
            url=data["url"],
            event_kinds=data["event_kinds"],
            standard_slug=data["standard"],
            description=data["description"],
            user=request.user,
            now=now,
        )
        body = s.WebhookEndpointCreatedOutputSerializer(endpoint).data
        return Response(body, status=status.HTTP_201_CREATED)


class WebhookEndpointDetailView(_WebhookView):
    serializer_class = s.WebhookEndpointOutputSerializer

    @extend_schema(
        summary="Get a webhook endpoint",
        parameters=[ENDPOINT_ID],
        responses={200: s.WebhookEndpointOutputSerializer},
        operation_id="webhooks_retrieve",
    )
    def get(self, request, endpoint_id):
        """Staff (publishers): one endpoint (never its secret)."""
        endpoint = services.endpoint_get(endpoint_id=endpoint_id)
        return Response(self.serializer_class(endpoint).data)

    @extend_schema(
        summary="Change a webhook endpoint",
        parameters=[ENDPOINT_ID],
        request=s.WebhookEndpointUpdateInputSerializer,
        responses={
            200: s.WebhookEndpointOutputSerializer,
            400: error_response(REFUSALS),
            404: error_response(NOT_FOUND),
        },
        operation_id="webhooks_partial_update",
    )
    def patch(self, request, endpoint_id):
        """Staff (publishers): change the fields given; `active: true` sends to a disabled
        endpoint again (its failures forgotten), `active: false` stops sending."""
        now = timezone.now()
        data = dict(valid_input(s.WebhookEndpointUpdateInputSerializer, request.data))
        endpoint = services.update_endpoint(
            endpoint_id=endpoint_id,
            active=data.pop("active", None),
            standard_slug=data.pop("standard", services.KEEP),
            user=request.user,
            now=now,
            **data,
        )
        return Response(self.serializer_class(endpoint).data)

    @extend_schema(
        summary="Delete a webhook endpoint",
        parameters=[ENDPOINT_ID],
        responses={204: None, 404: error_response("`webhook_not_found`.")},
        operation_id="webhooks_destroy",
    )
    def delete(self, request, endpoint_id):
        """Staff (publishers): delete an endpoint with its deliveries and their log."""
        services.delete_endpoint(endpoint_id=endpoint_id, user=request.user, now=timezone.now())
        return Response(status=status.HTTP_204_NO_CONTENT)


class WebhookDeliveryLogView(_WebhookView):
    queryset = DeliveryAttempt.objects.none()  # for the schema generator only
    serializer_class = s.WebhookAttemptOutputSerializer

    @extend_schema(
        summary="List a webhook endpoint's delivery log",
        parameters=[ENDPOINT_ID],
        responses={
            200: s.WebhookAttemptOutputSerializer(many=True),
            404: error_response("`webhook_not_found`."),
        },
        operation_id="webhooks_deliveries_list",
    )
    def get(self, request, endpoint_id):
        """Staff (publishers): every try of the endpoint's deliveries, newest first, with the
        receiver's status code, the error and how long it took."""
        endpoint = services.endpoint_get(endpoint_id=endpoint_id)
        page = self.paginate_queryset(services.endpoint_log(endpoint=endpoint))
        return self.get_paginated_response(self.serializer_class(page, many=True).data)
