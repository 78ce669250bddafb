"""What the comment views share: the description of an error response in the schema, and input
validated by a serializer or refused with its errors (400 ``invalid``)."""

from drf_spectacular.utils import OpenApiResponse


def error_response(description: str) -> OpenApiResponse:
    """An error response of one view: the body is the shared Error (api/schema_errors.py)."""
    return OpenApiResponse(description=description)


def valid_input(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
