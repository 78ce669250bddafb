"""In a surge, a request that waited longer than SHED_AFTER_MS between the proxy and a worker is
answered at once with 503 ``overloaded`` and ``Retry-After``, in the reader's language, and
stores nothing; probes, requests that did not wait and requests with no proxy header are served."""

import time

import pytest
from django.test import Client

from standard_versions.models import Comment

pytestmark = pytest.mark.django_db


def _started(seconds_ago: float) -> str:
    return f"t={time.time() - seconds_ago:.3f}"


def test_a_comment_that_waited_too_long_is_refused_and_not_stored(open_period):
    response = Client().post(
        f"/api/v1/comment-periods/{open_period.pk}/comments/",
        {"body": "Please keep DM7."},
        content_type="application/json",
        HTTP_X_REQUEST_START=_started(2.0),
        HTTP_IDEMPOTENCY_KEY="surge-1",
    )
    assert response.status_code == 503
    assert response.json()["code"] == "overloaded"
    assert response["Retry-After"] in {"1", "2", "3"}
    assert Comment.objects.count() == 0


def test_the_same_request_again_in_time_is_stored_once(open_period):
    url = f"/api/v1/comment-periods/{open_period.pk}/comments/"
    client = Client()
    late = client.post(
        url,
        {"body": "Please keep DM7."},
        content_type="application/json",
        HTTP_X_REQUEST_START=_started(1.0),
        HTTP_IDEMPOTENCY_KEY="surge-2",
    )
    assert late.status_code == 503
    for _ in range(2):
        again = client.post(
            url,
            {"body": "Please keep DM7."},
            content_type="application/json",
            HTTP_X_REQUEST_START=_started(0.01),
            HTTP_IDEMPOTENCY_KEY="surge-2",
        )
        assert again.status_code in (200, 201)
    assert Comment.objects.count() == 1


def test_the_refusal_is_in_the_readers_language_on_pages_and_in_the_api(shipped_data):
    api = Client().get(
        "/api/v1/standards/", HTTP_X_REQUEST_START=_started(3), HTTP_ACCEPT_LANGUAGE="es"
    )
    assert api.status_code == 503
    assert api["Content-Language"] == "es"
    assert "ocupado" in api.json()["detail"]
    page = Client().get("/?lang=pt-BR", HTTP_X_REQUEST_START=_started(3))
    assert page.status_code == 503
    assert page["Retry-After"] in {"1", "2", "3"}
    assert "text/html" in page["Content-Type"]
    assert "ocupado" in page.content.decode()


@pytest.mark.parametrize("header", ["", "t=", "t=abc", "t=nan", "1700000000.0", "t=-inf"])
def test_a_missing_or_malformed_header_sheds_nothing(shipped_data, header):
    extra = {"HTTP_X_REQUEST_START": header} if header else {}
    assert Client().get("/api/v1/standards/", **extra).status_code == 200


def test_a_request_that_did_not_wait_is_served(shipped_data):
    response = Client().get("/api/v1/standards/", HTTP_X_REQUEST_START=_started(0.05))
    assert response.status_code == 200


@pytest.mark.parametrize("probe", ["/healthz", "/readyz"])
def test_the_probes_are_never_shed(db, probe):
    response = Client().get(probe, HTTP_X_REQUEST_START=_started(60))
    assert response.status_code == 200


def test_zero_turns_shedding_off(shipped_data, settings):
    settings.SHED_AFTER_MS = 0
    response = Client().get("/api/v1/standards/", HTTP_X_REQUEST_START=_started(60))
    assert response.status_code == 200
