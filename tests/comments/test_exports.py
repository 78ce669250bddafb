"""Staff exports: every comment of a period, all states, with contact details, streamed."""

import csv
import io
import json

import pytest
from django.http import StreamingHttpResponse

from standard_versions.consultation.selectors_comments import EXPORT_FIELDS
from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(api_client, editor_client, open_period):
    ids = [
        submit(
            api_client, open_period, body=f'Body {n}\nline two, "quoted"', email=f"p{n}@x.org"
        ).json()["tracking_id"]
        for n in range(3)
    ]
    editor_client.post(
        f"/api/v1/comments/{ids[1]}/moderate/", {"state": "published"}, format="json"
    )
    editor_client.post(
        f"/api/v1/comments/{ids[2]}/moderate/", {"state": "withheld", "reason": "x"}, format="json"
    )
    return ids


def _streamed(response) -> str:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode()


def test_the_csv_export_streams_every_comment_in_every_state(editor_client, open_period, three):
    response = editor_client.get(f"/api/v1/comment-periods/{open_period.pk}/export/?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(_streamed(response).removeprefix("\ufeff"))))
    trailer = rows.pop()
    assert list(trailer.values())[:2] == ["#end_of_export", "3"]
    assert [row["tracking_id"] for row in rows] == three
    assert [row["moderation_state"] for row in rows] == ["received", "published", "withheld"]
    assert rows[0]["email"] == "p0@x.org"
    assert rows[0]["body"] == 'Body 0\nline two, "quoted"'
    assert tuple(rows[0]) == EXPORT_FIELDS


def test_the_json_lines_export_has_one_object_per_comment(editor_client, open_period, three):
    response = editor_client.get(f"/api/v1/comment-periods/{open_period.pk}/export/?format=jsonl")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/jsonl"
    records = [json.loads(line) for line in _streamed(response).splitlines()]
    assert records.pop() == {"end_of_export": {"rows": 3}}
    assert [r["tracking_id"] for r in records] == three
    assert records[2]["moderation_reason"] == "x"
    assert records[0]["submitted_at"].endswith("+00:00")


def test_the_export_streams_in_batches(editor_client, open_period, api_client, monkeypatch):
    from standard_versions.consultation import export_files

    monkeypatch.setattr(export_files, "EXPORT_BATCH_ROWS", 2)
    for n in range(5):
        submit(api_client, open_period, body=f"c{n}")
    response = editor_client.get(f"/api/v1/comment-periods/{open_period.pk}/export/?format=jsonl")
    chunks = [chunk for chunk in response.streaming_content if chunk]
    assert len(chunks) == 3
    # The trailer rides on the last batch.
    assert chunks[-1].decode().splitlines()[-1] == '{"end_of_export": {"rows": 5}}'


def test_an_empty_export_still_ends_with_its_trailer(editor_client, open_period):
    url = f"/api/v1/comment-periods/{open_period.pk}/export/"
    csv_lines = _streamed(editor_client.get(url + "?format=csv")).split("\r\n")
    assert csv_lines[-2:] == ["#end_of_export,0", ""]
    jsonl = _streamed(editor_client.get(url + "?format=jsonl"))
    assert jsonl == '{"end_of_export": {"rows": 0}}\n'


def test_an_unknown_export_format_is_a_404_with_a_code(editor_client, open_period):
    response = editor_client.get(f"/api/v1/comment-periods/{open_period.pk}/export/?format=xml")
    assert response.status_code == 404
