"""The staff export's bytes, one definition for the streamed download (api/views_comments.py)
and the export job's file (exports.py): CSV for spreadsheets (BOM, CRLF, formulas defused), JSON
Lines, or an XLSX sheet, every comment of a period in ``selectors_comments.EXPORT_FIELDS`` order.

CSV and JSON Lines end with a trailer that counts the rows, so a reader can tell a complete
export from one cut short (a worker's timeout ends a stream with a 200 and half the rows):

- JSON Lines: a last line ``{"end_of_export": {"rows": N}}``;
- CSV: a last row ``#end_of_export,N``.
"""

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator

from standard_versions.consultation.selectors_comments import EXPORT_FIELDS
from standard_versions.spreadsheets import (
    BOM,
    FORMULA_STARTS,
    LINE_END,
    MAX_ROWS,
    XLSX_MEDIA_TYPE,
    safe_cell,
    write_workbook,
)

EXPORT_BATCH_ROWS = 500
END_OF_EXPORT = "end_of_export"
CSV_END_OF_EXPORT = "#" + END_OF_EXPORT
# The data rows an XLSX export may hold (the sheet's limit less its header row).
XLSX_MAX_DATA_ROWS = MAX_ROWS - 1
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/jsonl",
    "xlsx": XLSX_MEDIA_TYPE,
}


def export_value(value):
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_chunks(rows: Iterable[tuple]) -> Iterator[str]:
    """The header, the rows in batches of EXPORT_BATCH_ROWS, then the trailer row."""
    writer = csv.writer(_Echo(), lineterminator=LINE_END)
    yield BOM + writer.writerow(EXPORT_FIELDS)
    batch: list[str] = []
    count = 0
    for row in rows:
        count += 1
        batch.append(writer.writerow([_csv_cell(value) for value in row]))
        if len(batch) >= EXPORT_BATCH_ROWS:
            yield "".join(batch)
            batch = []
    batch.append(writer.writerow([CSV_END_OF_EXPORT, count]))
    yield "".join(batch)


def _csv_cell(value):
    # Inlined for the common cases: an export may have millions of rows of 20 cells.
    if value.__class__ is str:
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    if value is None:
        return ""
    return safe_cell(export_value(value))


def jsonl_chunks(rows: Iterable[tuple]) -> Iterator[str]:
    """One object per comment, in batches of EXPORT_BATCH_ROWS lines, then the trailer line."""
    batch: list[str] = []
    count = 0
    for row in rows:
        count += 1
        record = {name: export_value(value) for name, value in zip(EXPORT_FIELDS, row, strict=True)}
        batch.append(json.dumps(record, ensure_ascii=False) + "\n")
        if len(batch) >= EXPORT_BATCH_ROWS:
            yield "".join(batch)
            batch = []
    batch.append(json.dumps({END_OF_EXPORT: {"rows": count}}) + "\n")
    yield "".join(batch)


def xlsx_rows(rows: Iterable[tuple]) -> Iterator[Iterator]:
    return ((export_value(value) for value in row) for row in rows)


def write_xlsx(target, rows: Iterable[tuple]) -> int:
    """The rows as one sheet of ``target`` (a binary file); refused above the sheet's limit."""
    return write_workbook(
        target,
        sheet_title="Comments",
        columns=EXPORT_FIELDS,
        rows=xlsx_rows(rows),
        max_rows=XLSX_MAX_DATA_ROWS + 1,
    )
