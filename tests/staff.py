"""Staff users and API clients authenticated as them, for every test folder.

``make_user`` gives a user the named roles (Django groups); ``client_for`` authenticates an API
client as a user without a token; ``token_client`` sends a real token, as staff clients do.
Both clients carry ``.user``.
"""

from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


def make_user(username: str, *roles: str) -> User:
    user = User.objects.create_user(username=username, password="pw-" + username + "-long!")
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def client_for(user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    client.user = user
    return client


def token_client(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    client.user = user
    return client


def staff_client(username: str, *roles: str) -> APIClient:
    """A token client of a new user with ``roles``."""
    return token_client(make_user(username, *roles))
