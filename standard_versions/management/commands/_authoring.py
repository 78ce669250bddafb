"""Shared parts of the authoring commands."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


def add_user_argument(parser) -> None:
    parser.add_argument(
        "--user", default=None, help="Username recorded in the history as the one acting."
    )


def acting_user(username: str | None):
    if not username:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"There is no user {username}.")
    return user
