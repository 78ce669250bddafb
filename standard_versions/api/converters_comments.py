"""URL converters for comment periods and tracking ids: malformed values are a 404 before any
query, and a period id never exceeds a 64-bit integer."""

from django.urls import register_converter


class PeriodIdConverter:
    regex = r"[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


class TrackingIdConverter:
    regex = r"[A-Za-z0-9_-]{8,40}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(PeriodIdConverter, "period")
register_converter(TrackingIdConverter, "tracking")
