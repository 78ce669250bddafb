"""Real response bodies validate against the OpenAPI schema the service publishes: the diff, a
whole version and a comment receipt. The schema's objects are closed for this check (a key the
schema does not name is an error), so a key added to a body but not to its schema fails here.

OpenAPI 3.0 is not quite JSON Schema: ``nullable: true`` becomes "or null", and the objects'
``$ref``s resolve against the schema's own components."""

import copy

import jsonschema
import pytest
from jsonschema.protocols import Validator

from standard_versions.models import PracticeArea, Version
from tests.comments.conftest import make_period, submit
from tests.diff.versions import copy_version, edit_criterion
from tests.factories import build_version

pytestmark = pytest.mark.django_db

# Keywords whose values are data, not schemas: left as they are.
DATA_KEYWORDS = frozenset({"enum", "example", "examples", "default", "required"})


def _as_json_schema(node):
    """An OpenAPI 3.0 schema as a JSON Schema: objects closed, ``nullable`` as a null type."""
    if isinstance(node, list):
        return [_as_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    schema = {}
    for keyword, value in node.items():
        if keyword == "properties":
            schema[keyword] = {name: _as_json_schema(item) for name, item in value.items()}
        elif keyword in DATA_KEYWORDS:
            schema[keyword] = value
        else:
            schema[keyword] = _as_json_schema(value)
    if "properties" in schema:
        schema.setdefault("additionalProperties", False)
    if schema.pop("nullable", False):
        schema = {"anyOf": [schema, {"type": "null"}]}
    return schema


def _body_validator(openapi_schema, operation_id: str, status: str) -> Validator:
    """A validator of the JSON body ``operation_id`` answers with ``status``."""
    [operation] = [
        operation
        for item in openapi_schema["paths"].values()
        for operation in item.values()
        if operation["operationId"] == operation_id
    ]
    body = operation["responses"][status]["content"]["application/json"]["schema"]
    # The components sit in the same document, so "#/components/schemas/..." resolves there.
    schema = {
        **_as_json_schema(body),
        "components": {"schemas": _as_json_schema(openapi_schema["components"]["schemas"])},
    }
    validator_class = jsonschema.validators.validator_for(schema, jsonschema.Draft202012Validator)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _assert_valid(validator: Validator, body) -> None:
    errors = sorted(validator.iter_errors(body), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(
        f"{'/'.join(map(str, error.absolute_path)) or '(body)'}: {error.message}"
        for error in errors
    )


def _diff_body(client, old: str, new: str, **query) -> dict:
    response = client.get("/api/v1/standards/wwc/diff/", {"from": old, "to": new, **query})
    assert response.status_code == 200
    return response.json()


def test_the_diff_of_the_shipped_versions_matches_its_schema(
    api_client, openapi_schema, shipped_data
):
    validator = _body_validator(openapi_schema, "standards_diff", "200")
    body = _diff_body(api_client, "2.0", "3.0")
    assert body["added"] and body["requirements"]["levels"]["changed"]
    assert body["reconstruction_note"]
    _assert_valid(validator, body)
    _assert_valid(validator, _diff_body(api_client, "3.0", "2.0", lang="es"))


def test_a_diff_with_every_kind_of_change_matches_its_schema(
    api_client, openapi_schema, shipped_data
):
    """Renumbered, moved, reordered and reworded criteria, a changed practice area, and a
    translated comparison with its caveats: every optional part of the body is there."""
    draft = copy_version(Version.objects.get(label="3.0"), label="3.1")
    stakeholder_impact = PracticeArea.objects.get(version=draft, code="SI")
    edit_criterion(draft, "OD3", code="SI4", practice_area=stakeholder_impact, position=99)
    edit_criterion(draft, "DM7", code="DM10", title="Qualitative Data Practice")
    edit_criterion(draft, "DM1", description="A new description.")
    PracticeArea.objects.filter(version=draft, code="SI").update(name="Stakeholders", position=0)
    validator = _body_validator(openapi_schema, "standards_diff", "200")
    body = _diff_body(api_client, "3.0", "3.1")
    changes = {name for change in body["changed"] for name in change["changes"]}
    assert changes == {"code", "practice_area", "position", "title", "description"}
    assert body["practice_areas"]["changed"] and body["reconstruction_note"] is None
    _assert_valid(validator, body)
    translated = _diff_body(api_client, "3.0", "3.1", lang="es")
    assert translated["translation_caveats"]
    _assert_valid(validator, translated)


def test_a_whole_version_matches_its_schema(api_client, openapi_schema, shipped_data):
    validator = _body_validator(openapi_schema, "versions_retrieve", "200")
    response = api_client.get("/api/v1/standards/wwc/versions/3.0/")
    assert response.status_code == 200
    _assert_valid(validator, response.json())


def test_a_comment_receipt_matches_its_schema(api_client, openapi_schema, settings):
    settings.COMMENT_THROTTLE_RATE = "100000/min"
    draft = build_version(standard_slug="big", label="9.0", criteria=6, areas=2, status="draft")
    period = make_period(draft)
    validator = _body_validator(openapi_schema, "comment_periods_comments_create", "201")
    for criterion in ("A0.0", None):
        payload = {"criterion": criterion} if criterion else {}
        response = submit(api_client, period, body="Keep it.", **payload)
        assert response.status_code == 201
        _assert_valid(validator, response.json())


def test_an_export_job_matches_its_schema_queued_and_done(openapi_schema, settings):
    from django.utils import timezone

    from standard_versions.consultation.exports import run_export
    from standard_versions.roles import EDITORS
    from tests.staff import staff_client

    draft = build_version(standard_slug="big", label="9.0", criteria=2, areas=1, status="draft")
    period = make_period(draft)
    editor = staff_client("eve-editor", EDITORS)
    created = editor.post(
        f"/api/v1/comment-periods/{period.pk}/exports/", {"format": "csv"}, format="json"
    )
    assert created.status_code == 202
    _assert_valid(
        _body_validator(openapi_schema, "comment_periods_exports_create", "202"), created.json()
    )
    assert created.json()["download"] is None
    run_export(job_id=created.json()["id"], now=timezone.now())
    done = editor.get(f"/api/v1/exports/{created.json()['id']}/")
    assert done.json()["download"]
    _assert_valid(_body_validator(openapi_schema, "exports_retrieve", "200"), done.json())


def test_a_key_the_schema_does_not_name_is_refused(api_client, openapi_schema, shipped_data):
    """The check itself: a body with one key more, at the top or deep inside, does not pass."""
    validator = _body_validator(openapi_schema, "standards_diff", "200")
    body = _diff_body(api_client, "2.0", "3.0")
    _assert_valid(validator, body)
    for path in [
        (),
        ("from",),
        ("summary",),
        ("added", 0, "practice_area"),
        ("requirements", "levels", "changed", 0, "changes", "min_percent"),
    ]:
        widened = copy.deepcopy(body)
        target = widened
        for step in path:
            target = target[step]
        target["not_in_the_schema"] = 1
        assert list(validator.iter_errors(widened)), path
