"""The consultation pages: a comment period with a form per criterion, the receipt, the look-up.

Submitting goes through the same service as the API (``consultation.comments.submit``) and the
same throttle; the form (``forms_consultation``) reads each field as the API's input serializer
does, so the rules and messages are the same; in place of an
Idempotency-Key, a key derived from the browser and the text (``web/resubmission.py``) gives the
same text sent again from the same form the first comment's receipt. The flow is
POST-redirect-GET: a stored comment answers 303 to its receipt, so reloading the receipt never
sends the comment again.
"""

import time

from django.core.cache import cache
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation import (
    comment_limits,
    selectors_answers,
    selectors_comments,
    tracking_ids,
)
from standard_versions.consultation import comments as comment_services
from standard_versions.consultation import selectors as selectors_consultation
from standard_versions.consultation.answer_keys import answer_key_for
from standard_versions.errors import Forbidden, InvalidInput
from standard_versions.http.body_memo import published_bodies
from standard_versions.http.caching import BODY_CACHE_SECONDS
from standard_versions.http.language import content_for
from standard_versions.http.throttling import CommentSubmissionThrottle
from standard_versions.models import CommentPeriod
from standard_versions.translations.i18n import format_number
from standard_versions.web import presenters_answers, presenters_receipt
from standard_versions.web import presenters_consultation as presenters
from standard_versions.web.caching import CACHEABLE_QUERY_KEYS
from standard_versions.web.caching_consultation import (
    SENTINELS,
    consultation_cache_key,
    fill_tokens,
    split_at_sentinels,
)
from standard_versions.web.errors import allow_methods
from standard_versions.web.forms_consultation import (
    INVALID_UTF8_MESSAGE,
    CommentForm,
    form_is_utf8,
)
from standard_versions.web.language import in_response_language, page_context, site_origin
from standard_versions.web.resubmission import resubmission_key
from standard_versions.web.views import _not_found_as_404

# Pages with forms carry per-response tokens: never shared by caches, but kept in the browser's
# history, so going back can show the form as it was left (never ``no-store``).
PRIVATE_CACHE_CONTROL = "private, no-cache"


def _with_lang(url: str, request, **extra) -> str:
    query = {key: value for key, value in (("lang", request.GET.get("lang")),) if value}
    query.update(extra)
    return f"{url}?{urlencode(query)}" if query else url


def render_consultation(
    request,
    period: CommentPeriod,
    *,
    language: str,
    now,
    error_form: CommentForm | None = None,
    refusal: str = "",
    refused_text: str = "",
    status: int = 200,
) -> HttpResponse:
    """The consultation page; from the cache when it is the plain page (see
    ``caching_consultation``), rendered otherwise. ``period`` is a ``period_head``: enough for
    the cache key and the time left; the full period is read only to render."""
    period_status = period.status_at(now)
    plain = error_form is None and not refusal
    # ?comment=DM7: the page with DM7's form open (its "Comment on DM7" link).
    open_form = request.GET.get("comment", "")[:20] if plain else ""
    cacheable = (
        plain
        and set(request.GET) <= CACHEABLE_QUERY_KEYS | {"comment"}
        and len(request.GET.getlist("comment")) <= 1
    )
    key = consultation_cache_key(
        period,
        language=language,
        status=period_status,
        origin=site_origin(request),
        open_form=open_form,
    )
    # The key names one page for ever (it digests all the page shows): this worker keeps it too.
    pieces = published_bodies.get(key) if cacheable else None
    if pieces is None and cacheable:
        pieces = cache.get(key)
        if pieces is not None:
            published_bodies.put(key, pieces)
    if pieces is None:
        full = selectors_comments.period_get(period_id=period.pk)
        criteria = selectors_consultation.period_criteria(period=full)
        content = content_for(request, versions=[full.version])
        page = presenters.consultation_page(
            full,
            criteria,
            content=content,
            language=language,
            now=now,
            published_counts=selectors_consultation.published_comment_counts(period_id=period.pk),
            open_form=open_form,
            error_form=error_form,
        )
        # Only codes in scope are cached: other values of ``comment`` must not fill the cache.
        cacheable = cacheable and (not open_form or any(c.code == open_form for c in criteria))
        # No request: nothing request-specific but the language links (only ``lang`` varies
        # among cached pages) may enter the cached HTML; the tokens are sentinels here.
        html = render_to_string(
            "web/consultation.html",
            page_context(
                request,
                language=language,
                page=page,
                tokens=SENTINELS,
                refusal=refusal,
                refused_text=refused_text,
                limits=_form_limits(language),
            ),
        )
        pieces = split_at_sentinels(html)
        if cacheable:
            cache.set(key, pieces, BODY_CACHE_SECONDS)
            published_bodies.put(key, pieces)
    html = fill_tokens(
        pieces,
        csrf_token=get_token(request),
        time_left=presenters.time_left(period, language=language, now=now),
    )
    response = HttpResponse(html, status=status)
    response["Cache-Control"] = PRIVATE_CACHE_CONTROL
    return response


