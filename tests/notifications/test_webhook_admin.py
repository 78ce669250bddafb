"""The admin of webhook endpoints and of the outbox: publishers only; an endpoint registered,
edited, enabled again, its secret rotated and pinged through the services; its delivery log on
its page; a disabled endpoint flagged; events, deliveries and subscriptions read-only; query
counts pinned."""

import datetime as dt

import pytest
from django.contrib.admin.models import LogEntry
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from standard_versions.models import (
    EmailAddress,
    Standard,
    Subscription,
    SubscriptionScope,
    WebhookEndpoint,
)
from standard_versions.notifications import webhooks
from standard_versions.roles import EDITORS, PUBLISHERS
from tests.notifications.receiver import Receiver, Reply
from tests.notifications.webhook_helpers import endpoint_for, published_event, worker_turn
from tests.staff import make_user

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
ADMIN = "/admin/standard_versions/"
ENDPOINTS = f"{ADMIN}webhookendpoint/"


def signed_in(username: str, *roles: str) -> Client:
    user = make_user(username, *roles)
    user.is_staff = True
    user.save()
    client = Client()
    assert client.login(username=username, password=f"pw-{username}-long!")
    client.user = user
    return client


@pytest.fixture
def publisher() -> Client:
    return signed_in("penny", PUBLISHERS)


def page_of(endpoint) -> str:
    return f"{ENDPOINTS}{endpoint.pk}/change/"


def messages_on(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize("model", ["webhookendpoint", "event", "delivery", "subscription"])
def test_only_publishers_see_the_notification_admin(client, publisher, model):
    url = f"{ADMIN}{model}/"
    assert client.get(url).status_code == 302  # to the login page
    assert signed_in("ed", EDITORS).get(url).status_code == 403
    assert publisher.get(url).status_code == 200


def test_a_publisher_registers_an_endpoint_in_the_admin(publisher):
    response = publisher.post(
        f"{ENDPOINTS}add/",
        {
            "url": "https://hooks.example.org/a",
            "description": "City",
            "event_kinds": ["period.opened"],
        },
        follow=True,
    )
    assert response.status_code == 200
    endpoint = WebhookEndpoint.objects.get()
    assert (endpoint.url, endpoint.event_kinds) == (
        "https://hooks.example.org/a",
        ["period.opened"],
    )
    assert endpoint.secret.startswith("whsec_")
    # One log entry (the service's), not the admin's own as well.
    assert list(LogEntry.objects.values_list("change_message", flat=True)) == ["Registered"]
    assert endpoint.secret in publisher.get(page_of(endpoint)).content.decode()


def test_a_url_that_is_not_http_is_refused_on_the_form(publisher):
    response = publisher.post(f"{ENDPOINTS}add/", {"url": "ftp://hooks.example.org/"})
    assert response.status_code == 200
    assert "A webhook URL is an http or https URL" in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_the_page_of_an_endpoint_shows_its_delivery_log(publisher, settings):
    settings.NOTIFY_RETRY_BASE_SECONDS = 10
    with Receiver(Reply(500, b"down for maintenance"), Reply(200)) as receiver:
        endpoint = endpoint_for(receiver.url)
        event = published_event(now=NOW)
        worker_turn(NOW)
        worker_turn(NOW + dt.timedelta(seconds=10))
    html = publisher.get(page_of(endpoint)).content.decode()
    assert str(event.event_id) in html
    assert "HTTP 500: down for maintenance" in html
    assert "<td>500</td>" in html and "<td>200</td>" in html


def test_a_disabled_endpoint_is_flagged_and_enabled_again_by_an_action(publisher):
    endpoint = endpoint_for("https://hooks.example.org/a")
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        active=False, consecutive_failures=20, disabled_at=NOW, disabled_reason="20 failures"
    )
    response = publisher.get(ENDPOINTS)
    assert "1 webhook endpoint is disabled" in " ".join(messages_on(response))
    assert "disabled since" in response.content.decode()
    response = publisher.post(
        ENDPOINTS, {"action": "enable_selected", "_selected_action": [endpoint.pk]}, follow=True
    )
    assert "1 endpoint enabled again." in messages_on(response)
    endpoint.refresh_from_db()
    assert (endpoint.active, endpoint.consecutive_failures, endpoint.disabled_at) == (True, 0, None)
    assert LogEntry.objects.filter(change_message="Enabled", user=publisher.user).exists()


