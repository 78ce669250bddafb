"""When the database is unavailable, the API answers 503 with a code and Retry-After, not 500."""

import pytest
from django.db import OperationalError

from standard_versions.standards import selectors

pytestmark = pytest.mark.django_db


def test_a_database_outage_is_a_503_the_client_may_retry(api_client, shipped_data, monkeypatch):
    def unavailable(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(selectors, "version_head", unavailable)
    response = api_client.get("/api/v1/standards/wwc/versions/3.0/")
    assert response.status_code == 503
    assert response["Retry-After"] == "1"
    assert response.json()["code"] == "service_unavailable"
