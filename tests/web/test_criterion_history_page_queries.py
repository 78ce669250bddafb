"""The criterion history page costs a fixed number of queries, whatever the number of versions
that have the criterion or of changes recorded in them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from standard_versions.standards import criteria as criterion_services
from standard_versions.standards import drafts as draft_services
from standard_versions.standards.selectors import version_get

pytestmark = pytest.mark.django_db

# the standard + the criterion's rows in every version (with version, base version, standard and
# practice area) + their history rows + the history records + the practice areas' codes
HISTORY_PAGE_QUERIES = 5


def _drafts_with_edits(count: int) -> None:
    """``count`` drafts in a chain from 3.0, DM7 reworded twice in each."""
    base = version_get(standard_slug="wwc", label="3.0")
    for n in range(count):
        draft = draft_services.create_draft(
            based_on=base,
            label=f"9.{n}",
            title=f"Draft 9.{n}",
            user=None,
            reason="chain",
            now=timezone.now(),
        )
        for edit in range(2):
            criterion_services.update_criterion(
                version=draft,
                code="DM7",
                description=f"Reworded {n}.{edit}.",
                user=None,
                reason=f"edit {n}.{edit}",
                now=timezone.now(),
            )
        # Only one draft at a time: publish it, so the next draft builds on it.
        draft_services.publish_version(version=draft, user=None, reason="chain", now=timezone.now())
        base = draft


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("drafts", [0, 5])
def test_the_history_page_costs_the_same_for_one_or_many_versions(client, shipped_data, drafts):
    _drafts_with_edits(drafts)
    assert _queries(client, "/standards/wwc/criteria/dm7/") == HISTORY_PAGE_QUERIES


def test_another_language_adds_one_query_for_its_translations(client, shipped_data):
    _drafts_with_edits(2)
    assert _queries(client, "/standards/wwc/criteria/dm7/?lang=es") == HISTORY_PAGE_QUERIES + 1
