"""Machine-readable values for HTML attributes: ``{% load wwc_html %}``.

``<time datetime="{{ comment.submitted_at|html_datetime }}">`` gives ``2026-04-14T12:00:05Z``.
HTML's datetime values allow at most three digits of fractional seconds, and Django's ``date:'c'``
writes six whenever the instant has microseconds (every stored submission time does), which makes
the page invalid HTML; readers never need more than the second.
"""

from datetime import UTC, date, datetime

from django import template

register = template.Library()


@register.filter
def html_datetime(value) -> str:
    """An instant as a valid global date and time string in UTC, to the second; a date as
    ``YYYY-MM-DD``; anything else as nothing."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(microsecond=0).isoformat()
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return ""
