"""The PO files shipped in standard_versions/data/translations/ import cleanly, strictly (every
msgid is the current English), and importing them again changes nothing (as `make run` does)."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from standard_versions.models import Translation

SHIPPED = Path(__file__).resolve().parents[2] / "standard_versions" / "data" / "translations"

pytestmark = pytest.mark.django_db


def test_every_shipped_catalog_imports_strictly_and_again_changes_nothing(shipped_data):
    files = sorted(SHIPPED.glob("*.po"))
    out = io.StringIO()
    call_command("import_translations", str(SHIPPED), "--strict", stdout=out, stderr=io.StringIO())
    if not files:
        assert "nothing to import" in out.getvalue()
        return
    count, history = Translation.objects.count(), Translation.history.count()
    assert count > 0
    again = io.StringIO()
    call_command("import_translations", str(SHIPPED), stdout=again, stderr=io.StringIO())
    assert "0 translation(s) written" in again.getvalue()
    assert (Translation.objects.count(), Translation.history.count()) == (count, history)
