"""Webhooks: the signed JSON POST of one delivery, its signature, and an endpoint disabled.

A delivery's body is ``{"id", "type", "created", "data"}`` (compact, keys sorted), sent exactly
as signed: ``WWC-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>``, as
Stripe and GitHub sign theirs. ``sign`` and ``verify`` are the code docs/webhooks.md gives
receivers (tests/notifications/test_webhook_doc_snippet.py holds them equal), so they import only
the standard library. Sending never raises and never follows a redirect: every outcome is an
``AttemptOutcome`` the outbox logs and retries (``outbox.record_attempt``).

Staff's registering, editing and enabling of endpoints are in ``webhook_endpoints``.
"""

import datetime as dt
import hashlib
import hmac
import json
import logging
import secrets
import time
import uuid

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from standard_versions.models import Delivery, DeliveryStatus, WebhookEndpoint
from standard_versions.notifications.outcomes import AttemptOutcome
from standard_versions.roles import PUBLISHERS

log = logging.getLogger(__name__)

USER_AGENT = "wwc-standard-webhooks/1"
SIGNATURE_HEADER = "WWC-Signature"
PING_TYPE = "ping"
DISABLED_ERROR = "endpoint disabled"
# Enough of a refusing receiver's answer to say why, never a whole page in the log.
ERROR_BODY_CHARS = 300


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def sign(*, secret: str, timestamp: int, body: bytes) -> str:
    """The ``WWC-Signature`` header of ``body`` sent at ``timestamp`` (Unix seconds)."""
    signed = str(timestamp).encode() + b"." + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(*, secret: str, header: str, body: bytes, now, tolerance: int = 300) -> bool:
    """Whether ``header`` (WWC-Signature) signs the raw ``body`` with ``secret``, at most
    ``tolerance`` seconds from ``now`` (Unix seconds, or an aware datetime)."""
    if hasattr(now, "timestamp"):
        now = now.timestamp()
    timestamp, signatures = None, []
    for part in header.split(","):
        key, _sep, value = part.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == "v1":
            signatures.append(value)
    if timestamp is None or abs(now - timestamp) > tolerance:
        return False
    signed = str(timestamp).encode() + b"." + body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return any(hmac.compare_digest(expected, candidate) for candidate in signatures)


def _utc_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def body_of(*, event_id, kind: str, created: dt.datetime, data: dict) -> bytes:
    """The bytes sent and signed: compact JSON with sorted keys, UTF-8."""
    document = {"id": str(event_id), "type": kind, "created": _utc_text(created), "data": data}
    return json.dumps(document, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()


def _refusal_text(response: requests.Response) -> str:
    if response.is_redirect or 300 <= response.status_code < 400:
        where = response.headers.get("Location", "")
        return f"HTTP {response.status_code}: redirect not followed ({where[:200]})"
    try:
        snippet = next(response.iter_content(ERROR_BODY_CHARS), b"")
    except requests.RequestException:
        snippet = b""
    text = snippet.decode("utf-8", "replace").strip()
    return f"HTTP {response.status_code}" + (f": {text}" if text else "")


def post(
    *, url: str, secret: str, event_id, kind: str, body: bytes, attempt: int, now: dt.datetime
) -> AttemptOutcome:
    """POST ``body`` signed at ``now``; the outcome, whatever happens (this never raises)."""
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "WWC-Event-Id": str(event_id),
        "WWC-Event-Type": kind,
        "WWC-Delivery-Attempt": str(attempt),
        SIGNATURE_HEADER: sign(secret=secret, timestamp=int(now.timestamp()), body=body),
    }
    started = time.monotonic()
    status_code, error = None, ""
    try:
        # stream=True: the receiver's body is read only to quote it in an error.
        with requests.post(
            url,
            data=body,
            headers=headers,
            timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
            allow_redirects=False,
            stream=True,
        ) as response:
            status_code = response.status_code
            if not 200 <= status_code < 300:
                error = _refusal_text(response)
    except requests.Timeout:
        error = f"timeout: no answer within {settings.WEBHOOK_TIMEOUT_SECONDS} s"
    except requests.ConnectionError as exc:
        error = f"connection error: {exc}"
    except Exception as exc:  # an unusable URL or anything else: logged, retried, never raised
        error = f"{type(exc).__name__}: {exc}"
    duration_ms = int((time.monotonic() - started) * 1000)
    return AttemptOutcome(
        succeeded=not error, status_code=status_code, error=error, duration_ms=duration_ms
    )


def send_delivery(delivery: Delivery, *, now: dt.datetime) -> AttemptOutcome:
    """Send one webhook delivery (its ``event`` and ``endpoint`` loaded) as its next attempt."""
    event, endpoint = delivery.event, delivery.endpoint
    body = body_of(
        event_id=event.event_id, kind=event.kind, created=event.occurred_at, data=event.payload
    )
    return post(
        url=endpoint.url,
        secret=endpoint.secret,
        event_id=event.event_id,
        kind=event.kind,
        body=body,
        attempt=delivery.attempts + 1,
        now=now,
    )


def ping(endpoint: WebhookEndpoint, *, now: dt.datetime) -> AttemptOutcome:
    """A signed ``ping`` with a new id, sent at once (staff's test; not logged, not counted)."""
    event_id = uuid.uuid4()
    body = body_of(
        event_id=event_id,
        kind=PING_TYPE,
        created=now,
        data={"endpoint": endpoint.pk, "message": "A test from the WWC Standard's staff."},
    )
    return post(
        url=endpoint.url,
        secret=endpoint.secret,
        event_id=event_id,
        kind=PING_TYPE,
        body=body,
        attempt=1,
        now=now,
    )


def staff_to_tell():
    """Active staff with an address who manage webhooks: publishers and superusers."""
    users = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    return users.filter(Q(is_superuser=True) | Q(groups__name=PUBLISHERS)).distinct()


def _tell_staff(endpoint_id: int, *, url: str, error: str, failures: int) -> None:
    addresses = list(staff_to_tell().order_by("pk").values_list("email", flat=True))
    if not addresses:
        return
    subject = _("Webhook endpoint disabled: %(url)s") % {"url": url[:120]}
    message = _(
        "The webhook endpoint %(url)s failed %(failures)s times in a row and was disabled; "
        "nothing more is sent to it until it is enabled again in the admin.\n\n"
        "Last error: %(error)s"
    ) % {"url": url, "failures": failures, "error": error or "-"}
    try:
        send_mail(str(subject), str(message), None, addresses)
    except Exception:
        # The endpoint stays disabled and flagged in the admin; mail is the second signal.
        log.exception("Could not tell staff that webhook endpoint %s was disabled", endpoint_id)


@transaction.atomic
def disable_endpoint(endpoint: WebhookEndpoint, *, error: str, now: dt.datetime) -> None:
    """Stop sending to ``endpoint`` after repeated failures: its pending deliveries fail, and
    publishers are mailed once the change is committed."""
    endpoint.active = False
    endpoint.disabled_at = now
    endpoint.disabled_reason = (
        f"{endpoint.consecutive_failures} consecutive failures; last: {error}"[:2000]
    )
    endpoint.save(update_fields=["active", "disabled_at", "disabled_reason"])
    Delivery.objects.filter(endpoint=endpoint, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.FAILED, claimed_until=None, last_error=DISABLED_ERROR
    )
    pk, url, failures = endpoint.pk, endpoint.url, endpoint.consecutive_failures
    transaction.on_commit(lambda: _tell_staff(pk, url=url, error=error, failures=failures))
