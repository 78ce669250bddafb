"""manage.py diff_versions STD FROM TO --format json|markdown|html."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = StringIO()
    call_command("diff_versions", *args, stdout=out)
    return out.getvalue()


def test_the_json_is_byte_identical_to_the_api_body(api_client, shipped_data):
    api = api_client.get("/api/v1/standards/wwc/diff/", {"from": "2.0", "to": "3.0"}).content
    assert _run("wwc", "2.0", "3.0").encode("utf-8") == api
    assert _run("wwc", "2.0", "3.0", "--format", "json").encode("utf-8") == api


@pytest.mark.parametrize("format", ["markdown", "html"])
def test_the_markdown_and_html_equal_the_api_formats(api_client, shipped_data, format):
    query = {"from": "2.0", "to": "3.0", "format": format}
    api = api_client.get("/api/v1/standards/wwc/diff/", query).content
    assert _run("wwc", "2.0", "3.0", "--format", format).encode("utf-8") == api


def test_an_unknown_version_is_a_command_error_with_its_code(shipped_data):
    with pytest.raises(CommandError, match=r"version_not_found"):
        _run("wwc", "2.0", "4.0")
