"""Reads of translations: the rows a response overlays (one query), and a version's coverage."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Q

from standard_versions.diff.words import word_diff
from standard_versions.models import Translation, Version
from standard_versions.standards.selectors import version_tree
from standard_versions.translations.content import SOURCE_LANGUAGE, ContentText, SourceText
from standard_versions.translations.i18n import TRANSLATED_LANGUAGES
from standard_versions.translations.po import ExportEntry, write_content_catalog
from standard_versions.translations.translatable import (
    MISSING,
    STALE,
    TranslatableKind,
    TranslatedText,
    context_of,
    field_status,
    kind_of,
)

ROW_FIELDS = ("version_id", "object_type", "object_key", "field", "text", "status", "source_hash")


def content_text(*, language: str, versions: Iterable[Version] = ()) -> ContentText:
    """The text source for ``language``: English as stored, or the translations of ``versions``
    (and of their standards' own text) overlaid, loaded in ONE query."""
    if language == SOURCE_LANGUAGE:
        return SourceText()
    version_ids = [version.pk for version in versions]
    rows = Translation.objects.filter(language=language).filter(
        Q(version_id__in=version_ids) | Q(version__isnull=True)
    )
    return TranslatedText.from_rows(language, rows.values_list(*ROW_FIELDS))


def translatable_objects(version: Version) -> Iterator[object]:
    """Every translatable object a version serves, in reading order (needs ``version_tree``)."""
    yield version.standard
    yield version
    for area in version.practice_areas.all():
        yield area
        yield from area.criteria.all()
    yield from version.levels.all()
    yield from version.outcome_areas.all()
    yield from version.comment_periods.order_by("opens_at", "pk")


def translatable_fields(version: Version) -> Iterator[tuple[object, TranslatableKind, str, str]]:
    """(object, kind, field, English) for every non-empty translatable field of the version."""
    for obj in translatable_objects(version):
        kind = kind_of(obj)
        for name in kind.fields:
            english = getattr(obj, name)
            if english:
                yield obj, kind, name, english


def translation_rows(*, version: Version, languages: Iterable[str]) -> dict[tuple, Translation]:
    """Stored rows of the version (and its standard) by (language, version_id, type, key, field)."""
    rows = Translation.objects.filter(language__in=list(languages)).filter(
        Q(version=version) | Q(version__isnull=True, standard_id=version.standard_id)
    )
    return {
        (row.language, row.version_id, row.object_type, row.object_key, row.field): row
        for row in rows
    }


@dataclass
class LanguageCoverage:
    language: str
    total: int = 0
    translated: int = 0
    by_status: dict[str, int] = field(
        default_factory=lambda: {"reviewed": 0, "draft": 0, STALE: 0, MISSING: 0}
    )
    stale: list[dict] = field(default_factory=list)
    missing: list[dict] = field(default_factory=list)


def _item(obj, kind: TranslatableKind, name: str) -> dict:
    return {
        "context": context_of(kind.object_type, kind.key_of(obj), name),
        "object_type": kind.object_type,
        "key": kind.key_of(obj),
        "code": getattr(obj, "code", None),
        "field": name,
    }


def translation_coverage(*, version: Version, languages=TRANSLATED_LANGUAGES) -> list:
    """Per language: how many translatable fields are translated, by status, and which are stale
    (with the word diff of the English since they were translated) or missing."""
    rows = translation_rows(version=version, languages=languages)
    report = []
    for language in languages:
        coverage = LanguageCoverage(language=language)
        for obj, kind, name, english in translatable_fields(version):
            row = rows.get(
                (language, kind.version_id_of(obj), kind.object_type, kind.key_of(obj), name)
            )
            values = None if row is None else (row.text, row.status, row.source_hash)
            status = field_status(english, values)
            coverage.total += 1
            coverage.by_status[status] += 1
            if status == MISSING:
                coverage.missing.append(_item(obj, kind, name))
                continue
            coverage.translated += 1
            if status == STALE:
                coverage.stale.append(
                    {
                        **_item(obj, kind, name),
                        "status": row.status,
                        "translated_at": row.updated_at,
                        "text": row.text,
                        "source_then": row.source_text,
                        "source_now": english,
                        "source_diff": word_diff(row.source_text, english),
                    }
                )
        report.append(coverage)
    return report


@dataclass(frozen=True)
class FieldRef:
    obj: object
    kind: TranslatableKind
    field: str
    english: str

    @property
    def version_id(self) -> int | None:
        return self.kind.version_id_of(self.obj)

    @property
    def key(self) -> str:
        return self.kind.key_of(self.obj)

    @property
    def row_key(self) -> tuple:
        return (self.version_id, self.kind.object_type, self.key, self.field)


def translatable_field_index(*, version: Version) -> dict[str, FieldRef]:
    """Every translatable field of the version (empty English included) by PO context."""
    version_tree(version=version)
    index = {}
    for obj in translatable_objects(version):
        kind = kind_of(obj)
        for name in kind.fields:
            ref = FieldRef(obj, kind, name, getattr(obj, name))
            index[context_of(kind.object_type, ref.key, name)] = ref
    return index


def _describe(ref: FieldRef) -> str:
    code = getattr(ref.obj, "code", None)
    what = ref.kind.object_type.replace("_", " ")
    note = " (Markdown)" if ref.field == "description" else ""
    return f"{what} {code or ref.key}, {ref.field}{note}"


def content_catalog(*, version: Version, language: str) -> bytes:
    """The PO catalog of the version's content in ``language`` (see translation_po)."""
    index = translatable_field_index(version=version)
    rows = translation_rows(version=version, languages=[language])
    entries = []
    for context, ref in index.items():
        if not ref.english:
            continue
        row = rows.get((language, *ref.row_key))
        entry = ExportEntry(context=context, english=ref.english, comment=_describe(ref))
        if row is not None:
            entry.text, entry.status = row.text, row.status
            if not row.is_current_for(ref.english):
                entry.stale_source = row.source_text
        entries.append(entry)
    return write_content_catalog(
        entries=entries, language=language, standard=version.standard.slug, label=version.label
    )
