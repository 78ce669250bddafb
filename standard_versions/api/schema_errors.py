"""The error responses of every operation in the OpenAPI schema, derived from what the operation
does (its method, parameters, body, permissions and throttles) rather than listed by hand.

Every error has the one body ``api/exceptions.py`` renders (the ``Error`` component). A view still
declares what only it knows (its 409 codes, a 403 of its own rule); a status it declares keeps its
description and gets the error body.
"""

from dataclasses import dataclass

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS

# Methods whose views read a request body (DELETE takes its reason from one, or from ?reason=).
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# Query parameters that are never a 400: an unknown language or page size falls back to the
# default; a page past the last one and an unknown `format` are 404s (DRF's own rules).
NEVER_INVALID_QUERY_PARAMETERS = frozenset({"lang", "page", "page_size", "format"})

ERROR_MEDIA_TYPE = "application/json"


@extend_schema_serializer(component_name="Error")
class ErrorOutputSerializer(serializers.Serializer):
    """The body of every error response."""

    code = serializers.CharField(
        help_text="Machine-readable and stable: what went wrong (version_not_found, invalid, "
        "throttled, ...)."
    )
    detail = serializers.CharField(
        help_text="What went wrong, for people, in the negotiated language."
    )
    errors = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        help_text="Only for a request that is not valid: for each field (or non_field_errors), "
        "its messages; for a nested field, the errors of its parts.",
    )


@dataclass(frozen=True)
class OperationFacts:
    """What decides which errors an operation can answer."""

    method: str
    has_path_parameters: bool
    query_parameters: frozenset[str]
    header_parameters: frozenset[str]
    anonymous_allowed: bool
    throttled: bool

    @property
    def has_body(self) -> bool:
        return self.method in BODY_METHODS


RETRY_AFTER = {
    "Retry-After": {
        "schema": {"type": "integer"},
        "description": "Seconds to wait before trying again.",
    }
}

NOT_MODIFIED = "Not Modified: If-None-Match names the current ETag. No body."


def error_statuses(facts: OperationFacts) -> dict[str, str]:
    """The error statuses ``facts`` make possible, each with its description (Markdown)."""
    statuses: dict[str, str] = {}
    if facts.has_body or facts.query_parameters - NEVER_INVALID_QUERY_PARAMETERS:
        statuses["400"] = (
            "The request is not valid: `invalid` with `errors` (the messages of each field), "
            "`parse_error` for a body that is not JSON, or a specific code named in the "
            "operation's description."
        )
    if facts.anonymous_allowed:
        statuses["401"] = (
            "`authentication_failed`: credentials were sent and are not valid (a wrong or "
            "deleted token). This operation needs none."
        )
    else:
        statuses["401"] = (
            "`not_authenticated` (no credentials; `WWW-Authenticate: Token`) or "
            "`authentication_failed` (credentials that are not valid)."
        )
    if not facts.anonymous_allowed:
        statuses["403"] = (
            "`permission_denied`: the user does not hold the role this needs (editors or "
            "publishers), or a session request came without its CSRF token."
        )
    elif facts.method not in SAFE_METHODS:
        statuses["403"] = "`permission_denied`: a session request came without its CSRF token."
    if facts.has_path_parameters or {"page", "format"} & facts.query_parameters:
        statuses["404"] = (
            "Not found: the code says what (`standard_not_found`, `version_not_found`, "
            "`criterion_not_found`, `comment_period_not_found`, ...); `not_found` for a "
            "malformed path, a page past the last one or an unknown `format`."
        )
    statuses["406"] = "`not_acceptable`: the Accept header allows none of the media types served."
    if "If-Match" in facts.header_parameters:
        statuses["412"] = (
            "`precondition_failed`: If-Match names an ETag that is no longer current. "
            "Nothing was changed."
        )
    if facts.has_body:
        statuses["413"] = (
            "`request_too_large`: the body is larger than MAX_REQUEST_BYTES (256 KiB by "
            "default). Nothing was read or stored."
        )
        statuses["415"] = "`unsupported_media_type`: the body is not application/json."
    if facts.throttled:
        statuses["429"] = (
            "`throttled`: too many requests from this client; Retry-After says when to try again."
        )
    statuses["503"] = (
        "`service_unavailable`: the database is briefly unavailable. Nothing was stored; try "
        "again after Retry-After seconds."
    )
    return statuses


def add_error_responses(responses: dict, *, facts: OperationFacts, error_schema: dict) -> None:
    """Give ``responses`` (an operation's, by status string) every error ``facts`` make possible,
    and the error body to every 4xx/5xx the view declared without one; add 304 for conditional
    GETs. Descriptions a view wrote are kept."""
    derived = error_statuses(facts)
    if "If-None-Match" in facts.header_parameters and "304" not in responses:
        responses["304"] = {"description": NOT_MODIFIED}
    for status in sorted(set(derived) | {s for s in responses if s >= "400"}):
        response = responses.setdefault(status, {"description": derived.get(status, "")})
        if not response.get("description"):
            response["description"] = derived.get(status, "")
        response["content"] = {ERROR_MEDIA_TYPE: {"schema": error_schema}}
        if status in ("429", "503"):
            response["headers"] = RETRY_AFTER
