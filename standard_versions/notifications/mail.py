"""Email deliveries: one mail for one delivery, plain text and HTML, in its subscription's
language, sent through Django's configured backend (``EMAIL_URL``: SMTP, or files in
``var/mail`` on the embedded default).

Every mail carries a one-click unsubscribe (RFC 8058: ``List-Unsubscribe`` with an https link
and ``List-Unsubscribe-Post``) and a ``Message-ID`` derived from the event and the address, so a
mail sent again after a crash is recognisably the same mail. An unconfirmed subscription gets
only its confirmation request and, for a commenter, the receipt (with the confirmation link).
A failure of the mail server is an outcome (retried by the outbox), never an exception.
"""

import contextlib
import contextvars
import datetime as dt
import hashlib
import smtplib
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from standard_versions.models import Delivery, EmailAddress, Event, EventKind, Subscription
from standard_versions.notifications import mail_content, subscriptions
from standard_versions.notifications.outcomes import AttemptOutcome
from standard_versions.translations import i18n

# Mail a subscription gets before it is confirmed (double opt-in).
BEFORE_CONFIRMATION = frozenset({EventKind.COMMENT_RECEIVED, EventKind.SUBSCRIPTION_REQUESTED})
TEMPLATES = "notifications/mail/"


def message_id(*parts: str, address: str) -> str:
    """``<part.addresshash@host>``: the same parts and address always give the same id."""
    digest = hashlib.sha256(address.encode()).hexdigest()[:16]
    host = urlsplit(settings.PUBLIC_BASE_URL).hostname or "localhost"
    return f"<{'.'.join(parts)}.{digest}@{host}>"


def unsubscribe_url(token: str, *, language: str, all_of_address: bool = False) -> str:
    """In the mail's language: the page it opens speaks the language the mail did."""
    name = "web:unsubscribe-all" if all_of_address else "web:unsubscribe"
    return mail_content.url(name, token, language=language)


def compose(
    *,
    template: str,
    context: dict,
    subject: str,
    to: EmailAddress,
    message_id_value: str,
    unsubscribe: str,
) -> EmailMultiAlternatives:
    """A mail from ``template``.txt and .html with the headers every mail has."""
    context = {**context, "unsubscribe_url": unsubscribe}
    text = render_to_string(f"{TEMPLATES}{template}.txt", context)
    html = render_to_string(f"{TEMPLATES}{template}.html", context)
    mail = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to.address],
        headers={
            "Message-ID": message_id_value,
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
            "Content-Language": context.get("page_language", "en"),
        },
    )
    mail.attach_alternative(html, "text/html")
    return mail


# The connection of the batch being sent (``one_connection``): an SMTP session per batch rather
# than a connect, EHLO and QUIT per mail.
_batch_connection: contextvars.ContextVar = contextvars.ContextVar("batch_connection", default=None)


@contextlib.contextmanager
def one_connection():
    """Mail sent inside shares one connection to the mail server, opened at the first mail and
    closed at the end (or after a failure, so the next mail opens a fresh one)."""
    token = _batch_connection.set({})
    try:
        yield
    finally:
        held = _batch_connection.get()
        _batch_connection.reset(token)
        if held.get("connection") is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                held["connection"].close()


def _connection():
    held = _batch_connection.get()
    if held is None:
        return get_connection(fail_silently=False), False
    if held.get("connection") is None:
        held["connection"] = get_connection(fail_silently=False)
        held["connection"].open()
    return held["connection"], True


def _drop_connection(connection) -> None:
    held = _batch_connection.get()
    if held is not None and held.get("connection") is connection:
        held["connection"] = None
    with contextlib.suppress(smtplib.SMTPException, OSError):
        connection.close()


