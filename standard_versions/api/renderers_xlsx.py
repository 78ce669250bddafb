"""XLSX downloads (openpyxl) of the disposition report and of the staff export, for the staff who
work in spreadsheets: the same columns and rows as the CSV, a bold header row that stays in view
(frozen) with a filter, and column widths fitted to what each column holds.

Values keep their kind: text is text, numbers are numbers, true/false are booleans. Dates are
ISO 8601 text in UTC, exactly as in the CSV and the JSON (an Excel date has no time zone, so a
real one would have to pick a zone without saying it in the cell).

No cell is ever a formula. openpyxl stores a string that starts with "=" as a formula, so every
such string is written with the string type; a text starting with = + - @ tab or CR is also
marked "quote prefix" (what Excel does when one types an apostrophe first), so editing the cell
in Excel keeps it text. Unlike the CSV, the text is kept exactly: no apostrophe is added to it.
Characters XML cannot carry (control characters other than tab, CR and LF) become U+FFFD.

The workbook is built in openpyxl's write-only mode into a temporary file, so memory stays flat
whatever the row count, then sent from that file.
"""

import io
import tempfile

from django.http import FileResponse
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from rest_framework.renderers import BaseRenderer

from standard_versions.api.renderers_comments import (
    FORMULA_STARTS,
    REPORT_COLUMNS,
    is_report,
    report_rows,
)
from standard_versions.errors import InvalidInput

XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel's limit, the header row included.
MAX_ROWS = 1_048_576
# Characters of width (Excel's unit) for the columns that hold more than a word; the others are
# as wide as their name.
WIDTHS = {
    "body": 60,
    "proposed_text": 60,
    "response": 60,
    "moderation_reason": 40,
    "criterion_title": 40,
    "email": 30,
    "name": 24,
    "organization": 30,
    "author_name": 24,
    "author_organization": 30,
    "tracking_id": 22,
    "submitted_at": 27,
    "responded_at": 27,
    "content_sha256": 20,
    "normalized_hash": 20,
}
MIN_WIDTH = 10


def _width(column: str) -> int:
    return WIDTHS.get(column, max(MIN_WIDTH, len(column) + 2))


def _cell(sheet, value):
    if value is None or isinstance(value, bool | int | float):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", str(value))
    if not text.startswith(FORMULA_STARTS):
        return text
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # openpyxl made "=..." a formula
    cell.quotePrefix = True
    return cell


def write_workbook(target, *, sheet_title: str, columns, rows) -> int:
    """Write the rows (tuples of plain values, in ``columns`` order) as one sheet into the binary
    file ``target``; returns the number of rows. More rows than Excel holds are refused."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _width(column)
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    try:
        for row in rows:
            count += 1
            if count >= MAX_ROWS:
                raise InvalidInput(
                    _(
                        "This export has more rows than a spreadsheet can hold (%(max)s); "
                        "download it as CSV or JSON Lines."
                    )
                    % {"max": MAX_ROWS - 1},
                    code="export_too_large_for_xlsx",
                )
            sheet.append([_cell(sheet, value) for value in row])
    except BaseException:
        # openpyxl streams the sheet into a temporary file of its own: finish and remove it, or
        # its half-written XML is left on disk and its writer fails when garbage-collected.
        sheet.close()
        sheet._writer.cleanup()
        raise
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    workbook.save(target)
    return count


def xlsx_download(*, sheet_title: str, columns, rows, filename: str) -> FileResponse:
    """A download of the rows as XLSX, sent from a temporary file (closed when sent)."""
    spool = tempfile.TemporaryFile()
    try:
        write_workbook(spool, sheet_title=sheet_title, columns=columns, rows=rows)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_MEDIA_TYPE)


class XLSXRenderer(BaseRenderer):
    """The disposition report as a workbook of one sheet, one row per comment (the CSV's rows)."""

    media_type = XLSX_MEDIA_TYPE
    format = "xlsx"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        buffer = io.BytesIO()
        if is_report(data):
            rows = report_rows(data)
            write_workbook(buffer, sheet_title="Report", columns=REPORT_COLUMNS, rows=rows)
        return buffer.getvalue()
