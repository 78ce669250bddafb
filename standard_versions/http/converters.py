"""URL converters that accept only well-formed identifiers, so a malformed path is a plain 404
and never reaches the database (PostgreSQL refuses NUL bytes in text, for one)."""

from django.urls import register_converter


class _Pattern:
    regex = ""

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class StandardSlugConverter(_Pattern):
    regex = r"[-a-zA-Z0-9_]{1,50}"


class VersionLabelConverter(_Pattern):
    regex = r"[0-9A-Za-z][0-9A-Za-z.-]{0,19}"


class CodeConverter(_Pattern):
    regex = r"[A-Za-z][A-Za-z0-9.-]{0,19}"


class KeyConverter(_Pattern):
    regex = r"[a-z0-9][a-z0-9-]{0,63}"


register_converter(StandardSlugConverter, "std")
register_converter(VersionLabelConverter, "label")
register_converter(CodeConverter, "code")
register_converter(KeyConverter, "key")
