"""A form body that is not UTF-8 is refused on the page, as the API refuses it, with the text
given back; nothing is stored with replacement characters."""

import pytest

from standard_versions.models import Comment

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"


def _post(client, period, body: bytes):
    return client.generic("POST", f"/comment-periods/{period.pk}/", body, content_type=FORM)


def test_invalid_utf8_in_the_comment_is_refused_and_the_text_given_back(client, open_period):
    response = _post(
        client, open_period, b"criterion=DM1&type=general&language=en&body=Caf%E9+ol%C3%A9+please"
    )
    assert response.status_code == 400
    assert not Comment.objects.exists()
    html = response.content.decode()
    assert "not valid UTF-8" in html
    assert "ol\u00e9 please" in html


def test_invalid_utf8_is_refused_in_the_readers_language(client, open_period):
    response = client.generic(
        "POST",
        f"/comment-periods/{open_period.pk}/?lang=es",
        b"criterion=DM1&body=%FF%FE",
        content_type=FORM,
    )
    assert response.status_code == 400
    assert "not valid UTF-8" not in response.content.decode()


def test_valid_utf8_with_accents_is_stored(client, open_period):
    response = _post(client, open_period, b"criterion=DM1&type=general&language=en&body=Caf%C3%A9")
    assert response.status_code == 303
    assert Comment.objects.get().body == "Caf\u00e9"


def test_the_api_refuses_the_same_bytes(api_client, open_period):
    response = api_client.generic(
        "POST",
        f"/api/v1/comment-periods/{open_period.pk}/comments/",
        b'{"criterion": "DM1", "body": "Caf\xe9"}',
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
