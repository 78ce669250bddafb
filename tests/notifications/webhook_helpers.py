"""What the webhook tests share: an endpoint, a real event of a standard, and one worker turn at
a given instant (fan out, claim what is due, send it) without Celery."""

import datetime as dt

from standard_versions.models import Event, WebhookEndpoint
from standard_versions.notifications import events, outbox, webhook_endpoints
from tests.factories import build_version


def endpoint_for(url: str, *, kinds=(), standard_slug=None, now=None) -> WebhookEndpoint:
    return webhook_endpoints.register_endpoint(
        url=url,
        event_kinds=list(kinds),
        standard_slug=standard_slug,
        user=None,
        now=now or dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
    )


def published_event(*, standard_slug="big", label="9.0", now) -> Event:
    """A version published: a real public event, written as the publishing service writes it."""
    # Superseded: a standard may hold any number of those (one published at most).
    version = build_version(
        standard_slug=standard_slug, label=label, criteria=1, areas=1, status="superseded"
    )
    events.version_published(version, now=now)
    return Event.objects.latest("id")


def worker_turn(now: dt.datetime) -> int:
    """Fan out and send what is due at ``now``; the number sent."""
    while outbox.fan_out(now=now):
        pass
    return outbox.send_claimed(outbox.claim(now=now), clock=lambda: now)
