"""How a view declares its operation in the schema: what only it knows (the operation's id, its
summary, the body of its success and the refusals of its own rules), said once per operation.
Everything else is derived from the view (``schema``, ``schema_errors``)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema

from standard_versions.api.renderers_xlsx import XLSX_MEDIA_TYPE

# What a download is in each format: its media type in the schema, and its body's type.
DOWNLOADS = {
    "csv": ("text/csv", OpenApiTypes.STR),
    "jsonl": ("application/jsonl", OpenApiTypes.STR),
    "xlsx": (XLSX_MEDIA_TYPE, OpenApiTypes.BINARY),
}


def error_response(description: str) -> OpenApiResponse:
    """An error response of one view: the body is the shared Error (api/schema_errors.py)."""
    return OpenApiResponse(description=description)


def download_responses(*formats: str) -> dict:
    """The 200s of a download in each of ``formats`` (``DOWNLOADS``), by media type."""
    return {(200, DOWNLOADS[name][0]): DOWNLOADS[name][1] for name in formats}


def operation(operation_id: str, summary: str, body, *, status: int = 200, refusals=None, **more):
    """The schema of an operation whose success is ``status`` with ``body`` (a serializer, or None
    for no body), plus ``refusals`` (status: ``error_response``) and any other ``extend_schema``
    argument (``request``, ``parameters``, ``examples``...)."""
    responses = {status: body, **(refusals or {})}
    return extend_schema(operation_id=operation_id, summary=summary, responses=responses, **more)


def list_operation(operation_id: str, summary: str, serializer, **more):
    """The schema of a GET of a paginated list of ``serializer`` (see ``operation``)."""
    return operation(operation_id, summary, serializer(many=True), **more)
