"""Every change someone may want to hear about writes an event in its own transaction, and the
outbox fans each event out to its deliveries once."""

import datetime as dt

import pytest
from django.utils import timezone

from standard_versions.consultation.comments import submit_comment
from standard_versions.consultation.moderation import moderate_comment, respond_to_comment
from standard_versions.consultation.periods import close_period_early, extend_period
from standard_versions.models import (
    Delivery,
    EmailAddress,
    Event,
    EventKind,
    Subscription,
    SubscriptionScope,
)
from standard_versions.notifications import events, outbox
from standard_versions.standards.criteria import update_criterion
from tests.notifications import smtp

DAY = dt.timedelta(days=1)


# The shared fixtures (tests/notifications/smtp.py): a draft "big 9.0", a period open 5 days.
draft = smtp.draft
period = smtp.period


def kinds() -> list[str]:
    return list(Event.objects.order_by("id").values_list("kind", flat=True))


def test_extending_and_closing_a_period_write_one_event_each(period):
    now = timezone.now()
    extend_period(period_id=period.pk, closes_at=now + 9 * DAY, user=None, reason="More", now=now)
    close_period_early(period_id=period.pk, user=None, reason="Done", now=now + DAY)
    assert kinds() == [EventKind.PERIOD_EXTENDED, EventKind.PERIOD_CLOSED_EARLY]
    extended = Event.objects.get(kind=EventKind.PERIOD_EXTENDED)
    assert extended.occurred_at == now
    assert extended.payload["period"]["timezone"] == "America/New_York"
    assert extended.payload["reason"] == "More"


def test_a_refused_change_writes_no_event(period):
    now = timezone.now()
    with pytest.raises(Exception):  # noqa: B017 (any refusal: the point is what is left)
        extend_period(period_id=period.pk, closes_at=now - DAY, user=None, reason="x", now=now)
    assert kinds() == []


def test_the_clock_announces_an_open_period_once_and_its_deadline_within_48_hours(period):
    now = timezone.now()
    assert events.record_clock_events(now=now) == 1
    assert events.record_clock_events(now=now) == 0
    assert events.record_clock_events(now=now + 4 * DAY) == 1
    assert kinds() == [EventKind.PERIOD_OPENED, EventKind.PERIOD_CLOSING_SOON]
    closing = Event.objects.get(kind=EventKind.PERIOD_CLOSING_SOON)
    assert closing.occurred_at == period.closes_at - 2 * DAY


def test_an_extension_announces_the_new_deadline_again(period):
    now = timezone.now()
    events.record_clock_events(now=now + 4 * DAY)
    extend_period(
        period_id=period.pk, closes_at=now + 10 * DAY, user=None, reason="More", now=now + 4 * DAY
    )
    assert events.record_clock_events(now=now + 9 * DAY) == 1
    assert kinds().count(EventKind.PERIOD_CLOSING_SOON) == 2


def test_a_text_change_of_a_draft_criterion_is_an_event_of_its_permanent_key(draft):
    now = timezone.now()
    update_criterion(version=draft, code="A0.0", title="New", user=None, reason="r", now=now)
    update_criterion(version=draft, code="A0.0", position=9, user=None, reason="r", now=now)
    (event,) = Event.objects.all()
    assert (event.kind, event.criterion_key) == (EventKind.CRITERION_CHANGED, "k0")


def test_a_response_is_announced_when_it_becomes_public_and_the_report_once(period):
    now = timezone.now()
    comments = [
        submit_comment(period_id=period.pk, body=f"Comment {n}", now=now).comment for n in range(2)
    ]
    for comment in comments:
        respond_to_comment(
            tracking_id=comment.tracking_id,
            disposition="noted",
            response="Thanks",
            user=None,
            now=now,
        )
    assert kinds() == []  # not public yet
    for comment in comments:
        moderate_comment(tracking_id=comment.tracking_id, state="published", user=None, now=now)
    assert kinds() == [
        EventKind.RESPONSE_PUBLISHED,
        EventKind.REPORT_PUBLISHED,
        EventKind.RESPONSE_PUBLISHED,
    ]


def test_a_comment_with_an_address_gets_a_receipt_and_an_unconfirmed_subscription(period):
    now = timezone.now()
    submit_comment(period_id=period.pk, body="Mine", email="Ana@Example.org", now=now)
    submit_comment(period_id=period.pk, body="Anonymous", now=now)
    assert kinds() == [EventKind.COMMENT_RECEIVED]
    assert outbox.fan_out(now=now) == 1
    assert outbox.fan_out(now=now) == 0
    (delivery,) = Delivery.objects.all()
    assert delivery.address == EmailAddress.objects.get(address="ana@example.org")
    subscription = delivery.subscription
    assert subscription.scope == SubscriptionScope.COMMENT
    assert subscription.confirmed_at is None
    assert Subscription.objects.count() == 1


def test_fanning_out_goes_only_to_confirmed_subscriptions_one_mail_per_address(period, draft):
    now = timezone.now()
    address = EmailAddress.objects.create(address="a@example.org", created_at=now)
    other = EmailAddress.objects.create(address="b@example.org", created_at=now)
    common = {"standard": draft.standard, "created_at": now}
    Subscription.objects.create(
        address=address, scope="criterion", criterion_key="k0", confirmed_at=now, **common
    )
    Subscription.objects.create(
        address=address, scope="standard", confirmed_at=now, frequency="daily", **common
    )
    Subscription.objects.create(address=other, scope="criterion", criterion_key="k0", **common)
    update_criterion(version=draft, code="A0.0", title="New", user=None, reason="r", now=now)
    extend_period(period_id=period.pk, closes_at=now + 9 * DAY, user=None, reason="r", now=now)
    outbox.fan_out(now=now)
    deliveries = Delivery.objects.order_by("id")
    assert [(d.event.kind, d.subscription.scope, d.status) for d in deliveries] == [
        (EventKind.CRITERION_CHANGED, "criterion", "pending"),
        (EventKind.PERIOD_EXTENDED, "standard", "digest"),
    ]


def test_one_batch_of_receipts_keeps_to_the_daily_limit_of_an_unconfirmed_address(period, settings):
    settings.UNVERIFIED_RECEIPTS_PER_DAY = 3
    now = timezone.now()
    for n in range(5):
        submit_comment(period_id=period.pk, body=f"Flood {n}", email="x@example.org", now=now)
    submit_comment(period_id=period.pk, body="Other", email="y@example.org", now=now)
    assert outbox.fan_out(now=now) == 6
    statuses = list(
        Delivery.objects.filter(address__address="x@example.org")
        .order_by("id")
        .values_list("status", flat=True)
    )
    assert statuses == ["pending"] * 3 + ["skipped"] * 2
    assert Delivery.objects.get(address__address="y@example.org").status == "pending"
    assert Subscription.objects.count() == 6
