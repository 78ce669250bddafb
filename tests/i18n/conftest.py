import io

import pytest
from babel.messages.pofile import read_po, write_po
from django.utils import timezone

from standard_versions.models import Translation
from standard_versions.models.translations import source_hash
from standard_versions.standards.selectors import version_get
from standard_versions.translations.importing import import_translation_catalogs
from standard_versions.translations.po import _headers, parse_content_catalog
from standard_versions.translations.selectors import content_catalog, translatable_field_index
from tests.factories import build_version

MARK = {"es": "ES", "pt-BR": "PT"}


def translated(english: str, language: str) -> str:
    return f"[{MARK[language]}] {english}"


def fill_catalog(data: bytes, language: str, *, only=None, status=None) -> bytes:
    """The exported catalog with every (or each ``only``) entry translated by ``translated``, as
    a translator's tool would save it (Babel rewrites it, keeping our X- headers)."""
    headers = _headers(data.decode())
    catalog = read_po(io.BytesIO(data))
    for message in catalog:
        if message.id and (only is None or message.context in only):
            message.string = translated(message.id, language)
            # What a translator's tool does on saving an updated entry.
            message.flags.discard("fuzzy")
            message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    ours = {
        "X-Standard": headers["x-standard"],
        "X-Standard-Version": headers["x-standard-version"],
        "X-Translation-Status": status or headers["x-translation-status"],
    }
    extra = "".join(f'"{name}: {value}\\n"\n' for name, value in ours.items())
    return (
        buffer.getvalue().decode().replace('"Generated-By:', extra + '"Generated-By:', 1).encode()
    )


def translate_version(version, language: str, *, only=None, status=None):
    data = fill_catalog(
        content_catalog(version=version, language=language), language, only=only, status=status
    )
    return import_translation_catalogs(
        catalogs=[parse_content_catalog(data, name="fixture.po")],
        user=None,
        reason="test translations",
        now=timezone.now(),
    )


@pytest.fixture
def small_translated(db):
    """A published version 'big' 1.0 of 8 criteria, fully translated to es (draft) and pt-BR
    (reviewed)."""
    build_version(label="1.0", criteria=8, areas=2)
    version = version_get(standard_slug="big", label="1.0")
    translate_version(version, "es")
    translate_version(version, "pt-BR", status="reviewed")
    return version_get(standard_slug="big", label="1.0")


def bulk_translate(version, language: str) -> None:
    """Translate every field of ``version`` at once (test data only: no history is recorded)."""
    rows = [
        Translation(
            standard_id=version.standard_id,
            version_id=ref.version_id,
            object_type=ref.kind.object_type,
            object_key=ref.key,
            field=ref.field,
            language=language,
            text=translated(ref.english, language),
            source_text=ref.english,
            source_hash=source_hash(ref.english),
            updated_at=timezone.now(),
        )
        for ref in translatable_field_index(version=version).values()
        if ref.english
    ]
    Translation.objects.bulk_create(rows, ignore_conflicts=True)
