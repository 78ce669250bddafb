"""Which objects and fields are translatable, and the text a reader of another language gets.

An object is named by ``(object_type, key)`` inside its version; its translatable fields are
listed here once and used by the API, the PO export/import and the coverage report. Another kind
of object (e.g. comment-period instructions) becomes translatable with ``register``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from standard_versions.models import (
    CertificationLevel,
    CommentPeriod,
    Criterion,
    OutcomeArea,
    PracticeArea,
    Standard,
    Version,
)
from standard_versions.models.translations import source_hash
from standard_versions.translations.content import SOURCE_LANGUAGE


@dataclass(frozen=True)
class TranslatableKind:
    object_type: str
    fields: tuple[str, ...]
    key_of: Callable[[object], str]
    version_id_of: Callable[[object], int | None]


KINDS_BY_MODEL: dict[type, TranslatableKind] = {}
KINDS_BY_TYPE: dict[str, TranslatableKind] = {}


def register(model: type, kind: TranslatableKind) -> None:
    KINDS_BY_MODEL[model] = kind
    KINDS_BY_TYPE[kind.object_type] = kind


def _version_id(obj) -> int | None:
    return obj.version_id


register(
    Standard,
    TranslatableKind("standard", ("name", "description"), lambda o: o.slug, lambda o: None),
)
register(Version, TranslatableKind("version", ("title",), lambda o: o.label, lambda o: o.pk))
register(
    PracticeArea,
    TranslatableKind("practice_area", ("name", "description"), lambda o: o.key, _version_id),
)
register(
    Criterion,
    TranslatableKind("criterion", ("title", "description"), lambda o: o.key, _version_id),
)
register(CertificationLevel, TranslatableKind("level", ("name",), lambda o: o.key, _version_id))
register(
    OutcomeArea,
    TranslatableKind("outcome_area", ("name", "description"), lambda o: o.key, _version_id),
)
# A period is named by its reference (stable across databases, e.g. the shipped 2022 period) or,
# without one, by its id.
register(
    CommentPeriod,
    TranslatableKind(
        "comment_period", ("instructions",), lambda o: o.reference or str(o.pk), _version_id
    ),
)


def kind_of(obj) -> TranslatableKind | None:
    return KINDS_BY_MODEL.get(type(obj))


def context_of(object_type: str, key: str, field: str) -> str:
    return f"{object_type}:{key}:{field}"


# (version_id or None, object_type, object_key, field) -> (text, status, source_hash)
RowKey = tuple[int | None, str, str, str]
RowValue = tuple[str, str, str]

MISSING = "missing"
STALE = "stale"
SEVERITY = {"reviewed": 0, "draft": 1, STALE: 2, MISSING: 3}


def field_status(english: str, row: RowValue | None) -> str:
    """``missing``, ``stale`` (the English changed since), or the row's own status."""
    if row is None:
        return MISSING
    if row[2] != source_hash(english):
        return STALE
    return row[1]


class TranslatedText:
    """A ``ContentText`` for ``language`` that overlays rows loaded beforehand (no queries).

    A stale translation is still served (flagged ``stale``); a missing one falls back to English
    (flagged ``missing``). An object's status is its worst field's: missing, stale, draft,
    reviewed. Empty English fields have nothing to translate and do not count.
    """

    def __init__(self, language: str, rows: dict[RowKey, RowValue]):
        self.language = language
        self.rows = rows
        self._statuses: dict[tuple, tuple[str, str]] = {}

    @classmethod
    def from_rows(cls, language: str, rows: Iterable[tuple]) -> "TranslatedText":
        """``rows``: (version_id, object_type, object_key, field, text, status, source_hash)."""
        return cls(language, {tuple(row[:4]): tuple(row[4:]) for row in rows})

    def _row(self, kind: TranslatableKind, obj, field: str) -> RowValue | None:
        return self.rows.get((kind.version_id_of(obj), kind.object_type, kind.key_of(obj), field))

    def text(self, obj, field: str) -> str:
        english = getattr(obj, field)
        kind = kind_of(obj)
        if kind is None or field not in kind.fields or not english:
            return english
        row = self._row(kind, obj, field)
        return english if row is None else row[0]

    def _summary(self, obj) -> tuple[str, str]:
        kind = kind_of(obj)
        if kind is None:
            return SOURCE_LANGUAGE, "source"
        cache_key = (kind.object_type, kind.version_id_of(obj), kind.key_of(obj))
        summary = self._statuses.get(cache_key)
        if summary is None:
            statuses = [
                field_status(english, self._row(kind, obj, field))
                for field in kind.fields
                if (english := getattr(obj, field))
            ]
            if not statuses:
                summary = (SOURCE_LANGUAGE, "source")
            elif all(status == MISSING for status in statuses):
                summary = (SOURCE_LANGUAGE, MISSING)
            else:
                summary = (self.language, max(statuses, key=SEVERITY.__getitem__))
            self._statuses[cache_key] = summary
        return summary

    def language_of(self, obj) -> str:
        return self._summary(obj)[0]

    def status(self, obj) -> str:
        return self._summary(obj)[1]

    def field_served(self, obj, field: str) -> tuple[str, str]:
        """(language, status) of one field alone, where a page shows that field without the
        rest of its object (a criterion's title on a receipt)."""
        english = getattr(obj, field)
        kind = kind_of(obj)
        if kind is None or field not in kind.fields or not english:
            return SOURCE_LANGUAGE, "source"
        status = field_status(english, self._row(kind, obj, field))
        return (SOURCE_LANGUAGE if status == MISSING else self.language), status
