"""Staff's webhook endpoints (publishers): register, edit, enable again, rotate the secret,
delete; and the reads the admin and the API show (the endpoints, an endpoint's delivery log).

The endpoints keep no history of their own: each staff change is one entry in Django's admin
log (``LogEntry``) with the acting user and the service's ``now``, whichever entry point made it.
"""

import datetime as dt

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from standard_versions.errors import InvalidInput, NotFound
from standard_versions.models import PUBLIC_EVENT_KINDS, DeliveryAttempt, WebhookEndpoint
from standard_versions.notifications import webhooks
from standard_versions.standards import selectors as standard_selectors

URL_MAX_LENGTH = 500
DESCRIPTION_MAX_LENGTH = 200
# "Leave the standard as it is" (None means every standard).
KEEP = object()

_url_validator = URLValidator(schemes=["http", "https"])


def endpoint_list() -> QuerySet[WebhookEndpoint]:
    return WebhookEndpoint.objects.select_related("standard").order_by("id")


def endpoint_get(*, endpoint_id: int) -> WebhookEndpoint:
    endpoint = endpoint_list().filter(pk=endpoint_id).first()
    if endpoint is None:
        raise NotFound(
            _("There is no webhook endpoint %(id)s.") % {"id": endpoint_id},
            code="webhook_not_found",
        )
    return endpoint


def endpoint_log(*, endpoint: WebhookEndpoint) -> QuerySet[DeliveryAttempt]:
    """Every try of the endpoint's deliveries, newest first, with its event."""
    return (
        DeliveryAttempt.objects.filter(delivery__endpoint=endpoint)
        .select_related("delivery__event")
        .order_by("-attempted_at", "-id")
    )


def clean_url(url: str) -> str:
    url = url.strip()
    try:
        if len(url) > URL_MAX_LENGTH:
            raise ValidationError("too long")
        _url_validator(url)
    except ValidationError:
        raise InvalidInput(
            _("A webhook URL is an http or https URL of at most %(max)s characters.")
            % {"max": URL_MAX_LENGTH},
            code="invalid_webhook_url",
        ) from None
    return url


def clean_kinds(kinds: list[str]) -> list[str]:
    unknown = sorted(set(kinds) - set(PUBLIC_EVENT_KINDS))
    if unknown:
        raise InvalidInput(
            _("Unknown event kinds: %(kinds)s. Webhooks carry: %(known)s.")
            % {"kinds": ", ".join(unknown), "known": ", ".join(PUBLIC_EVENT_KINDS)},
            code="unknown_event_kind",
        )
    # In the canonical order, each once: the same list however it was typed.
    return [kind for kind in PUBLIC_EVENT_KINDS if kind in set(kinds)]


def clean_description(description: str) -> str:
    description = description.strip()
    if len(description) > DESCRIPTION_MAX_LENGTH:
        raise InvalidInput(
            _("A description has at most %(max)s characters.") % {"max": DESCRIPTION_MAX_LENGTH},
            code="description_too_long",
        )
    return description


def _record(user, endpoint: WebhookEndpoint, *, flag: int, message: str, now: dt.datetime):
    if user is None or not user.is_authenticated:
        return
    LogEntry.objects.create(
        user_id=user.pk,
        content_type=ContentType.objects.get_for_model(WebhookEndpoint),
        object_id=str(endpoint.pk),
        object_repr=str(endpoint)[:200],
        action_flag=flag,
        change_message=message,
        action_time=now,
    )


@transaction.atomic
def register_endpoint(
    *,
    url: str,
    event_kinds: list[str],
    standard_slug: str | None = None,
    description: str = "",
    user,
    now: dt.datetime,
) -> WebhookEndpoint:
    """A new active endpoint with a new secret (``event_kinds`` empty: every public kind)."""
    standard = standard_selectors.standard_get(slug=standard_slug) if standard_slug else None
    endpoint = WebhookEndpoint.objects.create(
        url=clean_url(url),
        event_kinds=clean_kinds(event_kinds),
        standard=standard,
        description=clean_description(description),
        secret=webhooks.new_secret(),
        created_at=now,
    )
    _record(user, endpoint, flag=ADDITION, message="Registered", now=now)
    return endpoint


