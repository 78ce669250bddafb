"""The ``shipped_data`` fixture inserts rows read once from the loader; they must be what
``load_standard`` itself stores, or every test built on them would test something else."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, models

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


def test_the_fixture_stores_what_the_loader_stores(shipped_data):
    from_fixture = _content_of_every_table()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label == "standard_versions":
            # References are checked when the test's transaction ends, and it is rolled back.
            model._base_manager.all()._raw_delete(connection.alias)
    call_command("load_standard", verbosity=0)
    from_loader = _content_of_every_table()
    assert "standard_versions.Criterion" in from_loader
    assert from_fixture == from_loader