def _form_limits(language: str) -> dict:
    """What the comment forms say and check of the limits (``_comment_form.html``)."""
    return {
        "body": comment_limits.BODY_MAX_CHARS,
        "body_display": format_number(comment_limits.BODY_MAX_CHARS, language=language),
        "proposed_text": comment_limits.PROPOSED_TEXT_MAX_CHARS,
        "name": comment_limits.NAME_MAX_CHARS,
        "organization": comment_limits.ORGANIZATION_MAX_CHARS,
        "email": comment_limits.EMAIL_MAX_CHARS,
    }


def _submit(request, period_id: int, *, language: str, now) -> HttpResponse:
    period = selectors_consultation.period_head(period_id=period_id)
    form = CommentForm(request.POST)
    page = {"language": language, "now": now}

    throttle = CommentSubmissionThrottle()
    if not throttle.allow_request(request, None):
        wait = int(throttle.wait())
        form.refuse(
            _(
                "You have sent too many comments in a short time. Your comment was not "
                "stored yet: wait %(seconds)s seconds, then send it again."
            )
            % {"seconds": wait}
        )
        response = render_consultation(request, period, error_form=form, status=429, **page)
        response["Retry-After"] = str(wait)
        return response

    if form.honeypot_filled():
        # Neutral: a robot learns nothing, and nothing is stored.
        return render(request, "web/comment_not_recorded.html", page_context(request, **page))

    if not form_is_utf8(request):
        form.refuse(INVALID_UTF8_MESSAGE)
        return render_consultation(request, period, error_form=form, status=400, **page)
    if not form.is_valid():
        return render_consultation(request, period, error_form=form, status=400, **page)
    submission = comment_services.CommentSubmission.from_input(
        form.cleaned_data, period_id=period.pk
    )
    try:
        result = comment_services.submit(
            submission=submission,
            # The same text sent again from this browser on this form gets the first receipt.
            resubmission_key=resubmission_key(
                request,
                period_id=period.pk,
                criterion_code=submission.criterion_code,
                body=submission.body,
                proposed_text=submission.proposed_text,
            ),
            now=now,
        )
    except Forbidden as error:
        # Before opening or at/after closing: the page in its current state, without forms.
        return render_consultation(
            request,
            period,
            refusal=str(error.detail),
            refused_text=form["body"].value(),
            status=error.status_code,
            **page,
        )
    except InvalidInput as error:
        form.add_error(presenters.FIELD_OF_ERROR_CODE.get(error.code), str(error.detail))
        return render_consultation(
            request, period, error_form=form, status=error.status_code, **page
        )
    receipt = reverse("web:comment-receipt", args=[result.comment.tracking_id])
    arrival = {"resent": "1"} if result.replayed else {"received": "1"}
    # The submitter's own key to answer the response later (the tracking id is public).
    arrival["key"] = answer_key_for(result.comment.tracking_id)
    return HttpResponseRedirect(_with_lang(receipt, request, **arrival), status=303)


@allow_methods("GET", "POST")
@_not_found_as_404
@in_response_language
def comment_period(request, period_id: int, *, language: str):
    now = timezone.now()
    if request.method == "POST":
        return _submit(request, period_id, language=language, now=now)
    # Remembered by the worker for a moment (memo.py); a submission reads its period afresh.
    period = selectors_consultation.remembered_period_head(
        period_id=period_id, clock=time.monotonic()
    )
    return render_consultation(request, period, language=language, now=now)