def send(mail: EmailMultiAlternatives) -> AttemptOutcome:
    """Send through the configured backend; a refusal or an unreachable server is an outcome.
    A batch's shared connection that the server has closed meanwhile is opened again once."""
    started = time.monotonic()
    for retry in (False, True):
        connection = None
        try:
            connection, shared = _connection()
            connection.send_messages([mail])
        except smtplib.SMTPServerDisconnected as error:
            if connection is not None:
                _drop_connection(connection)
            if shared and not retry:
                continue
            return _failure(error, started)
        except (smtplib.SMTPException, OSError) as error:
            if connection is not None:
                _drop_connection(connection)
            return _failure(error, started)
        return AttemptOutcome(succeeded=True, duration_ms=_since(started))
    raise AssertionError("unreachable")  # pragma: no cover


def _since(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def _failure(error: Exception, started: float) -> AttemptOutcome:
    return AttemptOutcome(
        succeeded=False, error=f"{type(error).__name__}: {error}", duration_ms=_since(started)
    )


def _receipt_mail(event: Event, subscription: Subscription, *, language: str) -> tuple:
    receipt = mail_content.receipt(event.comment, language=language)
    context = {
        "receipt": receipt,
        "confirmed": subscription.active,
        "confirm_url": _confirm_url(subscription, language=language),
    }
    subject = _("Your comment was received: %(tracking_id)s") % {"tracking_id": receipt.tracking_id}
    return "receipt", context, subject


def _confirm_url(subscription: Subscription, *, language: str) -> str:
    token = subscriptions.confirm_token(subscription)
    return mail_content.url("web:subscription-confirm", token, language=language)


def _confirmation_mail(subscription: Subscription, *, language: str) -> tuple:
    context = {
        "target": mail_content.subscription_target(subscription),
        "frequency": mail_content.frequency_display(subscription),
        "confirm_url": _confirm_url(subscription, language=language),
        "days": subscriptions.CONFIRM_MAX_AGE.days,
    }
    return "confirm", context, _("Confirm your subscription")


def _event_mail(event: Event, subscription: Subscription, *, language: str) -> tuple:
    entry = mail_content.event_lines(event, language=language)
    entry = mail_content.with_answer_link(entry, event, subscription, language=language)
    context = {
        "entry": entry,
        "target": mail_content.subscription_target(subscription),
    }
    return "event", context, entry.headline


def send_delivery(delivery: Delivery, *, now: dt.datetime) -> AttemptOutcome:
    """Render and send one email delivery (``outbox._send``)."""
    # Read with everything they render by ``outbox.send_claimed``.
    event = delivery.event
    subscription = delivery.subscription
    if not subscription.confirmed_at and event.kind not in BEFORE_CONFIRMATION:
        # The fan-out sends nothing else to an unconfirmed subscription; if one got here anyway
        # it waits (and is retried) rather than mail an address that never said yes.
        return AttemptOutcome(succeeded=False, error="subscription not confirmed")
    if event.kind == EventKind.SUBSCRIPTION_REQUESTED and subscription.confirmed_at:
        # Confirmed (by an earlier mail's link) before this request went out: nothing to ask.
        return AttemptOutcome(succeeded=True, error="confirmed already: nothing sent")
    language = subscription.language if subscription.language in i18n.LANGUAGES else "en"
    with translation.override(i18n.DJANGO_LANGUAGE[language]):
        if event.kind == EventKind.COMMENT_RECEIVED:
            template, context, subject = _receipt_mail(event, subscription, language=language)
        elif event.kind == EventKind.SUBSCRIPTION_REQUESTED:
            template, context, subject = _confirmation_mail(subscription, language=language)
        else:
            template, context, subject = _event_mail(event, subscription, language=language)
        context["page_language"] = language
        context["unsubscribe_all_url"] = unsubscribe_url(
            subscriptions.unsubscribe_all_token(subscription.address),
            language=language,
            all_of_address=True,
        )
        mail = compose(
            template=template,
            context=context,
            subject=str(subject),
            to=subscription.address,
            message_id_value=message_id(str(event.event_id), address=subscription.address.address),
            unsubscribe=unsubscribe_url(
                subscriptions.unsubscribe_token(subscription), language=language
            ),
        )
    return send(mail)
