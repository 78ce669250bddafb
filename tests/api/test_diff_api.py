"""GET /api/v1/standards/{std}/diff/?from=A&to=B: JSON, redline, changelog, errors."""

import pytest

from standard_versions.models import Version

pytestmark = pytest.mark.django_db

DIFF = "/api/v1/standards/wwc/diff/"


def test_2_0_to_3_0_has_the_contract_fields_and_the_seven_new_criteria(api_client, shipped_data):
    response = api_client.get(DIFF, {"from": "2.0", "to": "3.0"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert {"from", "to", "summary", "added", "removed", "changed", "requirements"} <= set(body)
    assert body["from"]["label"] == "2.0" and body["to"]["label"] == "3.0"
    assert sorted(item["code"] for item in body["added"]) == [
        "DM7",
        "DM8",
        "DM9",
        "EVAL4",
        "OD2",
        "SI2",
        "SI3",
    ]
    assert all({"key", "code"} <= set(item) for item in body["added"])
    assert body["removed"] == [] and body["summary"]["added"] == 7
    assert body["requirements"]["min_outcome_areas"] == {"old": 0, "new": 1}


def test_a_version_diffed_with_itself_is_an_empty_diff_not_an_error(api_client, shipped_data):
    response = api_client.get(DIFF, {"from": "3.0", "to": "3.0"})
    assert response.status_code == 200
    assert not any(response.json()["summary"].values())


def test_the_html_format_is_an_escaped_redline_fragment(api_client, shipped_data):
    response = api_client.get(DIFF, {"from": "2.0", "to": "3.0", "format": "html"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = response.content.decode()
    assert html.startswith('<div class="diff" data-from="2.0" data-to="3.0">')
    assert "<ins>SI3 Promotion of Data &amp; Evidence</ins>" in html


def test_the_markdown_format_is_a_changelog(api_client, shipped_data):
    response = api_client.get(DIFF, {"from": "2.0", "to": "3.0", "format": "markdown"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("# Changes from version 2.0 to version 3.0\n")
    assert "\n## Added criteria\n" in text


def test_the_lang_parameter_is_accepted_and_the_response_says_its_language(
    api_client, shipped_data
):
    response = api_client.get(DIFF, {"from": "2.0", "to": "3.0", "lang": "en"})
    assert response.status_code == 200
    assert response["Content-Language"] == "en" and response.json()["language"] == "en"
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ({"to": "3.0"}, "missing_parameter"),
        ({"from": "2.0"}, "missing_parameter"),
        ({"from": "", "to": "3.0"}, "missing_parameter"),
        ({"from": "2.0", "to": "../3.0"}, "invalid_parameter"),
        ({"from": "2.0\x00", "to": "3.0"}, "invalid_parameter"),
        ({"from": "2.0", "to": "3" * 500}, "invalid_parameter"),
        ({"from": "2.0", "to": "3.0", "format": "pdf"}, "invalid_format"),
    ],
)
def test_missing_or_bad_parameters_are_400_with_a_code(api_client, shipped_data, query, code):
    response = api_client.get(DIFF, query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == code and response.json()["detail"]


@pytest.mark.parametrize(
    ("path", "query", "code"),
    [
        ("/api/v1/standards/nope/diff/", {"from": "2.0", "to": "3.0"}, "standard_not_found"),
        (DIFF, {"from": "2.0", "to": "9.9"}, "version_not_found"),
        (DIFF, {"from": "1.0", "to": "3.0"}, "version_not_found"),
    ],
)
def test_unknown_standards_and_versions_are_404_with_a_code(
    api_client, shipped_data, path, query, code
):
    response = api_client.get(path, query)
    assert response.status_code == 404 and response.json()["code"] == code


def test_errors_are_json_even_when_markdown_was_asked_for(api_client, shipped_data):
    response = api_client.get(DIFF, {"from": "2.0", "to": "9.9", "format": "markdown"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "version_not_found"


def test_the_diff_is_in_the_openapi_schema_with_its_formats(openapi_schema):
    schema = openapi_schema
    operation = schema["paths"]["/api/v1/standards/{std}/diff/"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} >= {
        "std",
        "from",
        "to",
        "lang",
        "format",
    }
    assert {"application/json", "text/html", "text/markdown"} <= set(
        operation["responses"]["200"]["content"]
    )


def test_the_browsable_api_still_renders_the_diff(api_client, shipped_data):
    response = api_client.get(DIFF, {"from": "2.0", "to": "3.0"}, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"Qualitative Data Practices" in response.content


def test_a_published_diff_is_not_changed_by_a_later_draft(api_client, shipped_data):
    from tests.diff.versions import copy_version

    before = api_client.get(DIFF, {"from": "2.0", "to": "3.0"}).content
    copy_version(Version.objects.get(label="3.0"), label="3.1")
    assert api_client.get(DIFF, {"from": "2.0", "to": "3.0"}).content == before


class _UpperCase:
    """Stands in for the translation layer's content: every text upper-cased, language "xx"."""

    language = "xx"

    def text(self, obj, field):
        return getattr(obj, field).upper()

    def language_of(self, obj):
        return "xx"

    def status(self, obj):
        return "draft"


def test_texts_and_etag_follow_the_language_hooks(api_client, shipped_data, monkeypatch):
    from standard_versions.api import views_diff

    seen = {}

    def content_for(request, *, versions=()):
        seen["versions"] = [version.label for version in versions]
        seen["lang"] = request.query_params.get("lang")
        return _UpperCase()

    english_etag = api_client.get(DIFF, {"from": "2.0", "to": "3.0"})["ETag"]
    monkeypatch.setattr(views_diff, "content_for", content_for)
    monkeypatch.setattr(views_diff, "response_language", lambda request: "xx")
    response = api_client.get(DIFF, {"from": "2.0", "to": "3.0", "lang": "xx"})
    assert seen == {"versions": ["2.0", "3.0"], "lang": "xx"}
    body = response.json()
    assert body["language"] == "xx" and body["added"][0]["title"] == "QUALITATIVE DATA PRACTICES"
    assert response["Content-Language"] == "xx"
    assert response["ETag"] != english_etag and "-xx-" in response["ETag"]
