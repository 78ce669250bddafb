"""CORS: a page on any origin (a city's portal) may read the public API from the browser; writes
and staff-only reads get no CORS headers, so browsers refuse them across origins."""

import pytest
from rest_framework.test import APIClient

from tests.comments.conftest import make_period, submit
from tests.factories import build_version
from tests.staff import staff_client

pytestmark = pytest.mark.django_db

ORIGIN = "https://portal.city.example"
STD = "/api/v1/standards/big"


@pytest.fixture
def published(db):
    """A published ``big 8.0`` and a draft ``big 9.0`` with an open period and one comment."""
    build_version(standard_slug="big", label="8.0", criteria=4, areas=2)
    draft = build_version(standard_slug="big", label="9.0", criteria=4, areas=2, status="draft")
    period = make_period(draft)
    receipt = submit(APIClient(), period, criterion="A0.0", body="More detail, please.")
    assert receipt.status_code == 201
    return {"period": period.pk, "tracking": receipt.json()["tracking_id"]}


PUBLIC_READS = [
    "/api/v1/standards/",
    f"{STD}/",
    f"{STD}/versions/",
    f"{STD}/versions/9.0/",
    f"{STD}/versions/9.0/criteria/",
    f"{STD}/versions/9.0/criteria/A0.0/",
    f"{STD}/versions/9.0/requirements/",
    f"{STD}/versions/9.0/translations/",
    f"{STD}/versions/9.0/history/",
    f"{STD}/versions/9.0/criteria/A0.0/history/",
    f"{STD}/criteria/k0/timeline/",
    f"{STD}/diff/?from=8.0&to=9.0",
    f"{STD}/versions/9.0/disposition-report/",
    "/api/v1/comment-periods/",
    "/api/v1/comment-periods/{period}/",
    "/api/v1/comment-periods/{period}/comments/",
    "/api/v1/comments/{tracking}/",
]
STAFF_READS = [
    "/api/v1/comment-periods/{period}/moderation/",
    "/api/v1/comment-periods/{period}/campaigns/",
    "/api/v1/comment-periods/{period}/export/",
]
WRITES = [
    ("POST", "/api/v1/comment-periods/{period}/comments/"),
    ("POST", "/api/v1/comment-periods/"),
    ("POST", "/api/v1/comment-periods/{period}/close/"),
    ("POST", "/api/v1/comments/{tracking}/moderate/"),
    ("POST", f"{STD}/versions/"),
    ("PATCH", f"{STD}/versions/9.0/"),
    ("DELETE", f"{STD}/versions/9.0/criteria/A0.0/"),
    ("POST", f"{STD}/versions/9.0/publish/"),
]


def cors_headers(response) -> dict[str, str]:
    return {k.lower(): v for k, v in response.headers.items() if k.lower().startswith("access-")}


def preflight(client, path, method, headers="accept-language"):
    return client.options(
        path,
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD=method,
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS=headers,
    )


@pytest.mark.parametrize("path", PUBLIC_READS)
def test_a_public_read_from_another_origin_is_allowed_for_any_origin(client, published, path):
    response = client.get(path.format(**published), HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    headers = cors_headers(response)
    assert headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in headers
    exposed = {name.strip() for name in headers["access-control-expose-headers"].split(",")}
    assert {"ETag", "Content-Language"} <= exposed
    # Only requests with Origin get the header, so a shared cache must keep them apart.
    assert "origin" in response["Vary"].lower()


@pytest.mark.parametrize("path", PUBLIC_READS)
def test_a_preflight_for_a_public_read_is_answered(client, published, path):
    response = preflight(client, path.format(**published), "GET", "accept-language,if-none-match")
    assert response.status_code == 200
    headers = cors_headers(response)
    assert headers["access-control-allow-origin"] == "*"
    assert headers["access-control-allow-methods"] == "GET, HEAD, OPTIONS"
    assert "if-none-match" in headers["access-control-allow-headers"]


def test_a_cross_origin_revalidation_gets_its_304_with_cors_headers(client, published):
    path = f"{STD}/versions/8.0/"
    etag = client.get(path)["ETag"]
    response = client.get(path, HTTP_ORIGIN=ORIGIN, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert cors_headers(response)["access-control-allow-origin"] == "*"


def test_credentials_are_never_allowed_across_origins(client, published):
    response = preflight(client, f"{STD}/versions/9.0/", "GET", "authorization")
    headers = cors_headers(response)
    assert "authorization" not in headers["access-control-allow-headers"]
    assert "access-control-allow-credentials" not in headers


@pytest.mark.parametrize(("method", "path"), WRITES)
def test_a_preflight_for_a_write_is_refused(client, published, method, path):
    response = preflight(client, path.format(**published), method, "content-type")
    assert cors_headers(response) == {}


def test_an_anonymous_comment_sent_from_another_origin_gets_no_cors_headers(client, published):
    period = published["period"]
    response = client.post(
        f"/api/v1/comment-periods/{period}/comments/",
        {"criterion": "A0.0", "body": "From a portal."},
        content_type="application/json",
        HTTP_ORIGIN=ORIGIN,
    )
    assert response.status_code == 201
    assert cors_headers(response) == {}


@pytest.mark.parametrize("path", STAFF_READS)
@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_staff_only_reads_get_no_cors_headers(client, published, path, who):
    caller = client if who == "anonymous" else staff_client("eddie-editor", "editors")
    response = caller.get(path.format(**published), HTTP_ORIGIN=ORIGIN)
    assert response.status_code == (401 if who == "anonymous" else 200)
    assert cors_headers(response) == {}
    assert (
        preflight(client, path.format(**published), "GET").get("Access-Control-Allow-Origin")
        is None
    )


@pytest.mark.parametrize("path", ["/", "/admin/login/", "/api/schema/", "/api/docs/", "/healthz"])
def test_the_web_pages_admin_schema_and_docs_get_no_cors_headers(client, published, path):
    response = client.get(path, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert cors_headers(response) == {}
