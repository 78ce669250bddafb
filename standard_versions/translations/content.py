"""Which text of a translatable object a reader gets.

Serializers never read translatable fields directly: they ask a ``ContentText`` for the text of
``field`` on ``obj`` and for the object's ``translation_status``. ``SourceText`` serves the English
source; the translation layer provides one that overlays a language's translations.
"""

from typing import Protocol

SOURCE_LANGUAGE = "en"


class ContentText(Protocol):
    language: str

    def text(self, obj, field: str) -> str: ...

    def language_of(self, obj) -> str: ...

    def status(self, obj) -> str: ...

    def field_served(self, obj, field: str) -> tuple[str, str]: ...


class SourceText:
    """The English source, as stored."""

    language = SOURCE_LANGUAGE

    def text(self, obj, field: str) -> str:
        return getattr(obj, field)

    def language_of(self, obj) -> str:
        return SOURCE_LANGUAGE

    def status(self, obj) -> str:
        return "source"

    def field_served(self, obj, field: str) -> tuple[str, str]:
        return SOURCE_LANGUAGE, "source"
