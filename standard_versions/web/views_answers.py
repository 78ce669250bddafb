"""The commenter answers the response from the receipt page: a plain HTML form (it works with
JavaScript off), sent here and answered Post/Redirect/Get: a recorded answer is a 303 back to the
receipt (with its key, so the page still knows the reader), a refused one is the receipt again
with the error in the reader's language and the typed text kept.

The same service as the API's (``consultation.answers.answer_response``) decides, with the same
throttle as submitting a comment.
"""

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation import answers as answer_services
from standard_versions.errors import DomainError, NotFound
from standard_versions.http.throttling import CommentSubmissionThrottle
from standard_versions.web.errors import allow_methods
from standard_versions.web.forms_consultation import INVALID_UTF8_MESSAGE, form_is_utf8
from standard_versions.web.language import in_response_language
from standard_versions.web.presenters_answers import AnswerFormInput
from standard_versions.web.views import _not_found_as_404
from standard_versions.web.views_consultation import _with_lang, render_receipt

# Generous bounds on what is read from the form: the service decides the real limits and says
# so; a longer text is still kept whole on the page up to this bound.
_TEXT_BOUND = 100_000
_FIELD_BOUND = 400


def _form_input(request) -> AnswerFormInput:
    return AnswerFormInput(
        key=request.POST.get("key", "")[:_FIELD_BOUND],
        kind=request.POST.get("kind", "")[:_FIELD_BOUND],
        text=request.POST.get("text", "")[:_TEXT_BOUND],
    )


def _refused(request, tracking_id, form: AnswerFormInput, *, message, status, language, now):
    refused = AnswerFormInput(key=form.key, kind=form.kind, text=form.text, error=str(message))
    # The page shown is the receipt: its language links must lead there (with the key), not to
    # this POST-only URL.
    request.path = reverse("web:comment-receipt", args=[tracking_id])
    query = request.GET.copy()
    if form.key:
        query["key"] = form.key
    request.GET = query
    return render_receipt(
        request, tracking_id, language=language, now=now, answer_form=refused, status=status
    )


@allow_methods("POST")
@_not_found_as_404
@in_response_language
def comment_answer(request, tracking_id: str, *, language: str):
    now = timezone.now()
    form = _form_input(request)
    page = {"language": language, "now": now}
    throttle = CommentSubmissionThrottle()
    if not throttle.allow_request(request, None):
        wait = int(throttle.wait())
        message = _(
            "You have sent too much in a short time. Your answer was not stored yet: wait "
            "%(seconds)s seconds, then send it again."
        ) % {"seconds": wait}
        response = _refused(request, tracking_id, form, message=message, status=429, **page)
        response["Retry-After"] = str(wait)
        return response
    if not form_is_utf8(request):
        return _refused(
            request, tracking_id, form, message=INVALID_UTF8_MESSAGE, status=400, **page
        )
    try:
        answer_services.answer_response(
            tracking_id=tracking_id, key=form.key, kind=form.kind, text=form.text, now=now
        )
    except NotFound:
        raise
    except DomainError as error:
        return _refused(
            request, tracking_id, form, message=error.detail, status=error.status_code, **page
        )
    receipt = reverse("web:comment-receipt", args=[tracking_id])
    url = _with_lang(receipt, request, key=form.key, answered="1")
    return HttpResponseRedirect(f"{url}#answer-heading", status=303)
