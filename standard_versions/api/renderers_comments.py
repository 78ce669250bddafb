"""CSV and JSON Lines output for disposition reports and staff exports.

Cells that a spreadsheet would run as a formula (starting with = + - @ or a tab/carriage return)
get a leading apostrophe (OWASP "CSV injection"); the JSON and JSON Lines outputs are verbatim.
"""

import csv
import io
import json

from rest_framework.renderers import BaseRenderer

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

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
)


def safe_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class CSVRenderer(BaseRenderer):
    """The disposition report as one row per comment; any other body (errors) as key,value."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        if isinstance(data, dict) and "sections" in data:
            writer.writerow(REPORT_COLUMNS)
            for section in data["sections"]:
                for comment in section["comments"]:
                    author = comment.get("author") or {}
                    writer.writerow(
                        safe_cell(value)
                        for value in (
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
                        )
                    )
        elif isinstance(data, dict):
            for key, value in data.items():
                writer.writerow([safe_cell(key), safe_cell(value)])
        return buffer.getvalue().encode(self.charset)


class JSONLinesRenderer(BaseRenderer):
    """Only renders error bodies (one line); exports stream their own lines."""

    media_type = "application/jsonl"
    format = "jsonl"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return (json.dumps(data, ensure_ascii=False, default=str) + "\n").encode(self.charset)
