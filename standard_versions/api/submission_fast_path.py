"""The comment POST's fast path: the common submission, answered without DRF's request machinery.

A deadline's load is almost all one request: an anonymous client POSTing a valid JSON comment.
DRF's request wrapper, authentication, negotiation, parsers and serializers were over a third of
that request's CPU (issue 16, docs/benchmarks.md). This module answers that request itself and
hands every other request, unchanged, to the DRF view (``CommentPeriodCommentsView``), so the API
has one behaviour and the fast path is only a shortcut through it.

The contract, which ``tests/comments/test_the_submission_fast_path_answers_as_drf_does.py``
holds it to:

- **It takes only requests DRF would treat as it does** (``_plain_request``): POST, no query
  string, ``Content-Type: application/json``, an ``Accept`` that DRF would answer with JSON, no
  ``Authorization`` header and no session cookie (so DRF would authenticate nobody and check no
  CSRF token), a declared body within ``DATA_UPLOAD_MAX_MEMORY_SIZE``, a well-formed
  ``Idempotency-Key`` or none.
- **It takes only input the serializer would take unchanged** (``plain_submission``): a JSON
  object (parsed as ``LimitedJSONParser`` parses) whose fields are strings already clean (no
  surrounding whitespace where the serializer trims, within its lengths, no NUL or surrogate),
  a known ``type``, a language tag, a real boolean, a valid address. For anything else it returns
  None and DRF answers, with its own messages. Every check here is stricter than or equal to the
  serializer's, never looser: a test generates inputs and checks that whatever this accepts, the
  serializer accepts as the same submission.
- **Then it does what the DRF view does, in the same order from there:** the same throttle
  (counted once per request either way), the clock read once, the one service call, the answer
  body the output serializer would give (``submitted_body``), refusals through the API's
  exception handler, and the headers ``finalize_response`` adds (``Allow``, ``Vary``,
  ``Content-Language``).
"""

import functools
import json
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpResponse
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from rest_framework import serializers
from rest_framework.exceptions import Throttled
from rest_framework.renderers import JSONRenderer

from standard_versions.api.exceptions import exception_handler
from standard_versions.api.parsers import refuse_constant
from standard_versions.consultation import comment_limits as limits
from standard_versions.consultation import comments as comment_services
from standard_versions.consultation.answer_keys import answer_key_for
from standard_versions.consultation.comments import CommentSubmission
from standard_versions.http.language import response_language
from standard_versions.http.throttling import CommentSubmissionThrottle
from standard_versions.models import Comment, CommentType

_JSON_ACCEPTS = frozenset({None, "*/*", "application/json"})
_TYPES = frozenset(CommentType.values)
_LANGUAGE_TAG = re.compile(limits.LANGUAGE_TAG_PATTERN)
# What DRF's ProhibitSurrogateCharactersValidator refuses (JSON can carry lone ones: "\ud800").
_SURROGATE = re.compile("[\ud800-\udfff]")
# The output serializer's own field for the timestamp: the same timezone and format.
_DATETIME = serializers.DateTimeField()
_RENDERER = JSONRenderer()

# Optional string fields: (longest, whether the serializer trims it), as the input serializer
# declares them (``CommentSubmitInputSerializer``). The body is required and never trimmed.
_TEXT_FIELDS = {
    "proposed_text": (limits.TEXT_INPUT_MAX_CHARS, False),
    "name": (limits.NAME_MAX_CHARS, True),
    "organization": (limits.ORGANIZATION_MAX_CHARS, True),
}


def answer(view, request, period_id: int) -> HttpResponse | None:
    """The answer to ``request`` (a Django request), or None: the DRF view must answer it."""
    if not _plain_request(request):
        return None
    key = request.headers.get("Idempotency-Key")
    if key is not None and not valid_idempotency_key(key):
        return None
    try:
        data = _parsed(request.body)
    except ValueError:
        return None
    submission = plain_submission(data, period_id=period_id)
    if submission is None:
        return None
    throttle = CommentSubmissionThrottle()
    context = {"view": view, "args": (), "kwargs": {"period_id": period_id}, "request": request}
    if not throttle.allow_request(request, view):
        return _refusal(view, request, Throttled(throttle.wait()), context)
    now = timezone.now()
    try:
        result = comment_services.submit(submission=submission, idempotency_key=key, now=now)
    except Exception as error:  # what the exception handler answers; anything else is raised
        return _refusal(view, request, error, context)
    body = submitted_body(result.comment, request)
    response = _json_response(view, request, body, status=201)
    response["Location"] = body["receipt_url"]
    if result.replayed:
        response["Idempotent-Replayed"] = "true"
    return response


def valid_idempotency_key(key: str) -> bool:
    """1 to 255 printable ASCII characters (the API's rule for the header)."""
    return 1 <= len(key) <= 255 and all(" " <= char <= "~" for char in key)


