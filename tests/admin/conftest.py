"""Staff signed in to the real admin (Django's test client, sessions and CSRF as in a browser)."""

import pytest
from django.test import Client

from standard_versions.roles import EDITORS, PUBLISHERS
from tests.comments.conftest import draft, make_period, open_period  # noqa: F401
from tests.staff import make_user

__all__ = ["make_period"]


def _signed_in(username: str, role: str):
    user = make_user(username, role)
    user.is_staff = True
    user.save()
    client = Client()
    assert client.login(username=username, password=f"pw-{username}-long!")
    client.user = user
    return client


@pytest.fixture
def publisher_admin(db) -> Client:
    return _signed_in("penny", PUBLISHERS)


@pytest.fixture
def editor_admin(db) -> Client:
    return _signed_in("ed", EDITORS)


def messages_on(response) -> list[str]:
    """The admin's messages as the page shows them."""
    return [str(message) for message in response.context["messages"]]
