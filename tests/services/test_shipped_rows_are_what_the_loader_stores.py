"""The ``shipped_data`` and ``shipped_translations`` fixtures insert rows read once from the
loaders; they must be what ``load_standard`` and ``import_translations`` themselves store, or every
test built on them would test something else."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, models

from tests import conftest
from tests.conftest import SHIPPED_TRANSLATIONS

pytestmark = pytest.mark.django_db


def _content_of_every_table() -> dict[str, list[tuple]]:
    """Each table's rows without ids, references and times, which differ between two loads."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if not isinstance(f, (models.AutoField, models.ForeignKey, models.DateTimeField))
            and f.attname != "id"  # a history record's copy of its row's id
        ]
        rows = sorted(tuple(map(repr, row)) for row in model._base_manager.values_list(*fields))
        if rows:
            tables[model._meta.label] = rows
    return tables


def _delete_the_apps_rows() -> None:
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label == "standard_versions":
            # References are checked when the test's transaction ends, and it is rolled back.
            model._base_manager.all()._raw_delete(connection.alias)


def test_the_fixture_stores_what_the_loader_stores(shipped_data):
    from_fixture = _content_of_every_table()
    _delete_the_apps_rows()
    call_command("load_standard", verbosity=0)
    from_loader = _content_of_every_table()
    assert "standard_versions.Criterion" in from_loader
    assert from_fixture == from_loader


def test_the_translations_fixture_stores_what_the_importer_stores(shipped_translations):
    from_fixture = _content_of_every_table()
    _delete_the_apps_rows()
    call_command("load_standard", verbosity=0)
    call_command("import_translations", SHIPPED_TRANSLATIONS, verbosity=0)
    from_loaders = _content_of_every_table()
    assert "standard_versions.Translation" in from_loaders
    assert from_fixture == from_loaders


def _every_row() -> dict[str, list[tuple]]:
    """Each of the app's tables' rows as stored, ids and times included."""
    return {
        model._meta.label: sorted(map(repr, model._base_manager.values_list()))
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label == "standard_versions" and model._base_manager.exists()
    }


def test_the_statements_run_again_store_what_the_first_insertion_stored(
    _shipped_layers, monkeypatch
):
    """Only the first insertion of a layer in a test process goes through the ORM; later ones run
    the statements it recorded. Which one a test above gets depends on the order tests run in, so
    both are compared here, row for row."""
    monkeypatch.setattr(conftest, "_insert_statements", {})
    for name in ("standard", "translations"):
        conftest._insert_rows(name, _shipped_layers[name])
    through_the_orm = _every_row()
    assert conftest._insert_statements["standard"], "the first insertion was recorded"
    _delete_the_apps_rows()
    assert _every_row() == {}
    for name in ("standard", "translations"):
        conftest._insert_rows(name, _shipped_layers[name])
    assert "standard_versions.Translation" in through_the_orm
    assert _every_row() == through_the_orm
