"""Refusals made before anything reads the request body."""

import math
import random
import time

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


# Never shed: a load balancer that saw 503s here would take the host out just when it is busy.
PROBES = frozenset({"/healthz", "/readyz"})


def queue_seconds(header: str | None, *, now: float) -> float | None:
    """How long a request waited between the proxy and a worker, from the proxy's
    ``X-Request-Start: t=<seconds since the epoch>`` (nginx's ``$msec``); None without one."""
    if not header or not header.startswith("t="):
        return None
    try:
        started = float(header[2:])
    except ValueError:
        return None
    return now - started if math.isfinite(started) else None


class LoadSheddingMiddleware:
    """Answers 503 ``overloaded`` with ``Retry-After`` (1 to 3 seconds, spread so retries do not
    return together) to a request that waited longer than ``SHED_AFTER_MS`` between the proxy and
    a worker, before any other work is done for it.

    In a surge at many times capacity, requests queue in gunicorn's backlog; served in turn, each
    would wait longer than the one before until clients time out and send again, and a worker
    would spend its time on answers nobody reads. Refused at once, late requests cost a worker
    microseconds, the queue drains, and the ones served stay fast: every request is answered
    within about ``SHED_AFTER_MS`` plus its own time, with a 201 or a 503 saying when to try again
    (a retry with the same Idempotency-Key stores one comment). The wait is read from the header
    the production proxy sets (deploy/nginx.conf, which replaces any a client sends), so with no
    proxy (``make run``, the tests) nothing is shed. First in ``MIDDLEWARE``."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.limit = settings.SHED_AFTER_MS / 1000

    def __call__(self, request):
        if self.limit:
            waited = queue_seconds(request.META.get("HTTP_X_REQUEST_START"), now=time.time())
            if waited is not None and waited > self.limit and request.path not in PROBES:
                response = _refuse(
                    request,
                    status=503,
                    code="overloaded",
                    title=_("Busy"),
                    message=_(
                        "The service is busy: nothing was stored. Send the same request again "
                        "in a few seconds (with the same Idempotency-Key, it is stored once)."
                    ),
                    close_connection=False,
                )
                response["Retry-After"] = str(random.randint(1, 3))
                # Django logs every 5xx as an error (django.utils.log.log_response); a surge
                # would write thousands of lines a second. One sheds on purpose: not an error.
                response._has_been_logged = True
                return response
        return self.get_response(request)


def _refuse(
    request,
    *,
    status: int,
    code: str,
    title,
    message,
    params: dict | None = None,
    close_connection: bool = True,
):
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
    if close_connection:
        # The body was not read: the connection cannot carry another request after it.
        response["Connection"] = "close"
    return response
