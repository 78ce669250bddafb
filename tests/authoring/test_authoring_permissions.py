"""Permission matrix: every write endpoint for anonymous, a user without a role, an editor and a
publisher. Editors draft and edit; only publishers publish and withdraw."""

import pytest
from rest_framework.test import APIClient

from tests.authoring.conftest import BASE
from tests.staff import client_for

pytestmark = pytest.mark.django_db

# (method, path, body, role needed)
WRITES = [
    (
        "post",
        f"{BASE}/",
        {"label": "3.2", "title": "t", "based_on": "3.1", "reason": "r"},
        "editor",
    ),
    ("patch", f"{BASE}/3.1/criteria/DM7/", {"title": "t", "reason": "r"}, "editor"),
    ("delete", f"{BASE}/3.1/criteria/DM8/", {"reason": "r"}, "editor"),
    (
        "post",
        f"{BASE}/3.1/criteria/",
        {"code": "X1", "title": "t", "description": "d", "practice_area": "DM", "reason": "r"},
        "editor",
    ),
    ("post", f"{BASE}/3.1/practice-areas/", {"code": "XX", "name": "n", "reason": "r"}, "editor"),
    ("patch", f"{BASE}/3.1/practice-areas/DM/", {"name": "n", "reason": "r"}, "editor"),
    ("delete", f"{BASE}/3.1/practice-areas/DM/", {"reason": "r"}, "editor"),
    ("patch", f"{BASE}/3.1/requirements/", {"min_outcome_areas": 0, "reason": "r"}, "editor"),
    ("post", f"{BASE}/3.1/publish/", {"reason": "r"}, "publisher"),
    ("post", f"{BASE}/3.1/withdraw/", {"reason": "r"}, "publisher"),
]
IDS = [f"{method} {path.removeprefix(BASE)}" for method, path, _body, _role in WRITES]


def _call(client, method, path, body):
    return getattr(client, method)(path, body, format="json")


@pytest.mark.parametrize(("method", "path", "body", "role"), WRITES, ids=IDS)
def test_anonymous_writes_are_401(draft, method, path, body, role):
    response = _call(APIClient(), method, path, body)
    assert response.status_code == 401 and response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize(("method", "path", "body", "role"), WRITES, ids=IDS)
def test_users_without_a_role_get_403(draft, outsider, method, path, body, role):
    response = _call(client_for(outsider), method, path, body)
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"


@pytest.mark.parametrize(("method", "path", "body", "role"), WRITES, ids=IDS)
def test_editors_may_edit_but_not_publish(draft, editor_client, method, path, body, role):
    response = _call(editor_client, method, path, body)
    if role == "editor":
        # Allowed: any answer but an authorisation refusal (removing DM refuses for content).
        assert response.status_code not in (401, 403), response.content
    else:
        assert response.status_code == 403


@pytest.mark.parametrize(("method", "path", "body", "role"), WRITES, ids=IDS)
def test_publishers_may_do_everything(draft, publisher_client, method, path, body, role):
    response = _call(publisher_client, method, path, body)
    assert response.status_code not in (401, 403), response.content
    assert response.status_code < 500


def test_token_authentication_works(draft, editor):
    from rest_framework.authtoken.models import Token

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    response = client.patch(
        f"{BASE}/3.1/criteria/DM7/", {"title": "t", "reason": "r"}, format="json"
    )
    assert response.status_code == 200


def test_session_authentication_needs_csrf(draft, editor):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.patch(
        f"{BASE}/3.1/criteria/DM7/", {"title": "t", "reason": "r"}, format="json"
    )
    assert response.status_code == 403
