"""The OpenAPI schema documents the authoring and history endpoints."""

import pytest
import yaml
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_schema_has_every_authoring_endpoint_and_method(tmp_path):
    path = tmp_path / "schema.yaml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(path))
    paths = yaml.safe_load(path.read_text())["paths"]
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
