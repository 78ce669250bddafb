"""A daily subscriber gets one mail a day with everything new, grouped by standard and
criterion, in their language; immediate subscribers get their mails at once and are not in a
digest; a digest that cannot be sent is due again after the backoff and goes out once."""

import datetime as dt

from django.utils import timezone

from standard_versions.consultation.periods import extend_period
from standard_versions.models import Delivery, DeliveryAttempt, DeliveryStatus
from standard_versions.notifications import digests, recipients, subscriptions
from standard_versions.standards.criteria import update_criterion
from tests.notifications import smtp
from tests.notifications.smtp import DAY, drain, html_of, text_of

# The shared fixtures (tests/notifications/smtp.py).
draft = smtp.draft
mailbox = smtp.mailbox
period = smtp.period

DAILY = "daily@example.org"
IMMEDIATE = "now@example.org"


def _follow(email, *, now, frequency, **target):
    subscription = subscriptions.subscribe(
        email=email, standard_slug="big", frequency=frequency, now=now, **target
    )
    return subscriptions.confirm(token=subscriptions.confirm_token(subscription), now=now)


def _changes(draft, period, now):
    extend_period(period_id=period.pk, closes_at=now + 9 * DAY, user=None, reason="r", now=now)
    update_criterion(version=draft, code="A0.0", title="New title", user=None, reason="r", now=now)
    update_criterion(version=draft, code="A0.1", title="Other", user=None, reason="r", now=now)


def test_several_events_make_one_digest_grouped_by_standard_and_criterion(mailbox, draft, period):
    now = timezone.now()
    _follow(DAILY, now=now, frequency="daily")
    _follow(DAILY, now=now, frequency="daily", criterion_key="k0")
    _follow(IMMEDIATE, now=now, frequency="immediate")
    drain(now)  # the opening: the immediate one's mail now, the daily one's in the digest
    _changes(draft, period, now)
    drain(now)
    assert [m["Subject"] for m in mailbox.to(IMMEDIATE)] == [
        "Comments are open on Big Standard 9.0",
        "The comment period on Big Standard 9.0 was extended",
    ]
    assert mailbox.to(DAILY) == []
    due = recipients.next_digest_at(now)
    drain(due - dt.timedelta(seconds=1))
    assert mailbox.to(DAILY) == []
    drain(due)
    (digest,) = mailbox.to(DAILY)
    assert digest["Subject"] == "Your daily digest"
    text = text_of(digest)
    assert "3 pieces of news since your last digest." in text
    assert text.index("== Big Standard ==") < text.index("Comments are open")
    assert text.index("was extended") < text.index("-- Criterion A0.0 --")
    assert "Criterion A0.1" not in text  # not followed
    assert "<h2" in html_of(digest)
    # Several subscriptions in one mail: the one-click header leaves every one of the address.
    assert "/unsubscribe/all/" in digest["List-Unsubscribe"]
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert set(
        Delivery.objects.filter(address__address=DAILY).values_list("status", flat=True)
    ) == {DeliveryStatus.SENT}
    drain(due + DAY)
    assert len(mailbox.to(DAILY)) == 1  # sent once


def test_a_digest_is_in_the_subscribers_language(mailbox, draft, period):
    now = timezone.now()
    subscription = subscriptions.subscribe(
        email=DAILY, standard_slug="big", frequency="daily", language="es", now=now
    )
    subscriptions.confirm(token=subscriptions.confirm_token(subscription), now=now)
    drain(now)
    drain(recipients.next_digest_at(now))
    (digest,) = mailbox.to(DAILY)
    assert digest["Content-Language"] == "es"
    assert digest["Subject"] == "Su resumen diario"
    assert "1 novedad desde su último resumen." in text_of(digest)
    assert "hora de Nueva York" in text_of(digest)


def test_a_digest_that_cannot_be_sent_is_due_again_after_the_backoff_and_sent_once(
    settings, mailbox, draft, period
):
    settings.NOTIFY_RETRY_BASE_SECONDS = 60
    now = timezone.now()
    _follow(DAILY, now=now, frequency="daily")
    drain(now)
    due = recipients.next_digest_at(now)
    mailbox.stop()
    assert digests.send_due_digests(clock=lambda: due) == 0
    (delivery,) = Delivery.objects.filter(address__address=DAILY, event__kind="period.opened")
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DIGEST, 1)
    assert delivery.due_at == due + dt.timedelta(seconds=60)
    assert "Connection" in delivery.last_error or "refused" in delivery.last_error.lower()
    (attempt,) = DeliveryAttempt.objects.filter(delivery=delivery)
    assert not attempt.succeeded
    mailbox.start()
    assert digests.send_due_digests(clock=lambda: due + dt.timedelta(seconds=30)) == 0
    assert digests.send_due_digests(clock=lambda: due + dt.timedelta(seconds=61)) == 1
    assert digests.send_due_digests(clock=lambda: due + dt.timedelta(seconds=120)) == 0
    assert len(mailbox.to(DAILY)) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 2)


def test_a_digest_whose_claim_runs_out_is_left_for_the_next_claim(mailbox, draft, period):
    now = timezone.now()
    _follow(DAILY, now=now, frequency="daily")
    drain(now)
    due = recipients.next_digest_at(now)
    ids = digests.claim(now=due)
    late = due + dt.timedelta(seconds=digests.CLAIM_SECONDS)
    by_address = digests._claimed(ids)
    assert digests._send_one(by_address, clock=lambda: late) is False
    assert mailbox.to(DAILY) == []
    assert digests.send_due_digests(clock=lambda: late + dt.timedelta(seconds=1)) == 1
