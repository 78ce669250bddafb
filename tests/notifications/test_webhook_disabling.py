"""An endpoint failing ``WEBHOOK_DISABLE_AFTER`` times in a row, for at least
``WEBHOOK_DISABLE_AFTER_SECONDS``, is disabled: its pending
deliveries fail, publishers and superusers are mailed, and nothing more is fanned out to it
until staff enable it again."""

import datetime as dt

import pytest
from django.test import override_settings

from standard_versions.models import Delivery, DeliveryStatus, Event
from standard_versions.notifications import webhook_endpoints
from standard_versions.roles import EDITORS, PUBLISHERS
from tests.notifications.receiver import Receiver, Reply
from tests.notifications.webhook_helpers import endpoint_for, published_event, worker_turn
from tests.staff import make_user

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def _staff(username: str, *roles: str, email: str, superuser=False, staff=True, active=True):
    user = make_user(username, *roles)
    user.email, user.is_staff, user.is_superuser, user.is_active = email, staff, superuser, active
    user.save()
    return user


@pytest.fixture
def people(db):
    _staff("pub", PUBLISHERS, email="pub@example.org")
    _staff("root", email="root@example.org", superuser=True)
    _staff("ed", EDITORS, email="ed@example.org")
    _staff("gone", PUBLISHERS, email="gone@example.org", active=False)
    _staff("quiet", PUBLISHERS, email="")
    _staff("notstaff", PUBLISHERS, email="ns@example.org", staff=False)


@override_settings(
    WEBHOOK_DISABLE_AFTER=3, WEBHOOK_DISABLE_AFTER_SECONDS=0, NOTIFY_RETRY_BASE_SECONDS=10
)
def test_three_failures_in_a_row_disable_the_endpoint_and_tell_publishers(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    with Receiver(Reply(500, b"broken")) as receiver:
        endpoint = endpoint_for(receiver.url)
        published_event(label="9.0", now=NOW)
        published_event(label="9.1", now=NOW)
        with django_capture_on_commit_callbacks(execute=True):
            worker_turn(NOW)  # two failures
            assert mailoutbox == []
            worker_turn(NOW + dt.timedelta(seconds=10))  # the third disables it
        later = NOW + dt.timedelta(hours=1)
        published_event(label="9.2", now=later)
        worker_turn(later)
    assert len(receiver.requests) == 3
    endpoint.refresh_from_db()
    assert endpoint.active is False
    assert endpoint.disabled_at == NOW + dt.timedelta(seconds=10)
    assert endpoint.disabled_reason == "3 consecutive failures; last: HTTP 500: broken"
    statuses = set(Delivery.objects.filter(endpoint=endpoint).values_list("status", "last_error"))
    assert statuses == {(DeliveryStatus.FAILED, "endpoint disabled")}
    # The event after it was disabled wrote no delivery to it.
    last = Event.objects.latest("id")
    assert not Delivery.objects.filter(event=last, endpoint=endpoint).exists()
    (mail,) = mailoutbox
    assert sorted(mail.to) == ["pub@example.org", "root@example.org"]
    assert receiver.url in mail.subject
    assert "failed 3 times in a row" in mail.body
    assert "HTTP 500: broken" in mail.body


@override_settings(
    WEBHOOK_DISABLE_AFTER=2, WEBHOOK_DISABLE_AFTER_SECONDS=0, NOTIFY_RETRY_BASE_SECONDS=10
)
def test_a_success_between_failures_starts_the_count_again():
    with Receiver(Reply(500), Reply(200), Reply(500), Reply(200)) as receiver:
        endpoint = endpoint_for(receiver.url)
        for n, minutes in enumerate((0, 1, 2, 3)):
            at = NOW + dt.timedelta(minutes=minutes)
            published_event(label=f"9.{n}", now=at)
            worker_turn(at)
        worker_turn(NOW + dt.timedelta(hours=1))
    endpoint.refresh_from_db()
    assert endpoint.active is True
    assert endpoint.consecutive_failures == 0


@override_settings(WEBHOOK_DISABLE_AFTER=1, WEBHOOK_DISABLE_AFTER_SECONDS=0)
def test_enabling_again_forgets_the_failures_and_new_events_reach_it(mailoutbox):
    with Receiver(Reply(500), Reply(200)) as receiver:
        endpoint = endpoint_for(receiver.url)
        published_event(label="9.0", now=NOW)
        worker_turn(NOW)
        endpoint.refresh_from_db()
        assert endpoint.active is False
        webhook_endpoints.enable_endpoint(endpoint_id=endpoint.pk, user=None, now=NOW)
        endpoint.refresh_from_db()
        assert (endpoint.active, endpoint.consecutive_failures) == (True, 0)
        assert endpoint.failing_since is None
        assert (endpoint.disabled_at, endpoint.disabled_reason) == (None, "")
        later = NOW + dt.timedelta(minutes=5)
        published_event(label="9.1", now=later)
        assert worker_turn(later) == 1
    assert len(receiver.requests) == 2


@override_settings(
    WEBHOOK_DISABLE_AFTER=2, WEBHOOK_DISABLE_AFTER_SECONDS=3600, NOTIFY_RETRY_BASE_SECONDS=60
)
def test_many_failures_within_a_short_outage_do_not_disable_it():
    with Receiver(Reply(500)) as receiver:
        endpoint = endpoint_for(receiver.url)
        for n in range(3):
            published_event(label=f"9.{n}", now=NOW)
        worker_turn(NOW)  # three failures in a row, within a second
        endpoint.refresh_from_db()
        assert (endpoint.active, endpoint.consecutive_failures) == (True, 3)
        assert endpoint.failing_since == NOW
        worker_turn(NOW + dt.timedelta(minutes=61))  # still failing an hour later: disabled
    endpoint.refresh_from_db()
    assert endpoint.active is False
