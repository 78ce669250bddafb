"""Errors: JSON for the API's paths (as before), a friendly HTML page for the public site."""

import pytest
from django.test import Client
from django.urls import path

from backend import urls as root_urls

pytestmark = pytest.mark.django_db


def test_an_unknown_api_path_still_answers_json(client):
    response = client.get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "detail": "No such page."}


def test_an_unknown_page_answers_friendly_html(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert 'href="/language/?lang=pt-BR&amp;next=/no/such/page/"' in html
    # Django's own 404 message (which can name URL patterns) is not shown.
    assert "Resolver" not in html and "tried" not in html


def _boom(request):
    raise RuntimeError("boom")


@pytest.fixture
def failing_routes(monkeypatch):
    monkeypatch.setattr(
        root_urls,
        "urlpatterns",
        [path("boom/", _boom), path("api/boom/", _boom), *root_urls.urlpatterns],
    )
    from django.urls import clear_url_caches

    clear_url_caches()
    yield
    clear_url_caches()


def test_a_server_error_on_a_page_answers_friendly_html(failing_routes):
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    assert "<h1>Server error</h1>" in response.content.decode()


def test_a_server_error_on_the_api_answers_json(failing_routes):
    response = Client(raise_request_exception=False).get("/api/boom/")
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
