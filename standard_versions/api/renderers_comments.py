"""CSV and JSON Lines output for disposition reports and staff exports (XLSX: renderers_xlsx).

CSV downloads are written for Excel as much as for programs: UTF-8 with a byte order mark (without
it Excel reads the bytes as the system's legacy code page and garbles accents), CRLF row ends
(RFC 4180), and cells that a spreadsheet would run as a formula (starting with = + - @ or a
tab/carriage return) get a leading apostrophe (OWASP "CSV injection"). The JSON and JSON Lines
outputs are verbatim.
"""

import csv
import io
import json

from rest_framework.renderers import BaseRenderer

from standard_versions.spreadsheets import BOM, FORMULA_STARTS, LINE_END, safe_cell

# The CSV cells are defused by the same rules as every spreadsheet download.
__all__ = ["BOM", "FORMULA_STARTS", "LINE_END", "safe_cell"]

REPORT_COLUMNS = (
    "criterion",
    "criterion_key",
    "criterion_title",
    "tracking_id",
    "period",
    "submitted_at",
    "type",
    "language",
    "author_name",
    "author_organization",
    "body",
    "proposed_text",
    "disposition",
    "response",
    # What came of the response (issue 17): added at the end, the columns before keep their place.
    "changes",
    "answer_status",
    "objection",
    "staff_reply",
)


def report_rows(data: dict):
    """The disposition report's rows, one per comment, in REPORT_COLUMNS order, values as the
    JSON has them (the CSV and XLSX renderers write the same rows)."""
    for section in data["sections"]:
        for comment in section["comments"]:
            author = comment.get("author") or {}
            yield (
                section["criterion"],
                section["key"],
                section["title"],
                comment["tracking_id"],
                comment["period"],
                comment["submitted_at"],
                comment["type"],
                comment["language"],
                author.get("name"),
                author.get("organization"),
                comment["body"],
                comment["proposed_text"],
                comment["disposition"],
                comment["response"],
                "; ".join(
                    f"{link['code'] or link['key'] or link['target']} ({link['version']}, "
                    f"{link['change_class']})"
                    for link in comment.get("changes", [])
                ),
                comment.get("answer_status"),
                comment.get("objection"),
                comment.get("staff_reply", ""),
            )


def is_report(data) -> bool:
    return isinstance(data, dict) and "sections" in data


class CSVRenderer(BaseRenderer):
    """The disposition report as one row per comment, a download for spreadsheets (BOM, CRLF,
    formulas defused); any other body as key,value rows (errors never get here: ContentAPIView
    renders them as JSON)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator=LINE_END)
        if is_report(data):
            buffer.write(BOM)
            writer.writerow(REPORT_COLUMNS)
            for row in report_rows(data):
                writer.writerow(safe_cell(value) for value in row)
        elif isinstance(data, dict):
            for key, value in data.items():
                writer.writerow([safe_cell(key), safe_cell(value)])
        return buffer.getvalue().encode(self.charset)


class ISOCSVRenderer(CSVRenderer):
    """``?format=iso-csv``: the report in the ISO/IEC commenting template's columns (the view
    streams the rows; this renders only what is not a report, such as an error)."""

    format = "iso-csv"


class JSONLinesRenderer(BaseRenderer):
    """Only renders error bodies (one line); exports stream their own lines."""

    media_type = "application/jsonl"
    format = "jsonl"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return (json.dumps(data, ensure_ascii=False, default=str) + "\n").encode(self.charset)
