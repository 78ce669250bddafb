"""Input fields that take JSON types at their word."""

from rest_framework import serializers


class _StringOnly:
    """Refuses anything but a JSON string. DRF's ``CharField`` turns ``12`` or ``1.5`` into
    ``"12"``/``"1.5"``, so a client's type error would be stored as text instead of refused."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictCharField(_StringOnly, serializers.CharField):
    pass


class StrictRegexField(_StringOnly, serializers.RegexField):
    pass


def optional_text(**options) -> StrictCharField:
    """A string the body may leave out or give blank: either way it reads as ``""``."""
    return StrictCharField(required=False, allow_blank=True, default="", **options)
