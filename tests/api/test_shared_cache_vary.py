"""Content that is the same for every reader does not vary on the session cookie, so shared caches
(a CDN, a reverse proxy) can keep one copy; content that may differ by reader still does."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from tests.authoring.conftest import BASE

pytestmark = pytest.mark.django_db

PUBLIC = [
    f"{BASE}/3.0/",
    f"{BASE}/3.0/criteria/DM7/",
    "/api/v1/standards/wwc/diff/?from=2.0&to=3.0",
]


def _vary(response) -> set[str]:
    return {value.strip().lower() for value in response.get("Vary", "").split(",")}


@pytest.fixture
def signed_in_client(client, db):
    client.force_login(User.objects.create_user("sam", password="pw-sam-long-enough!"))
    return client


@pytest.mark.parametrize("path", PUBLIC)
def test_published_content_is_the_same_for_a_signed_in_reader_and_does_not_vary_on_cookie(
    shipped_data, signed_in_client, path
):
    anonymous = signed_in_client.__class__().get(path)
    signed_in = signed_in_client.get(path)
    assert signed_in.status_code == anonymous.status_code == 200
    assert signed_in.content == anonymous.content
    assert signed_in["Cache-Control"] == "public, max-age=3600"
    assert "cookie" not in _vary(signed_in)
    assert {"accept", "accept-language"} <= _vary(signed_in)


def test_a_revalidation_varies_on_the_same_headers_as_the_full_response(shipped_data, client):
    full = client.get(PUBLIC[0])
    again = client.get(PUBLIC[0], HTTP_IF_NONE_MATCH=full["ETag"])
    assert again.status_code == 304
    assert _vary(again) == _vary(full)


def test_a_draft_still_varies_on_cookie(shipped_data, signed_in_client):
    call_command("create_draft", "wwc", "3.0", "3.1", title="3.1", reason="Next", stdout=_Sink())
    response = signed_in_client.get(f"{BASE}/3.1/")
    assert response.status_code == 200 and response["Cache-Control"] == "no-cache"
    assert "cookie" in _vary(response)


def test_the_browsable_api_page_still_varies_on_cookie(shipped_data, signed_in_client):
    response = signed_in_client.get(PUBLIC[0], HTTP_ACCEPT="text/html")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert "cookie" in _vary(response)


class _Sink:
    def write(self, *args):
        pass

    def flush(self):
        pass
