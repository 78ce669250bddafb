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
from rest_framework.renderers import BaseRenderer

from standard_versions import spreadsheets
from standard_versions.api.renderers_comments import REPORT_COLUMNS, is_report, report_rows
from standard_versions.spreadsheets import XLSX_MEDIA_TYPE

__all__ = ["MAX_ROWS", "XLSX_MEDIA_TYPE", "XLSXRenderer", "write_workbook", "xlsx_download"]

# Excel's limit, the header row included (standard_versions/spreadsheets.py writes the sheet).
MAX_ROWS = spreadsheets.MAX_ROWS


def write_workbook(target, *, sheet_title: str, columns, rows) -> int:
    """Write the rows (tuples of plain values, in ``columns`` order) as one sheet into the binary
    file ``target``; returns the number of rows. More rows than Excel holds are refused."""
    return spreadsheets.write_workbook(
        target, sheet_title=sheet_title, columns=columns, rows=rows, max_rows=MAX_ROWS
    )


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
