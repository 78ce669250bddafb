"""An endpoint hears only the public kinds it named, of the standard it named; a commenter's
receipt and a confirmation request never reach any endpoint."""

import datetime as dt

import pytest
from django.utils import timezone

from standard_versions.consultation.comments import submit_comment
from standard_versions.consultation.periods import create_period, extend_period
from standard_versions.models import PRIVATE_EVENT_KINDS, Channel, Delivery, Event, EventKind
from standard_versions.notifications import outbox
from tests.factories import build_version
from tests.notifications.webhook_helpers import endpoint_for, published_event

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
URL = "https://hooks.example.org/"


def webhook_kinds(endpoint) -> list[str]:
    return sorted(
        Delivery.objects.filter(channel=Channel.WEBHOOK, endpoint=endpoint).values_list(
            "event__kind", flat=True
        )
    )


def _period_and_comment():
    now = timezone.now()
    build_version(standard_slug="big", label="10.0", criteria=2, areas=1, status="draft")
    period = create_period(
        standard_slug="big",
        label="10.0",
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=5),
        timezone="UTC",
        criteria=None,
        user=None,
        reason="test",
        now=now,
    )
    extend_period(
        period_id=period.pk, closes_at=now + dt.timedelta(days=9), user=None, reason="r", now=now
    )
    submit_comment(period_id=period.pk, body="A comment", email="c@example.org", now=now)
    return now


def test_an_endpoint_gets_only_the_kinds_it_named():
    extended_only = endpoint_for(URL, kinds=[EventKind.PERIOD_EXTENDED])
    everything = endpoint_for(URL)
    _period_and_comment()
    published_event(now=NOW)
    outbox.fan_out(now=NOW)
    assert webhook_kinds(extended_only) == [EventKind.PERIOD_EXTENDED]
    assert webhook_kinds(everything) == sorted([EventKind.PERIOD_EXTENDED, "version.published"])


def test_an_endpoint_of_a_standard_gets_only_that_standards_events():
    published_event(standard_slug="big", now=NOW)
    published_event(standard_slug="other", label="2.0", now=NOW)
    of_big = endpoint_for(URL, standard_slug="big", kinds=["version.published"])
    of_other = endpoint_for(URL, standard_slug="other")
    outbox.fan_out(now=NOW)
    big, other = (Event.objects.get(standard__slug=slug) for slug in ("big", "other"))
    assert list(Delivery.objects.filter(endpoint=of_big).values_list("event", flat=True)) == [
        big.pk
    ]
    assert list(Delivery.objects.filter(endpoint=of_other).values_list("event", flat=True)) == [
        other.pk
    ]


def test_a_receipt_and_a_confirmation_request_never_reach_a_webhook():
    everything = endpoint_for(URL)
    _period_and_comment()
    Event.objects.create(
        kind=EventKind.SUBSCRIPTION_REQUESTED, occurred_at=NOW, payload={"subscription": 0}
    )
    assert Event.objects.filter(kind__in=PRIVATE_EVENT_KINDS).count() == 2
    outbox.fan_out(now=NOW)
    assert not set(webhook_kinds(everything)) & PRIVATE_EVENT_KINDS
