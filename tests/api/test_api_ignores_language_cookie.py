"""The site's language cookie never reaches the API: its JSON follows ``?lang=`` then
``Accept-Language`` only, so a published body is the same for every reader and shared caches
never vary on cookies for it."""

import pytest
from django.conf import settings
from django.test import Client

from tests.authoring.conftest import BASE

pytestmark = pytest.mark.django_db


def _vary(response) -> set[str]:
    return {value.strip().lower() for value in response.get("Vary", "").split(",")}


def _with_cookie(language: str) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.mark.parametrize("path", [f"{BASE}/3.0/", f"{BASE}/3.0/criteria/DM7/", "/api/v1/nope/"])
def test_the_api_answers_in_the_browsers_language_whatever_the_cookie_says(shipped_data, path):
    response = _with_cookie("es").get(path, HTTP_ACCEPT_LANGUAGE="pt-BR")
    assert response["Content-Language"] == "pt-BR"
    assert "cookie" not in _vary(response)


def test_a_published_body_is_the_same_with_or_without_the_cookie(shipped_data):
    plain = Client().get(f"{BASE}/3.0/")
    with_cookie = _with_cookie("es").get(f"{BASE}/3.0/")
    assert with_cookie["Content-Language"] == "en"
    assert with_cookie.content == plain.content
    assert with_cookie["ETag"] == plain["ETag"]
