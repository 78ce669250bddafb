"""`make run` imports the shipped catalogs with --keep-existing: missing translations are added,
and one a translator has imported since is left as it is, in one line; a plain import (the
translator's own command) still overwrites."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from standard_versions.models import Translation

SHIPPED = Path(__file__).resolve().parents[2] / "standard_versions" / "data" / "translations"
SHIPPED_TITLE = 'msgstr "Implementación de la estrategia y la gobernanza de datos"'

pytestmark = pytest.mark.django_db


def _import(*args) -> str:
    out = io.StringIO()
    call_command("import_translations", *map(str, args), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _dm1_title() -> Translation:
    return Translation.objects.get(
        version__label="3.0", object_key="dm1", field="title", language="es"
    )


@pytest.fixture
def translators_catalog(shipped_data, tmp_path) -> Path:
    _import(SHIPPED)
    text = (SHIPPED / "wwc-3.0.es.po").read_text(encoding="utf-8")
    assert SHIPPED_TITLE in text
    path = tmp_path / "wwc-3.0.es.po"
    path.write_text(text.replace(SHIPPED_TITLE, 'msgstr "Estrategia y gobernanza de datos"'))
    _import(path)
    return path


def test_start_up_leaves_a_translation_a_translator_imported_since(translators_catalog):
    history = Translation.history.count()
    output = _import("--keep-existing", SHIPPED)
    assert output.strip().endswith(
        "1 differ from the files and are left as they are "
        "(import without --keep-existing to overwrite them)"
    )
    assert _dm1_title().text == "Estrategia y gobernanza de datos"
    assert Translation.history.count() == history


def test_start_up_adds_a_translation_that_is_missing(translators_catalog):
    _dm1_title().delete()
    output = _import("--keep-existing", SHIPPED)
    assert "1 translation(s) written" in output
    assert _dm1_title().text == "Implementación de la estrategia y la gobernanza de datos"


def test_a_plain_import_of_the_shipped_catalogs_still_overwrites(translators_catalog):
    _import(SHIPPED)
    assert _dm1_title().text == "Implementación de la estrategia y la gobernanza de datos"
