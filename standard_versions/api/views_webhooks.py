"""Staff's webhook endpoints (publishers): list and register them, read, change and delete one,
and read its delivery log. Only here and in the admin is an endpoint's URL or failure shown;
the secret is shown once, in the answer to registering.

Views are thin: they read the clock once (``now``), parse, call one service or selector and
serialize.
"""

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, OpenApiParameter
from rest_framework import status
from rest_framework.response import Response

from standard_versions.api.operations import error_response, list_operation, operation
from standard_versions.api.permissions_comments import StaffRoleRequired
from standard_versions.api.serializers import webhooks as s
from standard_versions.api.views import ContentAPIView
from standard_versions.api.views_comments_common import valid_input
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

    @list_operation("webhooks_list", "List webhook endpoints", serializer_class)
    def get(self, request):
        """Staff (publishers): every webhook endpoint, oldest first, with its failures."""
        return self.list_response(services.endpoint_list())

    @operation(
        "webhooks_create",
        "Register a webhook endpoint",
        s.WebhookEndpointCreatedOutputSerializer,
        status=201,
        refusals={
            400: error_response(REFUSALS),
            404: error_response("`standard_not_found`: the standard the body names."),
        },
        request=s.WebhookEndpointCreateInputSerializer,
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

    @operation(
        "webhooks_retrieve", "Get a webhook endpoint", serializer_class, parameters=[ENDPOINT_ID]
    )
    def get(self, request, endpoint_id):
        """Staff (publishers): one endpoint (never its secret)."""
        endpoint = services.endpoint_get(endpoint_id=endpoint_id)
        return Response(self.serializer_class(endpoint).data)

    @operation(
        "webhooks_partial_update",
        "Change a webhook endpoint",
        serializer_class,
        refusals={400: error_response(REFUSALS), 404: error_response(NOT_FOUND)},
        parameters=[ENDPOINT_ID],
        request=s.WebhookEndpointUpdateInputSerializer,
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

    @operation(
        "webhooks_destroy",
        "Delete a webhook endpoint",
        None,
        status=204,
        refusals={404: error_response("`webhook_not_found`.")},
        parameters=[ENDPOINT_ID],
    )
    def delete(self, request, endpoint_id):
        """Staff (publishers): delete an endpoint with its deliveries and their log."""
        services.delete_endpoint(endpoint_id=endpoint_id, user=request.user, now=timezone.now())
        return Response(status=status.HTTP_204_NO_CONTENT)


class WebhookDeliveryLogView(_WebhookView):
    queryset = DeliveryAttempt.objects.none()  # for the schema generator only
    serializer_class = s.WebhookAttemptOutputSerializer

    @list_operation(
        "webhooks_deliveries_list",
        "List a webhook endpoint's delivery log",
        serializer_class,
        refusals={404: error_response("`webhook_not_found`.")},
        parameters=[ENDPOINT_ID],
    )
    def get(self, request, endpoint_id):
        """Staff (publishers): every try of the endpoint's deliveries, newest first, with the
        receiver's status code, the error and how long it took."""
        endpoint = services.endpoint_get(endpoint_id=endpoint_id)
        return self.list_response(services.endpoint_log(endpoint=endpoint))
