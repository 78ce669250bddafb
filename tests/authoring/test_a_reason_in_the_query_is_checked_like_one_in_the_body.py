"""A DELETE's reason may come as ``?reason=`` instead of a JSON body; it is checked the same way:
a NUL character (which PostgreSQL cannot store) is a 400 that removes nothing, not a 500 (the
schema fuzzer found it on PostgreSQL)."""

import pytest

from standard_versions.models import Criterion
from tests.authoring.conftest import BASE

pytestmark = pytest.mark.django_db


def test_a_nul_in_the_query_reason_is_refused_and_nothing_is_removed(draft, editor_client):
    response = editor_client.delete(f"{BASE}/3.1/criteria/DM1/?reason=Not%00now")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "reason" in response.json()["errors"]
    assert Criterion.objects.filter(version__label="3.1", code="DM1").exists()


def test_a_plain_query_reason_still_removes(draft, editor_client):
    assert editor_client.delete(f"{BASE}/3.1/criteria/DM1/?reason=Not+now").status_code == 204
    assert not Criterion.objects.filter(version__label="3.1", code="DM1").exists()
