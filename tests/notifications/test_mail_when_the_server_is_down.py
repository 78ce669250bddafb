"""A mail server that is down is an outcome, never an exception: the delivery is due again
after the backoff, and goes out once when the server is back (with the same Message-ID)."""

import datetime as dt

from django.utils import timezone

from standard_versions.consultation.comments import submit_comment
from standard_versions.models import Delivery, DeliveryAttempt, DeliveryStatus
from standard_versions.notifications import mail, outbox
from tests.notifications import smtp

# The shared fixtures (tests/notifications/smtp.py).
draft = smtp.draft
mailbox = smtp.mailbox
period = smtp.period


def test_a_stopped_server_fails_the_attempt_and_the_receipt_goes_out_once_it_is_back(
    settings, mailbox, period
):
    settings.NOTIFY_RETRY_BASE_SECONDS = 30
    now = timezone.now()
    submit_comment(period_id=period.pk, body="Mine", email="ana@example.org", now=now)
    outbox.fan_out(now=now)
    delivery = Delivery.objects.get()
    mailbox.stop()
    outcome = mail.send_delivery(delivery, now=now)
    assert not outcome.succeeded
    assert outcome.error
    assert outbox.send_claimed(outbox.claim(now=now), clock=lambda: now) == 0
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 1)
    assert delivery.due_at == now + dt.timedelta(seconds=30)
    assert outbox.claim(now=now + dt.timedelta(seconds=29)) == []
    mailbox.start()
    later = now + dt.timedelta(seconds=30)
    assert outbox.send_claimed(outbox.claim(now=later), clock=lambda: later) == 1
    assert outbox.claim(now=later + dt.timedelta(hours=1)) == []
    (message,) = mailbox.messages
    assert message["Message-ID"].strip() == mail.message_id(
        str(delivery.event.event_id), address="ana@example.org"
    )
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 2)
    assert [a.succeeded for a in DeliveryAttempt.objects.order_by("id")] == [False, True]


def test_a_port_nobody_listens_on_is_a_failed_outcome_too(settings, mailbox, period):
    settings.EMAIL_PORT = smtp.free_port()  # nobody listens there
    now = timezone.now()
    submit_comment(period_id=period.pk, body="Mine", email="ana@example.org", now=now)
    outbox.fan_out(now=now)
    outcome = mail.send_delivery(Delivery.objects.get(), now=now)
    assert not outcome.succeeded
    assert "Error" in outcome.error or "refused" in outcome.error.lower()