def plain_submission(data, *, period_id: int) -> CommentSubmission | None:
    """``data`` (parsed JSON) as a submission, if the input serializer would take it unchanged;
    else None."""
    if not isinstance(data, dict):
        return None
    body = data.get("body")
    if not _clean(body, longest=limits.TEXT_INPUT_MAX_CHARS, trimmed=False):
        return None
    criterion = data.get("criterion")
    if criterion is not None and not _clean(
        criterion, longest=limits.CRITERION_CODE_MAX_CHARS, trimmed=True
    ):
        return None
    texts = {}
    for name, (longest, trimmed) in _TEXT_FIELDS.items():
        value = data.get(name, "")
        if not _clean(value, longest=longest, trimmed=trimmed):
            return None
        texts[name] = value
    kind = data.get("type", CommentType.GENERAL)
    language = data.get("language", "en")
    identity_public = data.get("identity_public", False)
    email = data.get("email", "")
    if (
        not isinstance(kind, str)
        or kind not in _TYPES
        or not _clean(language, longest=limits.LANGUAGE_TAG_MAX_CHARS, trimmed=True)
        or not _LANGUAGE_TAG.search(language)
        or not isinstance(identity_public, bool)
        or not _valid_email(email)
    ):
        return None
    return CommentSubmission(
        period_id=period_id,
        body=body,
        criterion_code=criterion or "",
        type=kind,
        language=language,
        identity_public=identity_public,
        email=email,
        **texts,
    )


# A tracking id's shape (``new_tracking_id``: lowercase base32), which ``reverse`` would put in
# the paths unquoted.
_TRACKING_ID = "trackingidplaceholderaaaaa"


@functools.lru_cache(maxsize=8)
def _receipt_paths(script_prefix: str) -> tuple[str, str]:
    """The API's and the web's receipt paths for ``_TRACKING_ID`` under ``script_prefix`` (the
    argument only keys the cache: ``reverse`` reads the prefix itself), reversed once instead of
    twice per submission."""
    return (
        reverse("comment-receipt", args=[_TRACKING_ID]),
        reverse("web:comment-receipt", args=[_TRACKING_ID]),
    )


def submitted_body(comment: Comment, request) -> dict:
    """The 201's body, as ``CommentSubmittedOutputSerializer`` gives it, field for field and in
    its order."""
    key = answer_key_for(comment.tracking_id)
    api_receipt, web_receipt = _receipt_paths(get_script_prefix())
    receipt_path = web_receipt.replace(_TRACKING_ID, comment.tracking_id)
    return {
        "tracking_id": str(comment.tracking_id),
        "status": str(comment.moderation_state),
        "submitted_at": _DATETIME.to_representation(comment.submitted_at),
        "content_sha256": str(comment.content_sha256),
        "period": int(comment.period_id),
        "criterion": comment.criterion_code or None,
        "receipt_url": request.build_absolute_uri(
            api_receipt.replace(_TRACKING_ID, comment.tracking_id)
        ),
        "answer_key": key,
        "answer_url": request.build_absolute_uri(f"{receipt_path}?{urlencode({'key': key})}"),
    }


def _plain_request(request) -> bool:
    meta = request.META
    length = meta.get("CONTENT_LENGTH") or ""
    return (
        meta.get("CONTENT_TYPE") == "application/json"
        and not meta.get("QUERY_STRING")
        and meta.get("HTTP_ACCEPT") in _JSON_ACCEPTS
        and "HTTP_AUTHORIZATION" not in meta
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and length.isdigit()
        and int(length) <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    )


def _parsed(body: bytes):
    """The body as ``LimitedJSONParser`` parses it: UTF-8, no NaN or Infinity; ValueError else
    (and on nesting too deep, which the parser refuses too)."""
    try:
        return json.loads(body.decode("utf-8"), parse_constant=refuse_constant)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _clean(value, *, longest: int, trimmed: bool) -> bool:
    """A string the serializer's field takes as it is: within its length; no NUL or surrogate
    (DRF's validators refuse them); no surrounding whitespace if the field trims it."""
    return (
        isinstance(value, str)
        and len(value) <= longest
        and "\x00" not in value
        and not (trimmed and value != value.strip())
        and (value.isascii() or _SURROGATE.search(value) is None)
    )


def _valid_email(value) -> bool:
    if value == "":
        return True
    if not _clean(value, longest=limits.EMAIL_MAX_CHARS, trimmed=True):
        return False
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def _refusal(view, request, error: Exception, context: dict) -> HttpResponse:
    response = exception_handler(error, context)
    if response is None:
        raise error
    refused = _json_response(view, request, response.data, status=response.status_code)
    for name, value in response.items():
        if name.lower() != "content-type":  # DRF's unrendered default; the JSON's stays
            refused[name] = value
    return refused


def _json_response(view, request, data, *, status: int) -> HttpResponse:
    """``data`` as DRF renders it, with the headers the DRF view's ``finalize_response`` adds."""
    response = HttpResponse(
        _RENDERER.render(data, JSONRenderer.media_type),
        status=status,
        content_type="application/json",
    )
    for name, value in view.default_response_headers.items():
        response[name] = value
    response["Content-Language"] = response_language(request)
    patch_vary_headers(response, ("Accept", "Accept-Language"))
    return response
