"""Versions: create a draft from a version, read a version as of an instant, change a draft's
details, publish and withdraw."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.reverse import reverse

from standard_versions.api import views
from standard_versions.api.serializers import authoring as authoring_serializers
from standard_versions.api.views_authoring.common import (
    as_of_context,
    as_of_instant,
    as_of_schema,
    change_draft,
    edit_arguments,
    parse_body,
    parse_write,
    write_schema,
)
from standard_versions.errors import InvalidInput, NotFound
from standard_versions.http.caching import version_etag
from standard_versions.http.language import content_for, response_language
from standard_versions.roles import PUBLISHERS
from standard_versions.standards import drafts as draft_services
from standard_versions.standards import selectors, selectors_history


def _version_response(view, request, version, *, status_code=status.HTTP_200_OK):
    context = view.serializer_context(content=content_for(request, versions=[version]))
    data = authoring_serializers.VersionAuthoringOutputSerializer(version, context=context).data
    response = Response(data, status=status_code)
    response["ETag"] = version_etag(version, language=response_language(request), variant="-tree")
    return response


class VersionListCreateView(views.VersionListView):
    @extend_schema(
        summary="Create a draft from a version",
        operation_id="versions_create",
        request=authoring_serializers.VersionCreateInputSerializer,
        responses={
            201: authoring_serializers.VersionAuthoringOutputSerializer,
            400: OpenApiResponse(
                description="`based_on_not_found`, `invalid_label`, `reason_too_long`, or "
                "`invalid` with `errors`."
            ),
            409: OpenApiResponse(description="`version_label_taken`: the label is in use."),
        },
        examples=[
            OpenApiExample(
                "A draft of 3.1 from 3.0",
                request_only=True,
                value={
                    "label": "3.1",
                    "title": "WWC Standard, Version 3.1",
                    "based_on": "3.0",
                    "reason": "Start of the 2027 revision",
                },
            )
        ],
    )
    def post(self, request, std):
        """Staff (editors): a new draft holding a copy of `based_on`'s practice areas, criteria,
        requirements and translations, keys kept."""
        data = parse_body(authoring_serializers.VersionCreateInputSerializer, request)
        try:
            based_on = selectors.version_get(standard_slug=std, label=data["based_on"])
        except NotFound as error:
            if error.code != "version_not_found":
                raise
            raise InvalidInput(error.detail, code="based_on_not_found") from None
        draft = draft_services.create_draft(
            based_on=based_on,
            label=data["label"],
            title=data["title"],
            user=request.user,
            reason=data.get("reason")
            or f"Draft {data['label']} created from {based_on.label}"[:100],
            now=timezone.now(),
        )
        response = _version_response(self, request, draft, status_code=status.HTTP_201_CREATED)
        response["Location"] = reverse("version-detail", args=[std, draft.label], request=request)
        return response


class VersionDetailAsOfView(views.VersionDetailView):
    @as_of_schema("versions_retrieve", "Get a whole version")
    def get(self, request, std, label):
        """The whole version: practice areas with their criteria, and the requirements. With
        `as_of`, the version as it was stored at that instant. Answers `If-None-Match` with 304."""
        as_of = as_of_instant(request)
        if as_of is None:
            return super().get(request, std, label)
        version = selectors.version_get(standard_slug=std, label=label)
        tree = selectors_history.version_tree_as_of(version=version, as_of=as_of)
        context = as_of_context(self, versions=[tree], as_of=as_of)
        return Response(self.serializer_class(tree, context=context).data)

    @write_schema(
        "versions_partial_update",
        "Change a draft's details",
        authoring_serializers.VersionUpdateInputSerializer,
        authoring_serializers.VersionAuthoringOutputSerializer,
    )
    def patch(self, request, std, label):
        """Staff (editors): change a draft's title, provenance note or effective date (`null` clears
        it), with a reason; `If-Match` guards against lost updates."""
        version, data = parse_write(
            authoring_serializers.VersionUpdateInputSerializer, request, std=std, label=label
        )
        version = draft_services.update_version(
            version=version,
            **edit_arguments(request, reason=data.pop("reason", "")),
            title=data.get("title"),
            provenance=data.get("provenance"),
            effective_from=data.get("effective_from", draft_services.KEEP),
        )
        return _version_response(self, request, version)


class _PublisherWriteView(views.ContentAPIView):
    # Publishing and withdrawing are for publishers (api/permissions.py reads the role).
    required_role = PUBLISHERS
    serializer_class = authoring_serializers.VersionAuthoringOutputSerializer


class VersionPublishView(_PublisherWriteView):
    @write_schema(
        "versions_publish",
        "Publish a draft",
        authoring_serializers.VersionPublishInputSerializer,
        authoring_serializers.VersionAuthoringOutputSerializer,
        "version_has_no_criteria",
        "comment_period_open",
        examples=[
            OpenApiExample(
                "Publish, closing the open comment period",
                request_only=True,
                value={
                    "effective_from": "2027-01-01",
                    "close_open_period": True,
                    "reason": "Approved by the board; the consultation ends with publication",
                },
            )
        ],
    )
    def post(self, request, std, label):
        """Staff (publishers): publish a draft; the version published until now is superseded.
        A draft with a scheduled or open comment period is refused (409 comment_period_open)
        unless `close_open_period` is true and a `reason` is given."""
        version, data = parse_write(
            authoring_serializers.VersionPublishInputSerializer, request, std=std, label=label
        )
        closing = data["close_open_period"]
        # Closing a period is said publicly: its reason is never made up here.
        default_reason = "" if closing else f"Version {label} published"
        version = draft_services.publish_version(
            version=version,
            **edit_arguments(request, reason=data.get("reason") or default_reason),
            effective_from=data.get("effective_from"),
            close_open_period=closing,
        )
        return _version_response(self, request, version)


class VersionWithdrawView(_PublisherWriteView):
    @write_schema(
        "versions_withdraw",
        "Withdraw a draft",
        authoring_serializers.VersionWithdrawInputSerializer,
        authoring_serializers.VersionAuthoringOutputSerializer,
        "comment_period_open",
    )
    def post(self, request, std, label):
        """Staff (publishers): withdraw a draft. A draft with a scheduled or open comment period
        is refused (409 comment_period_open) unless `close_open_period` is true (with the
        `reason`)."""
        version, data = parse_write(
            authoring_serializers.VersionWithdrawInputSerializer, request, std=std, label=label
        )
        version = change_draft(draft_services.withdraw_draft, request, version=version, data=data)
        return _version_response(self, request, version)
