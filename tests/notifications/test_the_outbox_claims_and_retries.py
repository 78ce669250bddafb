"""The outbox's delivery rules, whatever the channel: a claim keeps other workers off until it
runs out, failures come back after an exponential backoff and fail for good after the last try,
a channel that raises is a failed try (the queue goes on), and unsubscribed mail is skipped."""

import datetime as dt

import pytest
from django.utils import timezone

from standard_versions.models import (
    Delivery,
    DeliveryStatus,
    EmailAddress,
    Event,
    EventKind,
    Subscription,
)
from standard_versions.notifications import outbox
from standard_versions.notifications.outcomes import AttemptOutcome
from tests.factories import build_version

NOW = dt.datetime(2026, 4, 14, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def deliveries(db):
    version = build_version(standard_slug="o", label="1.0", criteria=1, areas=1, status="draft")
    address = EmailAddress.objects.create(address="a@example.org", created_at=NOW)
    subscription = Subscription.objects.create(
        address=address,
        scope="standard",
        standard=version.standard,
        created_at=NOW,
        confirmed_at=NOW,
    )
    made = []
    for n in range(3):
        event = Event.objects.create(
            kind=EventKind.VERSION_PUBLISHED, occurred_at=NOW, standard=version.standard
        )
        made.append(
            Delivery.objects.create(
                event=event,
                channel="email",
                address=address,
                subscription=subscription,
                recipient=f"mail:{address.pk}",
                due_at=NOW - dt.timedelta(seconds=n),
            )
        )
    return made


def test_a_claimed_delivery_is_left_to_its_worker_until_the_claim_runs_out(deliveries):
    first = outbox.claim(now=NOW, limit=2)
    second = outbox.claim(now=NOW, limit=5)
    assert len(first) == 2 and len(second) == 1 and not set(first) & set(second)
    assert outbox.claim(now=NOW) == []
    later = NOW + dt.timedelta(seconds=outbox.CLAIM_SECONDS + 1)
    assert sorted(outbox.claim(now=later)) == sorted(d.pk for d in deliveries)


def test_failures_come_back_after_a_doubling_delay_then_fail_for_good(deliveries, settings):
    settings.NOTIFY_RETRY_BASE_SECONDS = 10
    settings.NOTIFY_RETRY_MAX_SECONDS = 35
    settings.NOTIFY_MAX_ATTEMPTS = 4
    delivery = deliveries[0]
    failed = AttemptOutcome(succeeded=False, error="421 try later")
    dues = []
    now = NOW
    for _ in range(4):
        outbox.record_attempt(delivery, failed, now=now)
        delivery.refresh_from_db()
        dues.append((delivery.status, (delivery.due_at - now).total_seconds()))
        now = delivery.due_at
    assert [status for status, _ in dues] == ["pending", "pending", "pending", "failed"]
    assert [seconds for _, seconds in dues[:3]] == [10, 20, 35]
    assert delivery.log.count() == 4
    assert delivery.last_error == "421 try later"


def test_a_channel_that_raises_is_a_failed_try_and_the_others_still_go(deliveries, monkeypatch):
    def send(delivery, *, now):
        if delivery.pk == deliveries[0].pk:
            raise RuntimeError("template bug")
        return AttemptOutcome(succeeded=True)

    monkeypatch.setattr(outbox, "_send", send)
    ids = outbox.claim(now=NOW)
    assert outbox.send_claimed(ids, clock=lambda: NOW) == 2
    broken = Delivery.objects.get(pk=deliveries[0].pk)
    assert broken.status == DeliveryStatus.PENDING and broken.due_at > NOW
    assert "template bug" in broken.last_error
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 2


def test_mail_for_a_subscription_unsubscribed_since_is_skipped(deliveries, monkeypatch):
    monkeypatch.setattr(outbox, "_send", lambda delivery, *, now: pytest.fail("sent"))
    Subscription.objects.update(unsubscribed_at=NOW)
    outbox.send_claimed(outbox.claim(now=NOW), clock=lambda: NOW)
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SKIPPED}


def test_sent_deliveries_are_never_claimed_again(deliveries, monkeypatch):
    monkeypatch.setattr(outbox, "_send", lambda delivery, *, now: AttemptOutcome(succeeded=True))
    outbox.send_claimed(outbox.claim(now=NOW), clock=lambda: NOW)
    assert outbox.claim(now=timezone.now() + dt.timedelta(days=30)) == []
