"""iCalendar files (RFC 5545): "add to calendar" for a comment period.

One VEVENT per period, from its opening to its closing instant in UTC (so no VTIMEZONE is needed
and every calendar shows it in its own zone), transparent (the reader is not busy for two weeks),
with a reminder a day before the deadline. The UID is the period's and never changes; SEQUENCE is
the number of public changes to the period (extended, closed early, reopened), so a calendar that
imports the file again updates the event instead of adding a second one.

Pure: text in, bytes out. Lines end with CRLF and are folded at 75 octets without splitting a
UTF-8 character; TEXT values are escaped (backslash, semicolon, comma, newline).
"""

import datetime as dt
from dataclasses import dataclass

MAX_LINE_OCTETS = 75
PRODUCT_ID = "-//What Works Cities//WWC Standard service//EN"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    summary: str
    description: str
    url: str
    # Shown by the calendar a day before ``ends_at``.
    reminder: str
    sequence: int
    stamp: dt.datetime


def period_uid(period_id: int) -> str:
    """Stable across languages, requests and changes to the period."""
    return f"comment-period-{period_id}@wwc-standard-service"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """One content line folded at 75 octets (RFC 5545 3.1), continuation lines starting with a
    space; a UTF-8 character is never split."""
    pieces, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        # Continuation lines carry a leading space, which counts.
        limit = MAX_LINE_OCTETS if not pieces else MAX_LINE_OCTETS - 1
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _event_lines(event: CalendarEvent) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{_utc(event.stamp)}",
        f"DTSTART:{_utc(event.starts_at)}",
        f"DTEND:{_utc(event.ends_at)}",
        f"SEQUENCE:{event.sequence}",
        f"SUMMARY:{escape_text(event.summary)}",
        f"DESCRIPTION:{escape_text(event.description)}",
        # A URI value, not TEXT: not escaped (RFC 5545 3.3.13); our URLs have no control characters.
        f"URL:{event.url}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER;RELATED=END:-P1D",
        f"DESCRIPTION:{escape_text(event.reminder)}",
        "END:VALARM",
        "END:VEVENT",
    ]


def calendar_file(events: list[CalendarEvent]) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for event in events:
        lines.extend(_event_lines(event))
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines).encode("utf-8")
