"""A receiver that fails is tried again after the backoff, with the same event id, until it
answers 2xx; a timeout, a refused connection and a redirect are failures, each logged."""

import datetime as dt
import json
import socket

import pytest
from django.test import override_settings

from standard_versions.models import Delivery, DeliveryAttempt, DeliveryStatus
from standard_versions.notifications import outbox, webhooks
from tests.notifications.receiver import Receiver, Reply
from tests.notifications.webhook_helpers import endpoint_for, published_event, worker_turn

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


@override_settings(NOTIFY_RETRY_BASE_SECONDS=30)
def test_a_500_then_a_200_is_retried_after_the_backoff_and_delivered_once():
    with Receiver(Reply(500, b"database down"), Reply(200)) as receiver:
        endpoint = endpoint_for(receiver.url)
        published_event(now=NOW)
        assert worker_turn(NOW) == 0
        delivery = Delivery.objects.get(endpoint=endpoint)
        assert delivery.status == DeliveryStatus.PENDING
        assert delivery.due_at == NOW + dt.timedelta(seconds=30)
        assert delivery.last_error == "HTTP 500: database down"
        assert worker_turn(NOW + dt.timedelta(seconds=29)) == 0  # not due yet
        assert worker_turn(NOW + dt.timedelta(seconds=30)) == 1
        assert worker_turn(NOW + dt.timedelta(hours=2)) == 0
    assert len(receiver.requests) == 2
    first, second = receiver.requests
    assert first.headers["WWC-Event-Id"] == second.headers["WWC-Event-Id"]
    assert json.loads(first.body) == json.loads(second.body)
    assert [r.headers["WWC-Delivery-Attempt"] for r in receiver.requests] == ["1", "2"]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 2)
    log = list(delivery.log.order_by("attempted_at").values_list("succeeded", "status_code"))
    assert log == [(False, 500), (True, 200)]
    endpoint.refresh_from_db()
    assert endpoint.consecutive_failures == 0


@override_settings(NOTIFY_RETRY_BASE_SECONDS=30, NOTIFY_RETRY_MAX_SECONDS=100)
def test_the_backoff_doubles_and_is_capped():
    assert [outbox.retry_delay(n).total_seconds() for n in range(1, 6)] == [30, 60, 100, 100, 100]


@override_settings(WEBHOOK_TIMEOUT_SECONDS=1)
def test_an_answer_slower_than_the_timeout_is_a_failure():
    with Receiver(Reply(200, delay=2.5)) as receiver:
        endpoint = endpoint_for(receiver.url)
        published_event(now=NOW)
        assert worker_turn(NOW) == 0
    attempt = DeliveryAttempt.objects.get(delivery__endpoint=endpoint)
    assert not attempt.succeeded
    assert attempt.status_code is None
    assert attempt.error == "timeout: no answer within 1 s"
    assert 900 <= attempt.duration_ms < 2500


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_refused_connection_is_a_failure_with_its_error():
    endpoint = endpoint_for(f"http://127.0.0.1:{_closed_port()}/hook")
    published_event(now=NOW)
    assert worker_turn(NOW) == 0
    attempt = DeliveryAttempt.objects.get(delivery__endpoint=endpoint)
    assert (attempt.succeeded, attempt.status_code) == (False, None)
    assert attempt.error.startswith("connection error:")


def test_a_redirect_is_not_followed_and_is_a_failure():
    with Receiver(Reply(302, b"", headers={"Location": "http://127.0.0.1:9/elsewhere"})) as r:
        endpoint = endpoint_for(r.url)
        published_event(now=NOW)
        worker_turn(NOW)
    assert len(r.requests) == 1
    attempt = DeliveryAttempt.objects.get(delivery__endpoint=endpoint)
    assert attempt.status_code == 302
    assert attempt.error == "HTTP 302: redirect not followed (http://127.0.0.1:9/elsewhere)"


@override_settings(NOTIFY_MAX_ATTEMPTS=2, NOTIFY_RETRY_BASE_SECONDS=1)
def test_a_delivery_fails_after_the_last_attempt():
    with Receiver(Reply(503, b"")) as receiver:
        endpoint = endpoint_for(receiver.url)
        published_event(now=NOW)
        worker_turn(NOW)
        worker_turn(NOW + dt.timedelta(seconds=5))
        worker_turn(NOW + dt.timedelta(hours=5))
    assert len(receiver.requests) == 2
    delivery = Delivery.objects.get(endpoint=endpoint)
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("failed", 2, "HTTP 503")


def test_sending_never_raises_on_an_unusable_url():
    endpoint = endpoint_for("http://127.0.0.1:1/hook")
    endpoint.url = "http://[::1"  # stored before validation existed, say
    outcome = webhooks.ping(endpoint, now=NOW)
    assert not outcome.succeeded and outcome.error
