"""The OpenAPI schema documents the authoring and history endpoints."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_schema_has_every_authoring_endpoint_and_method(openapi_schema):
    paths = openapi_schema["paths"]
    versions = "/api/v1/standards/{std}/versions/"
    expected = {
        versions: {"get", "post"},
        versions + "{label}/criteria/": {"get", "post"},
        versions + "{label}/criteria/{code}/": {"get", "patch", "delete"},
        versions + "{label}/criteria/{code}/history/": {"get"},
        versions + "{label}/practice-areas/": {"post"},
        versions + "{label}/practice-areas/{code}/": {"patch", "delete"},
        versions + "{label}/requirements/": {"get", "patch"},
        versions + "{label}/publish/": {"post"},
        versions + "{label}/withdraw/": {"post"},
        versions + "{label}/history/": {"get"},
        "/api/v1/standards/{std}/criteria/{key}/timeline/": {"get"},
    }
    for endpoint, methods in expected.items():
        assert methods <= set(paths[endpoint]), endpoint
    parameters = {p["name"] for p in paths[versions + "{label}/"]["get"]["parameters"]}
    assert "as_of" in parameters
