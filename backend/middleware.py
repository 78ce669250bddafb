"""Refusals made before anything reads the request body."""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from standard_versions.translations.i18n import DJANGO_LANGUAGE, request_language
from standard_versions.web.errors import request_error_page


class RequestBodyLimitMiddleware:
    """Caps every request body, multipart included, at ``DATA_UPLOAD_MAX_MEMORY_SIZE`` bytes
    (``MAX_REQUEST_BYTES``) before any byte is read: a larger ``Content-Length`` is 413
    ``request_too_large`` at once. Django's own cap leaves out file uploads and applies only once
    a form is parsed, so a 200 MB upload to a page was read in full before being refused.

    A body sent without ``Content-Length`` (``Transfer-Encoding: chunked``) is read by
    ``backend.wsgi`` when the server de-chunks it (gunicorn says so with ``wsgi.input_terminated``)
    and arrives here with its length; where the server cannot, it is 411 ``length_required``
    rather than read as empty. First in ``MIDDLEWARE`` after ``SecurityMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        declared = request.META.get("CONTENT_LENGTH") or ""
        if declared.strip().isdigit() and int(declared) > limit:
            return _refuse(
                request,
                status=413,
                code="request_too_large",
                title=_("Too much to send"),
                message=_("The request body is larger than %(limit)s bytes."),
                params={"limit": limit},
            )
        if request.META.get("HTTP_TRANSFER_ENCODING") and not declared.strip():
            return _refuse(
                request,
                status=411,
                code="length_required",
                title=_("Length required"),
                message=_(
                    "This server reads a request body only with a Content-Length header; "
                    "send the body again without Transfer-Encoding: chunked."
                ),
            )
        return self.get_response(request)


def _refuse(request, *, status: int, code: str, title, message, params: dict | None = None):
    if request.path.startswith("/api/"):
        language = request_language(request)
        with translation.override(DJANGO_LANGUAGE[language]):
            detail = str(message) % params if params else str(message)
        response = JsonResponse({"code": code, "detail": detail}, status=status)
        response["Content-Language"] = language
    else:
        response = request_error_page(
            request, status=status, title=title, message=message, params=params
        )
    # The body was not read: the connection cannot carry another request after it.
    response["Connection"] = "close"
    return response
