"""URL converters for comment periods and tracking ids: malformed values are a 404 before any
query, and a period id never exceeds a 64-bit integer."""

from django.urls import register_converter

from standard_versions.consultation import tracking_ids


class PeriodIdConverter:
    regex = r"[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


class TrackingIdConverter:
    # Dashes and capitals allowed (``K5Q3-W7PZ-...``, as receipts show ids), resolved to the id as
    # stored; the web receipt redirects to its canonical URL.
    regex = r"[A-Za-z0-9_-]{8,40}"

    def to_python(self, value: str) -> str:
        return tracking_ids.canonical(value)

    def to_url(self, value: str) -> str:
        return value


register_converter(PeriodIdConverter, "period")
register_converter(TrackingIdConverter, "tracking")
