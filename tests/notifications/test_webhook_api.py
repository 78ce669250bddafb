"""The staff API of webhook endpoints: publishers only (401 anonymous, 403 editors), the secret in
the answer to registering and nowhere else, refusals with their codes, the delivery log, bodies
that match the OpenAPI schema and pinned query counts."""

import datetime as dt

import pytest
from django.contrib.admin.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.models import WebhookEndpoint
from standard_versions.roles import EDITORS, PUBLISHERS
from tests.api.test_bodies_match_the_openapi_schema import _assert_valid, _body_validator
from tests.notifications.receiver import Receiver, Reply
from tests.notifications.webhook_helpers import endpoint_for, published_event, worker_turn
from tests.staff import staff_client

pytestmark = pytest.mark.django_db

LIST = "/api/v1/webhooks/"
NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def publisher():
    return staff_client("pia", PUBLISHERS)


def detail(endpoint_id) -> str:
    return f"{LIST}{endpoint_id}/"


def register(client, **body):
    return client.post(LIST, {"url": "https://hooks.example.org/wwc", **body}, format="json")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", LIST),
        ("post", LIST),
        ("get", "1/"),
        ("patch", "1/"),
        ("delete", "1/"),
        ("get", "1/deliveries/"),
    ],
)
def test_anonymous_callers_are_asked_to_authenticate_and_editors_are_refused(
    api_client, method, path
):
    url = path if path.startswith("/") else LIST + path
    response = getattr(api_client, method)(url, {}, format="json")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"] == "Token"
    editor = staff_client("eddie", EDITORS)
    response = getattr(editor, method)(url, {}, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_a_publisher_registers_an_endpoint_and_sees_its_secret_once(publisher, openapi_schema):
    published_event(standard_slug="wwc", now=NOW)
    response = register(
        publisher, event_kinds=["version.published", "period.opened"], standard="wwc"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    _assert_valid(_body_validator(openapi_schema, "webhooks_create", "201"), body)
    endpoint = WebhookEndpoint.objects.get()
    assert body["secret"] == endpoint.secret and body["secret"].startswith("whsec_")
    # Canonical order, whatever order was sent.
    assert body["event_kinds"] == ["period.opened", "version.published"]
    assert (body["standard"], body["active"]) == ("wwc", True)
    read = publisher.get(detail(endpoint.pk)).json()
    assert "secret" not in read
    _assert_valid(_body_validator(openapi_schema, "webhooks_retrieve", "200"), read)
    listed = publisher.get(LIST).json()
    assert [item["id"] for item in listed["results"]] == [endpoint.pk]
    assert "secret" not in listed["results"][0]
    _assert_valid(_body_validator(openapi_schema, "webhooks_list", "200"), listed)
    entry = LogEntry.objects.get()
    assert (entry.user, entry.object_id, entry.change_message) == (
        publisher.user,
        str(endpoint.pk),
        "Registered",
    )


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"url": "ftp://hooks.example.org/"}, 400, "invalid_webhook_url"),
        ({"url": "not a url"}, 400, "invalid_webhook_url"),
        ({"url": 12}, 400, "invalid"),
        ({"event_kinds": ["comment.received"]}, 400, "invalid"),
        ({"event_kinds": ["no.such.kind"]}, 400, "invalid"),
        ({"standard": "nope"}, 404, "standard_not_found"),
        ({"description": "x" * 201}, 400, "invalid"),
    ],
)
def test_a_registration_is_refused_with_its_code(publisher, body, status, code):
    response = register(publisher, **body)
    assert response.status_code == status, response.content
    assert response.json()["code"] == code
    assert not WebhookEndpoint.objects.exists()


def test_a_patch_changes_only_what_it_names_and_active_true_enables_again(publisher):
    endpoint = endpoint_for("https://hooks.example.org/a", kinds=["period.opened"])
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        active=False, consecutive_failures=20, disabled_at=NOW, disabled_reason="20 failures"
    )
    response = publisher.patch(
        detail(endpoint.pk), {"url": "https://hooks.example.org/b", "active": True}, format="json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["url"] == "https://hooks.example.org/b"
    assert body["event_kinds"] == ["period.opened"]
    assert (body["active"], body["consecutive_failures"], body["disabled_at"]) == (True, 0, None)
    response = publisher.patch(detail(endpoint.pk), {"active": False}, format="json")
    assert response.json()["active"] is False
    assert response.json()["disabled_reason"] == "disabled by staff"
    refused = publisher.patch(detail(endpoint.pk), {"url": "mailto:x@y.z"}, format="json")
    assert refused.json()["code"] == "invalid_webhook_url"


def test_a_patch_of_the_standard_to_null_means_every_standard(publisher):
    published_event(standard_slug="wwc", now=NOW)
    endpoint = endpoint_for("https://hooks.example.org/a", standard_slug="wwc")
    response = publisher.patch(detail(endpoint.pk), {"standard": None}, format="json")
    assert response.json()["standard"] is None


def test_an_unknown_endpoint_is_a_404_with_its_code(publisher):
    calls = (("get", "9/"), ("patch", "9/"), ("delete", "9/"), ("get", "9/deliveries/"))
    for method, path in calls:
        response = getattr(publisher, method)(LIST + path, {}, format="json")
        assert response.status_code == 404
        assert response.json()["code"] == "webhook_not_found"


def test_delete_removes_the_endpoint(publisher):
    endpoint = endpoint_for("https://hooks.example.org/a")
    assert publisher.delete(detail(endpoint.pk)).status_code == 204
    assert not WebhookEndpoint.objects.exists()
    assert LogEntry.objects.get().change_message == "Deleted"


def test_the_delivery_log_lists_every_try_newest_first(publisher, openapi_schema, settings):
    settings.NOTIFY_RETRY_BASE_SECONDS = 10
    with Receiver(Reply(500, b"no"), Reply(200)) as receiver:
        endpoint = endpoint_for(receiver.url)
        event = published_event(now=NOW)
        worker_turn(NOW)
        worker_turn(NOW + dt.timedelta(seconds=10))
    body = publisher.get(f"{detail(endpoint.pk)}deliveries/").json()
    _assert_valid(_body_validator(openapi_schema, "webhooks_deliveries_list", "200"), body)
    rows = [
        (row["event_id"], row["event_type"], row["succeeded"], row["status_code"], row["error"])
        for row in body["results"]
    ]
    event_id = str(event.event_id)
    assert rows == [
        (event_id, "version.published", True, 200, ""),
        (event_id, "version.published", False, 500, "HTTP 500: no"),
    ]
    assert {row["delivery_status"] for row in body["results"]} == {"sent"}


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_query_counts_are_pinned_whatever_the_number_of_rows(publisher, settings):
    settings.NOTIFY_MAX_ATTEMPTS = 1
    published_event(standard_slug="wwc", now=NOW)
    first = endpoint_for("http://127.0.0.1:1/a", standard_slug="wwc")
    published_event(now=NOW)
    worker_turn(NOW)
    few = {path: _queries(publisher, path) for path in (LIST, detail(first.pk))}
    log_path = f"{detail(first.pk)}deliveries/"
    few[log_path] = _queries(publisher, log_path)
    for n in range(5):
        endpoint_for(f"http://127.0.0.1:1/{n}", standard_slug="wwc")
        published_event(standard_slug="wwc", label=f"8.{n}", now=NOW)
    worker_turn(NOW)
    many = {path: _queries(publisher, path) for path in few}
    # Token and user, roles, then count and page (lists) or the row (detail).
    assert few == many == {LIST: 4, detail(first.pk): 3, log_path: 5}
