"""The disposition report and the staff export open correctly in Excel: the CSVs are UTF-8 with a
byte order mark and CRLF rows, formulas defused; the XLSX downloads have the CSV's columns and
rows, a frozen header, fitted widths, and no cell that Excel would run as a formula."""

import csv
import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from standard_versions.api.renderers_comments import REPORT_COLUMNS
from standard_versions.api.renderers_xlsx import XLSX_MEDIA_TYPE, write_workbook
from standard_versions.consultation.comments import submit_comment
from standard_versions.consultation.selectors_comments import EXPORT_FIELDS
from standard_versions.models import Comment
from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db

REPORT = "/api/v1/standards/big/versions/9.0/disposition-report/"
ACCENTED = "Ação pública: niños, café, São Paulo"
HOSTILE = ["=HYPERLINK(evil)", "+1+cmd", "-2+3", "@SUM(A1)"]


@pytest.fixture
def comments(api_client, editor_client, open_period):
    """Published comments with accents and with bodies a spreadsheet would run as formulas."""
    ids = []
    for n, body in enumerate([ACCENTED, *HOSTILE]):
        tracking_id = submit(
            api_client,
            open_period,
            criterion="A0.0",
            body=body,
            name="José Núñez",
            email=f"p{n}@x.org",
            identity_public=True,
        ).json()["tracking_id"]
        editor_client.post(
            f"/api/v1/comments/{tracking_id}/moderate/", {"state": "published"}, format="json"
        )
        editor_client.post(
            f"/api/v1/comments/{tracking_id}/respond/",
            {"disposition": "noted", "response": "Gracias, anotado."},
            format="json",
        )
        ids.append(tracking_id)
    return ids


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def _values(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _assert_no_formula(data: bytes, sheet) -> None:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


CSV_DOWNLOADS = {
    "report": (lambda period: f"{REPORT}?format=csv", "api_client"),
    "export": (
        lambda period: f"/api/v1/comment-periods/{period.pk}/export/?format=csv",
        "editor_client",
    ),
}


@pytest.mark.parametrize("which", CSV_DOWNLOADS)
def test_each_csv_download_starts_with_a_bom_has_crlf_rows_and_keeps_accents(
    request, which, open_period, comments
):
    url, client = CSV_DOWNLOADS[which]
    response = request.getfixturevalue(client).get(url(open_period))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    data = _body(response)
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xef\xbb\xbf" * 2)
    trailer = which == "export"  # the export's last row counts its rows
    assert data.count(b"\r\n") == len(comments) + 1 + trailer  # the bodies hold no newline
    assert data.replace(b"\r\n", b"").count(b"\n") == 0
    assert ACCENTED.encode() in data and "José Núñez".encode() in data
    rows = _csv_rows(data)
    if trailer:
        assert rows.pop() == ["#end_of_export", str(len(comments))]
    bodies = [row[rows[0].index("body")] for row in rows[1:]]
    assert bodies == [ACCENTED, *("'" + body for body in HOSTILE)]


def test_the_disposition_report_as_xlsx_has_the_csv_rows_a_frozen_header_and_no_formula(
    api_client, open_period, comments
):
    response = api_client.get(REPORT, {"format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_MEDIA_TYPE
    assert response["Content-Disposition"] == (
        'attachment; filename="big-9.0-disposition-report.xlsx"'
    )
    data = _body(response)
    sheet = _sheet(data)
    values = _values(sheet)
    assert values[0] == list(REPORT_COLUMNS)
    assert [cell.font.b for cell in next(sheet.iter_rows())] == [True] * len(REPORT_COLUMNS)
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["K"].width == 60  # body
    # The same rows as the CSV, text kept exactly (the CSV's apostrophe is not added).
    csv_rows = _csv_rows(_body(api_client.get(REPORT, {"format": "csv"})))
    assert [[_as_text(value) for value in row] for row in values[1:]] == [
        [cell[1:] if cell[:2] in {"'" + c for c in "=+-@"} else cell for cell in row]
        for row in csv_rows[1:]
    ]
    body = REPORT_COLUMNS.index("body")
    assert [row[body] for row in values[1:]] == [ACCENTED, *HOSTILE]
    hostile_cells = [row[body] for row in sheet.iter_rows(min_row=3)]
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in hostile_cells)
    _assert_no_formula(data, sheet)


def test_the_report_comes_as_xlsx_for_its_accept_header_too(api_client, open_period, comments):
    response = api_client.get(REPORT, HTTP_ACCEPT=XLSX_MEDIA_TYPE)
    assert response["Content-Type"] == XLSX_MEDIA_TYPE
    assert _values(_sheet(_body(response)))[0] == list(REPORT_COLUMNS)


def test_the_staff_export_as_xlsx_has_the_csv_rows_with_iso_utc_dates(
    editor_client, open_period, comments
):
    url = f"/api/v1/comment-periods/{open_period.pk}/export/"
    response = editor_client.get(url, {"format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_MEDIA_TYPE
    assert response["Content-Disposition"] == (
        f'attachment; filename="comment-period-{open_period.pk}-comments.xlsx"'
    )
    assert response["Cache-Control"] == "private, no-store"
    data = _body(response)
    sheet = _sheet(data)
    values = _values(sheet)
    assert values[0] == list(EXPORT_FIELDS)
    assert sheet.freeze_panes == "A2"
    csv_rows = _csv_rows(_body(editor_client.get(url, {"format": "csv"})))
    assert csv_rows.pop()[0] == "#end_of_export"  # the CSV's trailer; a sheet has none
    assert [[_as_text(value) for value in row] for row in values[1:]] == [
        [cell[1:] if cell[:2] in {"'" + c for c in "=+-@"} else cell for cell in row]
        for row in csv_rows[1:]
    ]
    first = dict(zip(EXPORT_FIELDS, values[1], strict=True))
    assert first["tracking_id"] == comments[0]
    assert first["identity_public"] is True
    assert isinstance(first["criterion_revision"], int)
    submitted = Comment.objects.get(tracking_id=comments[0]).submitted_at
    assert first["submitted_at"] == submitted.astimezone(dt.UTC).isoformat()
    _assert_no_formula(data, sheet)


def test_the_staff_xlsx_export_is_for_staff_and_errors_stay_json(
    api_client, nobody_client, open_period
):
    url = f"/api/v1/comment-periods/{open_period.pk}/export/?format=xlsx"
    for client in (api_client, nobody_client):
        response = client.get(url)
        assert response.status_code in (401, 403)
        assert response["Content-Type"] == "application/json"
    missing = api_client.get("/api/v1/standards/big/versions/7.7/disposition-report/?format=xlsx")
    assert missing.status_code == 404
    assert missing.json()["code"] == "version_not_found"


def test_an_export_longer_than_a_spreadsheet_is_refused_with_a_code(
    editor_client, open_period, comments, monkeypatch, tmp_path
):
    from standard_versions.api import renderers_xlsx

    monkeypatch.setattr(renderers_xlsx, "MAX_ROWS", 3)
    # A temporary folder of this test's own: other test processes write workbooks meanwhile.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    response = editor_client.get(f"/api/v1/comment-periods/{open_period.pk}/export/?format=xlsx")
    assert response.status_code == 400
    assert response.json()["code"] == "export_too_large_for_xlsx"
    # The half-written sheet is not left on disk.
    assert list(Path(tmp_path).glob("openpyxl.*")) == []


def test_characters_xml_cannot_carry_become_replacement_characters():
    buffer = io.BytesIO()
    rows = [("a\x00b\x1fc", "tab\tand\nnewline", "=1+1", None, 3, False)]
    write_workbook(buffer, sheet_title="T", columns=list("abcdef"), rows=rows)
    assert _values(_sheet(buffer.getvalue()))[1] == [
        "a\ufffdb\ufffdc",
        "tab\tand\nnewline",
        "=1+1",
        None,
        3,
        False,
    ]


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        _body(response)
    assert response.status_code == 200, response.content
    return len(captured)


def _more_comments(period, n: int) -> None:
    for i in range(n):
        comment = submit_comment(
            period_id=period.pk, body=f"c{i}", criterion_code="A1.1", now=timezone.now()
        ).comment
        comment.moderation_state, comment.disposition, comment.response = "published", "noted", "ok"
        comment.save()


def test_the_downloads_cost_the_same_queries_for_5_and_50_comments(
    api_client, editor_client, open_period, comments
):
    export = f"/api/v1/comment-periods/{open_period.pk}/export/?format="
    paths = [
        (api_client, REPORT),
        (api_client, REPORT + "?format=csv"),
        (api_client, REPORT + "?format=xlsx"),
        (editor_client, export + "csv"),
        (editor_client, export + "jsonl"),
        (editor_client, export + "xlsx"),
    ]
    few = [_queries(client, path) for client, path in paths]
    _more_comments(open_period, 45)
    # Report as JSON: the report's head, then version, periods, criteria, the counts by
    # criterion and disposition (kept in the cache under the head), the page's comments. As CSV
    # or XLSX after it: the head and the rows, read in chunks. The basis' figures (links by class,
    # answers, days, campaigns) are four more, the rows the pages show (a campaign once) one;
    # the rows' links one more per chunk. Export: auth token, user's roles, period, the rows.
    assert [_queries(client, path) for client, path in paths] == few == [12, 3, 3, 4, 4, 4]


def test_the_report_page_links_the_xlsx_download(client, open_period, comments):
    html = client.get("/standards/big/versions/9.0/disposition-report/").content.decode()
    assert f'href="{REPORT}?format=xlsx"' in html
    assert "Download the report as an Excel workbook (XLSX)" in html