@allow_methods("GET")
@_not_found_as_404
@in_response_language
def comment_receipt(request, tracking_id: str, *, language: str):
    # ``tracking_id`` is canonical already (the converter); ``/comments/K5Q3-W7PZ-.../`` is sent
    # to the one URL of the receipt.
    canonical_url = reverse("web:comment-receipt", args=[tracking_id])
    if request.path != canonical_url:
        query = request.GET.urlencode()
        return HttpResponsePermanentRedirect(f"{canonical_url}?{query}" if query else canonical_url)
    return render_receipt(request, tracking_id, language=language, now=timezone.now())


def render_receipt(
    request,
    tracking_id: str,
    *,
    language: str,
    now,
    answer_form: presenters_answers.AnswerFormInput | None = None,
    status: int = 200,
) -> HttpResponse:
    """The receipt page; ``answer_form``: the commenter's answer as sent and refused, shown
    again with its error (``views_answers``). The answer key comes in ``?key=`` (or the form)."""
    receipt = selectors_comments.comment_receipt(tracking_id=tracking_id)
    content = content_for(request, versions=[receipt.comment.period.version])
    page = presenters_receipt.receipt_page(
        receipt.comment,
        receipt.criterion_change,
        content=content,
        language=language,
        now=now,
        criterion=receipt.criterion,
        title_when_commented=receipt.title_when_commented,
        response_links=receipt.response_links,
    )
    answer = selectors_answers.answer_of(receipt.comment)
    answer_section = presenters_answers.answer_section(
        receipt.comment,
        selectors_answers.answer_state(receipt.comment, answer, now=now),
        language=language,
        key=answer_form.key if answer_form else request.GET.get("key", ""),
        form=answer_form,
        answered=request.GET.get("answered") == "1",
        action=_with_lang(reverse("web:comment-answer", args=[tracking_id]), request),
    )
    context = page_context(
        request,
        language=language,
        page=page,
        answer=answer_section,
        received=request.GET.get("received") == "1",
        resent=request.GET.get("resent") == "1",
        lookup_url=_with_lang(reverse("web:comment-lookup"), request),
        # Printed on paper, where a link cannot be followed.
        lookup_absolute_url=request.build_absolute_uri(reverse("web:comment-lookup")),
    )
    response = render(request, "web/comment_receipt.html", context, status=status)
    response["Cache-Control"] = PRIVATE_CACHE_CONTROL
    return response


@allow_methods("GET")
@in_response_language
def comment_lookup(request, *, language: str):
    raw = request.GET.get("tracking_id")
    context = page_context(request, language=language, tracking_id=raw or "", error="")
    status = 200
    if raw is not None:
        tracking_id = tracking_ids.canonical(raw)[:40]
        if not tracking_id:
            context["error"] = _("Enter the tracking id from your receipt.")
            status = 400
        elif selectors_consultation.tracking_id_exists(tracking_id=tracking_id):
            receipt = reverse("web:comment-receipt", args=[tracking_id])
            return HttpResponseRedirect(_with_lang(receipt, request))
        else:
            context["error"] = _(
                "We have no comment with the tracking id %(tracking_id)s. Check it against your "
                "receipt: it has 26 letters and digits."
            ) % {"tracking_id": raw[:60]}
            status = 404
    return render(request, "web/comment_lookup.html", context, status=status)


@in_response_language
def _csrf_failure(request, *, language: str):
    # The whole text, never cut (the request body is already capped at MAX_REQUEST_BYTES).
    body = request.POST.get("body", "") if request.method == "POST" else ""
    context = page_context(request, language=language, refused_text=body)
    return render(request, "web/csrf_failure.html", context, status=403)


def csrf_failure(request, reason: str = ""):
    """``CSRF_FAILURE_VIEW``: a form sent without a valid CSRF token (cookies blocked, or a page
    kept open across a deploy that changed the secret). Stores nothing; gives the text back."""
    return _csrf_failure(request)
