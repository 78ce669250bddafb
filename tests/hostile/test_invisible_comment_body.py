"""A comment made only of characters that show nothing is empty: ``comment_body_empty``."""

import pytest

from standard_versions.consultation.comment_text import is_blank
from standard_versions.models import Comment

pytestmark = pytest.mark.django_db

INVISIBLE = [
    "\u200b",  # zero-width space
    "\u2060",  # word joiner
    "\ufeff",  # byte-order mark
    "\u00a0",  # no-break space
    "\u3000",  # ideographic space
    "\u200b\u2060\ufeff\u00a0\u3000 \n\t\u200e\u200f\u3164",
]


@pytest.mark.parametrize("body", INVISIBLE)
def test_an_invisible_comment_is_empty_in_the_api(api_client, open_period, body):
    response = api_client.post(
        f"/api/v1/comment-periods/{open_period.pk}/comments/",
        {"criterion": "DM1", "body": body},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "comment_body_empty"
    assert not Comment.objects.exists()


def test_an_invisible_comment_is_empty_on_the_page(client, open_period):
    response = client.post(
        f"/comment-periods/{open_period.pk}/",
        {"criterion": "DM1", "body": "\u200b\u2060\ufeff", "type": "general", "language": "en"},
    )
    assert response.status_code == 400
    assert not Comment.objects.exists()


@pytest.mark.parametrize("text", ["a", "\u200bok", "日本", "🙂", "\u0301"])
def test_text_with_anything_visible_is_not_blank(text):
    assert not is_blank(text)
