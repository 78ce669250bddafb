"""Subscriptions by email on the public site: the subscribe form and its "check your mail"
page, the confirmation link's page and the unsubscribe pages.

A link from a mail is opened with GET, which only shows a page with a button: mail scanners
prefetch links, and a prefetch must never confirm or unsubscribe anyone. The button POSTs.
The unsubscribe views also take RFC 8058's one-click POST (``List-Unsubscribe=One-Click``),
which a mail provider sends without cookies or a CSRF token: they are CSRF-exempt, the signed
token in the URL being the authority. No page ever shows the address.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from standard_versions.errors import DomainError, InvalidInput, NotFound
from standard_versions.http.throttling import SubscriptionRequestThrottle
from standard_versions.notifications import mail_content, selectors, subscriptions
from standard_versions.web.errors import allow_methods
from standard_versions.web.forms_notifications import SubscribeForm
from standard_versions.web.language import in_response_language, page_context
from standard_versions.web.views import _not_found_as_404

PRIVATE_CACHE_CONTROL = "private, no-cache"
# A page reached by a mail's token is never kept by any cache.
TOKEN_CACHE_CONTROL = "no-store"


def _render(request, template: str, context: dict, *, language: str, status=200, cache=None):
    response = render(
        request,
        f"web/notifications/{template}.html",
        page_context(request, language=language, **context),
        status=status,
    )
    response["Cache-Control"] = cache or PRIVATE_CACHE_CONTROL
    return response


def _subscribe_page(request, form, target, *, language, status=200, refusal=""):
    context = {"form": form, "target": target, "refusal": refusal}
    return _render(request, "subscribe", context, language=language, status=status)


@allow_methods("GET", "POST")
@_not_found_as_404
@in_response_language
def subscribe(request, *, language: str):
    source = request.POST if request.method == "POST" else request.GET
    target = selectors.follow_target(
        standard_slug=source.get("standard", "")[:50],
        criterion_key=source.get("criterion", "")[:64],
    )
    if request.method == "GET":
        form = SubscribeForm(
            initial={"standard": target.standard_slug, "criterion": target.criterion_key}
        )
        return _subscribe_page(request, form, target, language=language)
    form = SubscribeForm(request.POST)
    throttle = SubscriptionRequestThrottle()
    if not throttle.allow_request(request, None):
        wait = int(throttle.wait())
        refusal = _("Too many requests in a short time: wait %(seconds)s seconds, then try again.")
        response = _subscribe_page(
            request,
            form,
            target,
            language=language,
            status=429,
            refusal=refusal % {"seconds": wait},
        )
        response["Retry-After"] = str(wait)
        return response
    if not form.is_valid():
        return _subscribe_page(request, form, target, language=language, status=400)
    try:
        subscriptions.subscribe(
            email=form.cleaned_data["email"],
            standard_slug=target.standard_slug,
            criterion_key=target.criterion_key or None,
            frequency=form.cleaned_data["frequency"],
            language=language,
            now=timezone.now(),
        )
    except InvalidInput as error:
        form.add_error("email", str(error.detail))
        return _subscribe_page(request, form, target, language=language, status=400)
    sent = reverse("web:subscribe-sent")
    return HttpResponseRedirect(f"{sent}?{urlencode({'lang': language})}", status=303)


@allow_methods("GET")
@in_response_language
def subscribe_sent(request, *, language: str):
    return _render(request, "subscribe_sent", {}, language=language)


def _link_error(request, error: DomainError, *, language: str):
    status = 404 if isinstance(error, NotFound) else 400
    context = {"message": str(error.detail)}
    return _render(
        request, "link_error", context, language=language, status=status, cache=TOKEN_CACHE_CONTROL
    )


@allow_methods("GET", "POST")
@in_response_language
def confirm(request, token: str, *, language: str):
    try:
        if request.method == "POST":
            subscription = subscriptions.confirm(token=token, now=timezone.now())
        else:
            subscription = subscriptions.subscription_for_confirm(token=token)
    except DomainError as error:
        return _link_error(request, error, language=language)
    context = {
        "target": mail_content.subscription_target(subscription),
        "frequency": subscription.get_frequency_display(),
        "done": request.method == "POST",
        "unsubscribed": subscription.unsubscribed_at is not None,
    }
    return _render(request, "confirm", context, language=language, cache=TOKEN_CACHE_CONTROL)


def _unsubscribe_page(request, token: str, *, language: str, everything: bool):
    done = request.method == "POST"
    try:
        if everything:
            if done:
                subscriptions.unsubscribe_all(token=token, now=timezone.now())
            else:
                subscriptions.address_for_unsubscribe_all(token=token)
            target = _("every mail of this site to your address")
        else:
            if done:
                subscription = subscriptions.unsubscribe(token=token, now=timezone.now())
            else:
                subscription = subscriptions.subscription_for_unsubscribe(token=token)
            target = mail_content.subscription_target(subscription)
    except DomainError as error:
        return _link_error(request, error, language=language)
    context = {"target": target, "done": done}
    return _render(request, "unsubscribe", context, language=language, cache=TOKEN_CACHE_CONTROL)


# CSRF-exempt: RFC 8058's one-click POST comes from a mail provider without cookies; the signed
# token is the authority, and unsubscribing is all a forged POST could do.
@csrf_exempt
@allow_methods("GET", "POST")
@in_response_language
def unsubscribe(request, token: str, *, language: str):
    return _unsubscribe_page(request, token, language=language, everything=False)


@csrf_exempt
@allow_methods("GET", "POST")
@in_response_language
def unsubscribe_all(request, token: str, *, language: str):
    return _unsubscribe_page(request, token, language=language, everything=True)
