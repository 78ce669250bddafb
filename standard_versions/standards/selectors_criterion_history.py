"""The public history of one criterion: every version it appears in, found by its permanent key,
with the change records of each of its rows. A fixed number of queries, whatever the number of
versions or records."""

from dataclasses import dataclass

from standard_versions.models import Criterion
from standard_versions.standards import selectors_history


@dataclass(frozen=True)
class CriterionHistory:
    # The criterion's row in each version that has its key, oldest version first, each with its
    # version (and the version's standard and base) and practice area loaded.
    criteria: list[Criterion]
    # Criterion id -> its change records (``selectors_history.history_entries``), oldest first.
    records: dict[int, list[dict]]


def criterion_history(*, standard_slug: str, key: str) -> CriterionHistory:
    """Four queries (the standard, the criteria, their history rows, the records), and one more
    for practice area codes when there are records. Raises ``NotFound`` for an unknown standard
    or a key no version has."""
    criteria = list(
        selectors_history.criterion_timeline(standard_slug=standard_slug, key=key).select_related(
            "version__based_on"
        )
    )
    if not criteria:
        raise selectors_history.criterion_key_not_found(standard_slug=standard_slug, key=key)
    rows = list(selectors_history.criteria_history_rows(criterion_ids=[c.pk for c in criteria]))
    records: dict[int, list[dict]] = {criterion.pk: [] for criterion in criteria}
    for row, entry in zip(rows, selectors_history.history_entries(rows), strict=True):
        records[row["id"]].append(entry)
    return CriterionHistory(criteria=criteria, records=records)
