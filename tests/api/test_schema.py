"""The OpenAPI schema is generated cleanly and documents the contract's endpoints."""

import pytest

pytestmark = pytest.mark.django_db


def test_schema_generates_without_warnings_or_errors(openapi_schema):
    schema = openapi_schema
    assert schema["openapi"].startswith("3.")
    for endpoint in [
        "/api/v1/standards/",
        "/api/v1/standards/{std}/",
        "/api/v1/standards/{std}/versions/",
        "/api/v1/standards/{std}/versions/{label}/",
        "/api/v1/standards/{std}/versions/{label}/criteria/",
        "/api/v1/standards/{std}/versions/{label}/criteria/{code}/",
    ]:
        assert endpoint in schema["paths"], endpoint


def test_schema_and_docs_are_served(client):
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/docs/").status_code == 200


def test_browsable_api_renders_html(client, shipped_data):
    response = client.get("/api/v1/standards/wwc/versions/3.0/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"Qualitative Data Practices" in response.content


def test_every_operation_is_described_for_its_readers_not_by_a_base_class(openapi_schema):
    from standard_versions.api.views import ContentAPIView
    from standard_versions.http.revalidation import RevalidationFastPath

    schema = openapi_schema
    internal = {
        " ".join(ContentAPIView.__doc__.split())[:40],
        " ".join(RevalidationFastPath.__doc__.split())[:40],
    }
    for operations in schema["paths"].values():
        for operation in operations.values():
            description = " ".join(operation.get("description", "").split())
            assert description, operation["operationId"]
            assert description[:40] not in internal, operation["operationId"]
