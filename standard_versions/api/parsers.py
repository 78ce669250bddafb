from django.conf import settings
from rest_framework.parsers import JSONParser

from standard_versions.errors import DomainError


class RequestTooLarge(DomainError):
    status_code = 413
    code = "request_too_large"


class LimitedJSONParser(JSONParser):
    """JSON with a byte cap. DRF reads the stream directly, bypassing Django's
    DATA_UPLOAD_MAX_MEMORY_SIZE, so the cap is enforced here before parsing."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        if declared and declared.isdigit() and int(declared) > limit:
            raise RequestTooLarge(f"The request body is larger than {limit} bytes.")
        body = stream.read(limit + 1) if stream is not None else b""
        if len(body) > limit:
            raise RequestTooLarge(f"The request body is larger than {limit} bytes.")
        from io import BytesIO

        return super().parse(BytesIO(body), media_type, parser_context)
