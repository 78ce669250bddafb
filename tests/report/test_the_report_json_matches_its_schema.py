"""The report's JSON, with its figures, charts, changes and answers, matches the OpenAPI
schema exactly (no key the schema does not name)."""

import pytest

from tests.api.test_bodies_match_the_openapi_schema import _assert_valid, _body_validator

pytestmark = pytest.mark.django_db

API = "/api/v1/standards/big/versions/9.0/disposition-report/"


def test_the_report_matches_its_schema(api_client, openapi_schema, at_now):
    validator = _body_validator(openapi_schema, "disposition_report_retrieve", "200")
    _assert_valid(validator, api_client.get(API).json())
    _assert_valid(validator, api_client.get(API, {"lang": "es"}).json())


def test_a_bad_format_is_a_404_with_a_code(api_client, at_now):
    response = api_client.get(API, {"format": "pdf"})
    assert response.status_code == 404
