"""The switcher's target, ``/language/``: it remembers the reader's choice in Django's language
cookie and comes back to the same page and query in that language, never to another site."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


def test_choosing_a_language_sets_the_cookie_and_returns_to_the_page_with_its_query(client):
    response = client.get(
        "/language/", {"lang": "es", "next": "/standards/wwc/compare/?from=2.0&to=3.0&lang=en"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/standards/wwc/compare/?lang=es&from=2.0&to=3.0"
    cookie = response.cookies[COOKIE]
    assert cookie.value == "es"
    assert cookie["max-age"] == 365 * 24 * 3600
    assert cookie["path"] == "/"
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("tag", ["pt-BR", "pt_BR", "pt-br", "PT"])
def test_brazilian_portuguese_is_remembered_in_djangos_spelling(client, tag):
    response = client.get("/language/", {"lang": tag, "next": "/"})
    assert response["Location"] == "/?lang=pt-BR"
    assert response.cookies[COOKIE].value == "pt-br"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http://testserver/",  # this host, but not a path: only paths are accepted
        "",
    ],
)
def test_a_next_that_is_not_a_path_on_this_site_goes_to_the_home_page(client, next_url):
    response = client.get("/language/", {"lang": "es", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/?lang=es"


def test_a_language_we_do_not_speak_changes_nothing(client):
    response = client.get("/language/", {"lang": "klingon", "next": "/standards/wwc/compare/"})
    assert response["Location"] == "/standards/wwc/compare/"
    assert COOKIE not in response.cookies


def test_control_characters_in_next_cannot_split_the_headers(client):
    response = client.get("/language/", {"lang": "es", "next": "/a\r\nSet-Cookie: x=1"})
    assert response.status_code == 302
    assert "\n" not in response["Location"] and "\r" not in response["Location"]
    assert "x" not in response.cookies


def test_only_get_and_head_are_accepted(client):
    response = client.post("/language/", {"lang": "es", "next": "/"})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
