"""Fixtures shared by the API tests (the OpenAPI schema is tests/conftest.py's openapi_schema)."""
