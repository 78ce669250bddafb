"""The OpenAPI schema documents the refusal of publishing or withdrawing a draft whose comment
period is not closed (409 comment_period_open), the explicit close that avoids it, and the
refusal of a comment on a version that is no longer a draft."""

import pytest

pytestmark = pytest.mark.django_db

VERSION = "/api/v1/standards/{std}/versions/{label}/"


@pytest.fixture
def schema(openapi_schema):
    return openapi_schema


def _request_schema(schema, operation) -> dict:
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return schema["components"]["schemas"][ref.rsplit("/", 1)[1]]


@pytest.mark.parametrize("step", ["publish", "withdraw"])
def test_publish_and_withdraw_document_comment_period_open_and_close_open_period(schema, step):
    operation = schema["paths"][VERSION + f"{step}/"]["post"]
    assert "`comment_period_open`" in operation["responses"]["409"]["description"]
    assert "`version_not_editable`" in operation["responses"]["409"]["description"]
    body = _request_schema(schema, operation)
    assert body["properties"]["close_open_period"]["type"] == "boolean"
    assert {"reason", "close_open_period"} <= set(body["properties"])


def test_a_comment_on_a_version_that_is_not_a_draft_is_a_documented_403(schema):
    operation = schema["paths"]["/api/v1/comment-periods/{period_id}/comments/"]["post"]
    assert "`version_not_draft`" in operation["responses"]["403"]["description"]


def test_a_cancelled_period_change_is_documented(schema):
    change = schema["components"]["schemas"]["CommentPeriodChangeOutput"]
    assert "opens_at_before" in change["properties"]
    assert "cancelled" in str(change["properties"]["kind"])
