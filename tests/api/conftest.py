"""Fixtures shared by the API tests."""

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema


@pytest.fixture(scope="session")
def openapi_schema() -> dict:
    """The OpenAPI schema that /api/schema/ serves, generated and validated against the OpenAPI 3
    specification once per test session (generating it reads no database)."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)
    return schema
