"""Every request body, multipart included, is capped before it is read: 413; a body sent without
a length is read when the server de-chunks it, else 411 saying why."""

import io
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from backend.wsgi import application
from standard_versions.models import Comment

pytestmark = pytest.mark.django_db


class UnreadableBody(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def readable(self):
        return True

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = readinto = read


def _call(environ: dict) -> tuple[str, dict, bytes]:
    """Call the real WSGI application, as Django's test client does, without letting the end of
    the request close the test's database connection (on PostgreSQL that ends its transaction)."""
    setup_testing_defaults(environ)
    environ.setdefault("HTTP_HOST", "testserver")
    environ.setdefault("SERVER_NAME", "testserver")
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = application(environ, start_response)
        body = b"".join(response)
        response.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], body


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/comment-periods/{pk}/", "multipart/form-data; boundary=xyz"),
        ("/comment-periods/{pk}/", "application/x-www-form-urlencoded"),
        ("/api/v1/comment-periods/{pk}/comments/", "application/json"),
        ("/", "multipart/form-data; boundary=xyz"),
    ],
)
def test_a_declared_body_over_the_cap_is_413_before_any_byte_is_read(
    open_period, settings, path, content_type
):
    status, headers, _ = _call(
        {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": path.format(pk=open_period.pk),
            "CONTENT_TYPE": content_type,
            "CONTENT_LENGTH": str(200 * 1024 * 1024),
            "wsgi.input": UnreadableBody(),
        }
    )
    assert status.startswith("413")
    assert headers["Connection"] == "close"
    assert not Comment.objects.exists()


def test_the_api_413_is_the_json_error_in_the_readers_language(client, open_period):
    response = client.post(
        f"/api/v1/comment-periods/{open_period.pk}/comments/?lang=es",
        b"x" * 300_000,
        content_type="application/json",
    )
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"
    assert "request body is larger" not in response.json()["detail"]


def test_the_pages_413_is_a_page_of_the_site(client, open_period):
    response = client.post(
        f"/comment-periods/{open_period.pk}/",
        {"body": "x" * 300_000, "criterion": "DM1"},
    )
    assert response.status_code == 413
    assert "text/html" in response["Content-Type"]
    assert not Comment.objects.exists()


def test_a_small_multipart_upload_to_the_form_is_read_as_the_form(client, open_period):
    upload = io.BytesIO(b"ignored file")
    upload.name = "notes.txt"
    response = client.post(
        f"/comment-periods/{open_period.pk}/",
        {"body": "With a file.", "criterion": "DM1", "type": "general", "file": upload},
    )
    # Under the cap a multipart form is a form like any other (the test client skips CSRF).
    assert response.status_code == 303
    assert Comment.objects.get().body == "With a file."


def test_a_chunked_body_is_read_when_the_server_has_de_chunked_it(open_period):
    payload = b'{"criterion": "DM1", "body": "Sent in chunks."}'
    status, _, body = _call(
        {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": f"/api/v1/comment-periods/{open_period.pk}/comments/",
            "CONTENT_TYPE": "application/json",
            "HTTP_TRANSFER_ENCODING": "chunked",
            "wsgi.input": io.BytesIO(payload),
            "wsgi.input_terminated": True,
        }
    )
    assert status.startswith("201"), body
    assert Comment.objects.get().body == "Sent in chunks."


def test_a_chunked_body_over_the_cap_is_413(open_period, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048
    status, _, _ = _call(
        {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": f"/api/v1/comment-periods/{open_period.pk}/comments/",
            "CONTENT_TYPE": "application/json",
            "HTTP_TRANSFER_ENCODING": "chunked",
            "wsgi.input": io.BytesIO(b'{"body": "' + b"x" * 10_000 + b'"}'),
            "wsgi.input_terminated": True,
        }
    )
    assert status.startswith("413")
    assert not Comment.objects.exists()


def test_a_chunked_body_the_server_cannot_end_is_411_saying_why(open_period):
    status, _, body = _call(
        {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": f"/api/v1/comment-periods/{open_period.pk}/comments/",
            "CONTENT_TYPE": "application/json",
            "HTTP_TRANSFER_ENCODING": "chunked",
            "wsgi.input": UnreadableBody(),
        }
    )
    assert status.startswith("411")
    assert b"length_required" in body
    assert b"Content-Length" in body
