"""``?format=iso-csv``: every published comment in the ISO/IEC commenting template's columns,
its type as ge/te/ed, cells defused for spreadsheets, streamed; and the report's own CSV has
the changes, the answer's status, the objection and the reply as its last columns."""

import csv
import io

import pytest

from standard_versions.models import Comment
from tests.report.conftest import tracking_id

pytestmark = pytest.mark.django_db

API = "/api/v1/standards/big/versions/9.0/disposition-report/"


def _rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_columns_are_the_templates_and_the_types_are_mapped(api_client, at_now):
    response = api_client.get(API, {"format": "iso-csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "-iso.csv" in response["Content-Disposition"]
    rows = _rows(response)
    assert rows[0] == [
        "MB/NC",
        "Line number",
        "Clause/ Sub clause",
        "Paragraph Figure/ Table",
        "Type of comment",
        "Comments",
        "Proposed change",
        "Observations of the Secretariat",
    ]
    by_body = {row[5]: row for row in rows[1:]}
    assert len(rows) == 11
    # c1 technical, c2 editorial, c3 general, c4 translation (an editorial matter).
    assert by_body["Comment number 1"][4] == "te"
    assert next(row[4] for row in rows[1:] if row[5] == "Same form letter text") == "ed"
    assert by_body["Comment number 3"][4] == "ge"
    assert by_body["Comment number 4"][4] == "ed"
    first = by_body["Comment number 1"]
    assert first[:4] == ["City 1", "", "A0.0", ""]
    assert first[6] == "Proposed 1"
    assert first[7] == f"{tracking_id(1)} — accepted — Response to 1"
    # c3 chose not to publish their identity: no MB/NC.
    assert by_body["Comment number 3"][0] == ""
    assert by_body["Comment number 6"][2] == ""  # the version as a whole


def test_a_formula_in_a_comment_is_defused(api_client, at_now):
    Comment.objects.filter(tracking_id=tracking_id(1)).update(body="=HYPERLINK(1)")
    rows = _rows(api_client.get(API, {"format": "iso-csv"}))
    assert any(row[5] == "'=HYPERLINK(1)" for row in rows)


def test_the_reports_csv_ends_with_what_came_of_each_response(api_client, at_now):
    rows = _rows(api_client.get(API, {"format": "csv"}))
    header = rows[0]
    assert header[-4:] == ["changes", "answer_status", "objection", "staff_reply"]
    by_id = {
        row[header.index("tracking_id")]: dict(zip(header, row, strict=True)) for row in rows[1:]
    }
    assert (
        by_id[tracking_id(1)]["changes"] == "B0.7 (9.1, substantive); requirements (9.1, editorial)"
    )
    assert by_id[tracking_id(1)]["answer_status"] == "accepted"
    assert by_id[tracking_id(4)]["objection"] == "Please reconsider the threshold."
    assert by_id[tracking_id(5)]["objection"] == ""  # withheld
    assert by_id[tracking_id(8)]["staff_reply"] == "We kept it: see comment c4."
    assert by_id[tracking_id(2)]["answer_status"] == "pending"


def test_the_xlsx_has_the_same_columns(api_client, at_now):
    from openpyxl import load_workbook

    response = api_client.get(API, {"format": "xlsx"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(body), read_only=True).active
    header = next(sheet.iter_rows(values_only=True))
    assert header[-4:] == ("changes", "answer_status", "objection", "staff_reply")
