"""The conditional-request examples in docs/api.md answer as the docs say, against the shipped
data loaded the way `make run` loads it (a fresh database, so the ids are those a reader gets)."""

import io
import re
from pathlib import Path

import pytest

API_DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
EXAMPLE = re.compile(
    r"""curl -i "?\$API(?P<path>[^"' ]+)"? -H 'If-None-Match: (?P<etag>"[^"]+")'"""
)


def _examples() -> list[tuple[str, str]]:
    return [(m["path"], m["etag"]) for m in EXAMPLE.finditer(API_DOC.read_text(encoding="utf-8"))]


def test_the_docs_give_if_none_match_examples():
    assert len(_examples()) >= 2


@pytest.mark.django_db(reset_sequences=True)
def test_each_if_none_match_example_is_answered_304(client):
    from django.core.management import call_command

    call_command("start_up", verbosity=0, stdout=io.StringIO())  # what `make run` loads
    for path, etag in _examples():
        fresh = client.get(f"/api/v1{path}")
        assert fresh.status_code == 200, path
        response = client.get(f"/api/v1{path}", HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304, f"{path}: the docs' {etag}, served {fresh['ETag']}"
