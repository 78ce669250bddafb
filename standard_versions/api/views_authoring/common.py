"""What the authoring views share: their schema parameters, and what a write takes from its
request (the parsed body, who, why, when and the ``If-Match`` precondition)."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response

from standard_versions.api.operations import operation
from standard_versions.api.serializers import authoring as authoring_serializers
from standard_versions.api.views import IF_NONE_MATCH_PARAMETER, LANG_PARAMETER
from standard_versions.http.language import content_for
from standard_versions.models import Version
from standard_versions.standards import selectors, selectors_history
from standard_versions.standards.preconditions import Precondition

AS_OF_PARAMETER = OpenApiParameter(
    "as_of",
    # Both forms, so clients (and the schema fuzzer) know a date alone is an instant too.
    {"oneOf": [{"type": "string", "format": "date-time"}, {"type": "string", "format": "date"}]},
    description="ISO 8601 instant (e.g. 2026-04-14T12:00:00Z; a date alone is its start in UTC): "
    "the text as stored at that moment. Before the object existed: 404 not_found_at_time; "
    "malformed: 400 invalid_as_of.",
)
IF_MATCH_PARAMETER = OpenApiParameter(
    "If-Match",
    str,
    location=OpenApiParameter.HEADER,
    description="ETag from a GET; a stale one is refused with 412 precondition_failed.",
)
REASON_PARAMETER = OpenApiParameter(
    "reason", str, description="Why (instead of a JSON body with reason)."
)


def conflicts(*codes: str) -> dict:
    """The 409 of an authoring write, naming its codes (the other errors are derived, see
    api/schema_errors.py). Every write refuses a version that is no longer a draft."""
    names = ", ".join(f"`{code}`" for code in ("version_not_editable", *codes))
    return {409: OpenApiResponse(description=f"Conflict with the version's state: {names}.")}


def as_of_schema(operation_id: str, summary: str, **more):
    """The schema of a read that takes ``?as_of=`` (without it, the read view's, which answers
    If-None-Match with 304)."""
    parameters = [LANG_PARAMETER, AS_OF_PARAMETER, IF_NONE_MATCH_PARAMETER]
    return extend_schema(operation_id=operation_id, summary=summary, parameters=parameters, **more)


def write_schema(operation_id: str, summary: str, request, body, *conflict_codes, **more):
    """The schema of a write to a draft: ``request`` in, ``body`` out (with ``status``, 200 by
    default), the If-Match header before any other ``parameters``, and the 409 of
    ``conflict_codes`` (``conflicts``)."""
    more["parameters"] = [IF_MATCH_PARAMETER, *more.get("parameters", ())]
    refusals = conflicts(*conflict_codes)
    return operation(operation_id, summary, body, refusals=refusals, request=request, **more)


def precondition(request) -> Precondition | None:
    return Precondition.from_if_match(request.META.get("HTTP_IF_MATCH"))


def edit_arguments(request, *, reason: str) -> dict:
    """The arguments every authoring service takes from the request: who, why, when, and the
    If-Match precondition. Time is read here, once."""
    return {
        "user": request.user,
        "reason": reason,
        "now": timezone.now(),
        "precondition": precondition(request),
    }


def parse_body(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def parse_write(serializer_class, request, *, std: str, label: str) -> tuple[Version, dict]:
    """The body of a write to the draft ``std``/``label`` (400 if it is not valid), then that
    version (404 if there is none)."""
    data = parse_body(serializer_class, request)
    return selectors.version_get(standard_slug=std, label=label), data


def change_draft(change, request, *, version: Version, data: dict, **keywords):
    """What ``change`` (an authoring service) returns, called on ``version`` with the fields of
    the parsed body ``data`` (its ``reason`` the change's), ``keywords`` and the request's
    ``edit_arguments``."""
    reason = data.pop("reason", "")
    return change(version=version, **edit_arguments(request, reason=reason), **keywords, **data)


def remove_from_draft(request, *, std: str, label: str, code: str, remove) -> Response:
    """A DELETE: ``remove`` (a service) the object ``code`` from the draft, with the reason of
    the body or of ``?reason=``; 204."""
    version, data = parse_write(
        authoring_serializers.ChangeReasonInputSerializer, request, std=std, label=label
    )
    reason = data.get("reason")
    if not reason and "reason" in request.query_params:
        # Checked as the body's is (a NUL character, for one, is refused with a 400, not stored).
        query = authoring_serializers.ChangeReasonInputSerializer(
            data={"reason": request.query_params["reason"]}
        )
        query.is_valid(raise_exception=True)
        reason = query.validated_data.get("reason", "")
    remove(version=version, code=code, **edit_arguments(request, reason=reason or ""))
    return Response(status=status.HTTP_204_NO_CONTENT)


def as_of_context(view, *, versions, as_of) -> dict:
    """The serializer context of a read as of ``as_of``: the texts of ``versions`` in the
    reader's language as they were stored then."""
    content = content_for(view.request, versions=versions, as_of=as_of)
    return view.serializer_context(content=content)


def as_of_instant(request):
    """The ``?as_of=`` instant, or None without one (400 ``invalid_as_of`` if malformed)."""
    text = request.query_params.get("as_of")
    return None if text is None else selectors_history.parse_as_of(text)