def test_rotating_the_secret_gives_a_new_one(publisher):
    endpoint = endpoint_for("https://hooks.example.org/a")
    old = endpoint.secret
    publisher.post(ENDPOINTS, {"action": "rotate_secrets", "_selected_action": [endpoint.pk]})
    endpoint.refresh_from_db()
    assert endpoint.secret != old and endpoint.secret.startswith("whsec_")


def test_a_test_ping_reaches_the_receiver_signed(publisher):
    with Receiver(Reply(204, b"")) as receiver:
        endpoint = endpoint_for(receiver.url)
        response = publisher.post(
            ENDPOINTS, {"action": "ping_selected", "_selected_action": [endpoint.pk]}, follow=True
        )
    (request,) = receiver.requests
    assert request.headers["WWC-Event-Type"] == "ping"
    assert webhooks.verify(
        secret=endpoint.secret,
        header=request.headers["WWC-Signature"],
        body=request.body,
        now=dt.datetime.now(dt.UTC),
    )
    assert any("answered HTTP 204" in message for message in messages_on(response))


def test_the_outbox_pages_are_read_only_and_subscriptions_show_the_address(publisher):
    published_event(now=NOW)
    address = EmailAddress.objects.create(address="reader@example.org", created_at=NOW)
    Subscription.objects.create(
        address=address,
        scope=SubscriptionScope.STANDARD,
        standard=Standard.objects.get(slug="big"),
        created_at=NOW,
    )
    for model in ("event", "delivery", "subscription"):
        html = publisher.get(f"{ADMIN}{model}/").content.decode()
        assert f"{ADMIN}{model}/add/" not in html
    assert "reader@example.org" in publisher.get(f"{ADMIN}subscription/").content.decode()
    assert publisher.post(f"{ADMIN}event/add/", {}).status_code == 403


def test_an_edit_and_a_delete_go_through_the_services_with_one_log_entry_each(publisher):
    endpoint = endpoint_for("https://hooks.example.org/a", kinds=["period.opened"])
    response = publisher.post(
        page_of(endpoint),
        {"url": "https://hooks.example.org/b", "description": "", "event_kinds": []},
    )
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert (endpoint.url, endpoint.event_kinds) == ("https://hooks.example.org/b", [])
    response = publisher.post(f"{ENDPOINTS}{endpoint.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not WebhookEndpoint.objects.exists()
    messages = list(LogEntry.objects.order_by("id").values_list("change_message", flat=True))
    assert messages == ["Changed url, event_kinds", "Deleted"]


def test_the_webhook_admin_speaks_the_staff_members_language(publisher):
    endpoint_for("https://hooks.example.org/a")
    html = publisher.get(ENDPOINTS, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Enviar un ping de prueba" in html
    assert "endpoints de webhook" in html
    html = publisher.get(ENDPOINTS, HTTP_ACCEPT_LANGUAGE="pt-BR").content.decode()
    assert "Enviar um ping de teste" in html


def _subscribe(n: int) -> None:
    address = EmailAddress.objects.create(address=f"r{n}@example.org", created_at=NOW)
    Subscription.objects.create(
        address=address,
        scope=SubscriptionScope.STANDARD,
        standard=Standard.objects.get(slug="big"),
        created_at=NOW,
    )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_query_counts_are_pinned_whatever_the_number_of_rows(publisher, settings):
    settings.NOTIFY_MAX_ATTEMPTS = 1
    first = endpoint_for("http://127.0.0.1:1/a")
    published_event(now=NOW)
    _subscribe(0)
    worker_turn(NOW)
    pages = [ENDPOINTS, page_of(first), f"{ADMIN}event/", f"{ADMIN}delivery/"]
    pages.append(f"{ADMIN}subscription/")
    few = {url: _queries(publisher, url) for url in pages}
    for n in range(4):
        endpoint_for(f"http://127.0.0.1:1/{n}")
        published_event(label=f"8.{n}", now=NOW)
        _subscribe(n + 1)
    worker_turn(NOW)
    many = {url: _queries(publisher, url) for url in pages}
    assert few == many
    # Session and user, roles; the list's count(s) and rows (a warning count for endpoints, the
    # filters' choices of standards); a page's row and its log.
    assert few == {
        ENDPOINTS: 10,
        page_of(first): 8,
        f"{ADMIN}event/": 9,
        f"{ADMIN}delivery/": 8,
        f"{ADMIN}subscription/": 9,
    }