@transaction.atomic
def update_endpoint(
    *,
    endpoint_id: int,
    url: str | None = None,
    event_kinds: list[str] | None = None,
    standard_slug=KEEP,
    description: str | None = None,
    active: bool | None = None,
    user,
    now: dt.datetime,
) -> WebhookEndpoint:
    """Change what is given (``standard_slug=None``: every standard); the rest stays.
    ``active``: True enables a disabled endpoint again, False stops sending to it."""
    endpoint = endpoint_get(endpoint_id=endpoint_id)
    wanted = {}
    if url is not None:
        wanted["url"] = clean_url(url)
    if event_kinds is not None:
        wanted["event_kinds"] = clean_kinds(event_kinds)
    if standard_slug is not KEEP:
        wanted["standard"] = (
            standard_selectors.standard_get(slug=standard_slug) if standard_slug else None
        )
    if description is not None:
        wanted["description"] = clean_description(description)
    changed = [name for name, value in wanted.items() if getattr(endpoint, name) != value]
    for name in changed:
        setattr(endpoint, name, wanted[name])
    if changed:
        endpoint.save(update_fields=changed)
        _record(user, endpoint, flag=CHANGE, message="Changed " + ", ".join(changed), now=now)
    if active is True and not endpoint.active:
        return enable_endpoint(endpoint_id=endpoint_id, user=user, now=now)
    if active is False and endpoint.active:
        return pause_endpoint(endpoint_id=endpoint_id, user=user, now=now)
    return endpoint


@transaction.atomic
def enable_endpoint(*, endpoint_id: int, user, now: dt.datetime) -> WebhookEndpoint:
    """Send to the endpoint again, its failures forgotten (deliveries failed meanwhile stay
    failed: the receiver catches up from the API)."""
    endpoint = endpoint_get(endpoint_id=endpoint_id)
    endpoint.active = True
    endpoint.consecutive_failures = 0
    endpoint.failing_since = None
    endpoint.disabled_at = None
    endpoint.disabled_reason = ""
    endpoint.save(
        update_fields=[
            "active",
            "consecutive_failures",
            "failing_since",
            "disabled_at",
            "disabled_reason",
        ]
    )
    _record(user, endpoint, flag=CHANGE, message="Enabled", now=now)
    return endpoint


@transaction.atomic
def pause_endpoint(*, endpoint_id: int, user, now: dt.datetime) -> WebhookEndpoint:
    """Staff stop sending to the endpoint (no mail: they know)."""
    endpoint = endpoint_get(endpoint_id=endpoint_id)
    if endpoint.active:
        endpoint.active = False
        endpoint.disabled_at = now
        endpoint.disabled_reason = "disabled by staff"
        endpoint.save(update_fields=["active", "disabled_at", "disabled_reason"])
        _record(user, endpoint, flag=CHANGE, message="Disabled", now=now)
    return endpoint


@transaction.atomic
def rotate_secret(*, endpoint_id: int, user, now: dt.datetime) -> WebhookEndpoint:
    """A new signing secret, used from the next attempt on (the old one stops at once)."""
    endpoint = endpoint_get(endpoint_id=endpoint_id)
    endpoint.secret = webhooks.new_secret()
    endpoint.save(update_fields=["secret"])
    _record(user, endpoint, flag=CHANGE, message="Rotated the secret", now=now)
    return endpoint


@transaction.atomic
def delete_endpoint(*, endpoint_id: int, user, now: dt.datetime) -> None:
    """Delete the endpoint with its deliveries and their log (the admin log keeps the entry)."""
    endpoint = endpoint_get(endpoint_id=endpoint_id)
    _record(user, endpoint, flag=DELETION, message="Deleted", now=now)
    endpoint.delete()


def ping_endpoint(*, endpoint_id: int, now: dt.datetime):
    """Send the endpoint a signed ``ping`` now; the outcome."""
    return webhooks.ping(endpoint_get(endpoint_id=endpoint_id), now=now)
