"""Staff users with roles, and API clients authenticated as them."""

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from standard_versions.models import Version
from standard_versions.roles import EDITORS, PUBLISHERS
from tests.staff import client_for, make_user

BASE = "/api/v1/standards/wwc/versions"


@pytest.fixture
def editor(db) -> User:
    return make_user("eddie", EDITORS)


@pytest.fixture
def publisher(db) -> User:
    return make_user("pat", PUBLISHERS)


@pytest.fixture
def outsider(db) -> User:
    return make_user("olive")


@pytest.fixture
def editor_client(editor) -> APIClient:
    return client_for(editor)


@pytest.fixture
def publisher_client(publisher) -> APIClient:
    return client_for(publisher)


@pytest.fixture
def draft(shipped_data, editor_client):
    """The draft 3.1 of WWC, based on 3.0, made through the API (a ``draft`` fixture is a draft
    Version in every folder)."""
    response = editor_client.post(
        f"{BASE}/",
        {"label": "3.1", "title": "Version 3.1", "based_on": "3.0", "reason": "Next version"},
        format="json",
    )
    assert response.status_code == 201, response.content
    return Version.objects.get(standard__slug="wwc", label=response.json()["label"])
