"""What every download for spreadsheets shares, whoever writes it (the API's renderers, the export
jobs of consultation/exports.py): CSV cells defused for Excel, and an XLSX sheet written in
openpyxl's write-only mode. The reasons are in api/renderers_comments.py (CSV) and
api/renderers_xlsx.py (XLSX), which re-export these names."""

from django.utils.translation import gettext_lazy as _

from standard_versions.errors import InvalidInput

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Programs reading a download should decode it as "utf-8-sig" (which reads a file without a BOM
# too); as plain "utf-8" the first column's name would start with U+FEFF.
BOM = "\ufeff"
LINE_END = "\r\n"

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


def safe_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def too_many_rows_error(max_rows: int = MAX_ROWS) -> InvalidInput:
    return InvalidInput(
        _(
            "This export has more rows than a spreadsheet can hold (%(max)s); "
            "download it as CSV or JSON Lines."
        )
        % {"max": max_rows - 1},
        code="export_too_large_for_xlsx",
    )


def _width(column: str) -> int:
    return WIDTHS.get(column, max(MIN_WIDTH, len(column) + 2))


def _cell(sheet, value, *, illegal_characters, cell_class):
    if value is None or isinstance(value, bool | int | float):
        return value
    text = illegal_characters.sub("\ufffd", str(value))
    if not text.startswith(FORMULA_STARTS):
        return text
    cell = cell_class(sheet, value=text)
    cell.data_type = "s"  # openpyxl made "=..." a formula
    cell.quotePrefix = True
    return cell


def write_workbook(target, *, sheet_title: str, columns, rows, max_rows: int = MAX_ROWS) -> int:
    """Write the rows (tuples of plain values, in ``columns`` order) as one sheet into the binary
    file ``target``; returns the number of rows. More rows than ``max_rows`` (the header
    included) are refused."""
    # openpyxl (with its own imports, a few tenths of a second and megabytes) is loaded by the
    # first spreadsheet, not by every worker that loads the URLconf.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

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
            if count >= max_rows:
                raise too_many_rows_error(max_rows)
            sheet.append(
                [
                    _cell(
                        sheet,
                        value,
                        illegal_characters=ILLEGAL_CHARACTERS_RE,
                        cell_class=WriteOnlyCell,
                    )
                    for value in row
                ]
            )
    except BaseException:
        # openpyxl streams the sheet into a temporary file of its own: finish and remove it, or
        # its half-written XML is left on disk and its writer fails when garbage-collected.
        sheet.close()
        sheet._writer.cleanup()
        raise
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    workbook.save(target)
    return count
