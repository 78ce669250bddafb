"""A real event reaches a real HTTP receiver as signed JSON: the body as documented, its headers,
a signature that verifies, once per event and endpoint."""

import datetime as dt
import json

import pytest

from standard_versions.models import Delivery, DeliveryStatus
from standard_versions.notifications import webhooks
from tests.notifications.receiver import Receiver
from tests.notifications.webhook_helpers import endpoint_for, published_event, worker_turn

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 1, 12, 0, 0, 250000, tzinfo=dt.UTC)


def test_a_published_version_is_posted_to_the_receiver_with_the_documented_body():
    with Receiver() as receiver:
        endpoint = endpoint_for(receiver.url)
        event = published_event(now=NOW)
        assert worker_turn(NOW) == 1
    (request,) = receiver.requests
    assert request.path == "/hook"
    assert json.loads(request.body) == {
        "id": str(event.event_id),
        "type": "version.published",
        "created": "2026-12-01T12:00:00.250000Z",
        "data": {"standard": "big", "version": "9.0"},
    }
    # Compact and sorted: the bytes a receiver verifies are the bytes it was sent.
    assert (
        request.body
        == json.dumps(json.loads(request.body), separators=(",", ":"), sort_keys=True).encode()
    )
    delivery = Delivery.objects.get(endpoint=endpoint)
    assert (delivery.status, delivery.attempts, delivery.sent_at) == (DeliveryStatus.SENT, 1, NOW)
    (attempt,) = delivery.log.all()
    assert (attempt.succeeded, attempt.status_code, attempt.error) == (True, 200, "")


def test_the_headers_name_the_event_its_type_the_attempt_and_the_signature():
    with Receiver() as receiver:
        endpoint = endpoint_for(receiver.url)
        event = published_event(now=NOW)
        worker_turn(NOW)
    headers = receiver.requests[0].headers
    assert headers["Content-Type"] == "application/json"
    assert headers["User-Agent"] == "wwc-standard-webhooks/1"
    assert headers["WWC-Event-Id"] == str(event.event_id)
    assert headers["WWC-Event-Type"] == "version.published"
    assert headers["WWC-Delivery-Attempt"] == "1"
    timestamp = int(NOW.timestamp())
    assert headers["WWC-Signature"].startswith(f"t={timestamp},v1=")
    assert webhooks.verify(
        secret=endpoint.secret,
        header=headers["WWC-Signature"],
        body=receiver.requests[0].body,
        now=NOW,
    )


def test_a_worker_turn_later_sends_nothing_again():
    with Receiver() as receiver:
        endpoint_for(receiver.url)
        published_event(now=NOW)
        worker_turn(NOW)
        assert worker_turn(NOW + dt.timedelta(hours=1)) == 0
    assert len(receiver.requests) == 1


def test_every_endpoint_gets_its_own_delivery_signed_with_its_own_secret():
    with Receiver() as first, Receiver() as second:
        endpoints = [endpoint_for(first.url), endpoint_for(second.url)]
        published_event(now=NOW)
        assert worker_turn(NOW) == 2
    for endpoint, receiver in zip(endpoints, (first, second), strict=True):
        (request,) = receiver.requests
        header = request.headers["WWC-Signature"]
        assert webhooks.verify(secret=endpoint.secret, header=header, body=request.body, now=NOW)
    other = endpoints[1].secret
    request = first.requests[0]
    header = request.headers["WWC-Signature"]
    assert not webhooks.verify(secret=other, header=header, body=request.body, now=NOW)
