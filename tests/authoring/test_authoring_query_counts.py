"""Point-in-time reads and history lists issue a fixed number of queries, whatever the size."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.standards.drafts import create_draft
from tests.factories import build_version

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 1, 1, tzinfo=UTC)
AS_OF = "2030-06-01T00:00:00Z"
PATHS = {
    "tree as_of": "/api/v1/standards/{std}/versions/2.0/?as_of=" + AS_OF,
    "criteria as_of": "/api/v1/standards/{std}/versions/2.0/criteria/?as_of="
    + AS_OF
    + "&page_size=1000",
    "criterion as_of": "/api/v1/standards/{std}/versions/2.0/criteria/A0.0/?as_of=" + AS_OF,
    "version history": "/api/v1/standards/{std}/versions/2.0/history/?page_size=1000",
    "criterion history": "/api/v1/standards/{std}/versions/2.0/criteria/A0.0/history/",
    "timeline": "/api/v1/standards/{std}/criteria/k0/timeline/",
}
EXPECTED = {
    "tree as_of": 6,
    "criteria as_of": 4,
    "criterion as_of": 3,
    "version history": 8,
    "criterion history": 6,
    "timeline": 3,
}


def _draft_of(std: str, criteria: int):
    source = build_version(standard_slug=std, label="1.0", criteria=criteria)
    create_draft(based_on=source, label="2.0", title="t", user=None, reason="r", now=NOW)


@pytest.mark.parametrize("endpoint", sorted(PATHS))
def test_query_count_is_pinned_and_the_same_for_40_and_400_criteria(api_client, endpoint):
    _draft_of("small", 40)
    _draft_of("large", 400)
    counts = []
    for std in ("small", "large"):
        with CaptureQueriesContext(connection) as captured:
            response = api_client.get(PATHS[endpoint].format(std=std))
        assert response.status_code == 200, response.content
        counts.append(len(captured))
    assert counts == [EXPECTED[endpoint]] * 2
