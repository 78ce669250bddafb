"""Frozen, ORM-free pictures of a version: what the diff module compares.

Order is the tuple order (practice areas by position, criteria by position within their practice
area, levels by minimum percent, outcome areas by position); positions are indices into those
tuples, so two snapshots are equal exactly when they serve the same Standard.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class CriterionSnapshot:
    key: str
    code: str
    title: str
    description: str
    is_core: bool = False


@dataclass(frozen=True)
class PracticeAreaSnapshot:
    key: str
    code: str
    name: str
    description: str = ""
    criteria: tuple[CriterionSnapshot, ...] = ()


@dataclass(frozen=True)
class LevelSnapshot:
    key: str
    name: str
    min_percent: int


@dataclass(frozen=True)
class OutcomeAreaSnapshot:
    key: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class VersionSnapshot:
    standard: str
    label: str
    title: str = ""
    status: str = "draft"
    reconstructed: bool = False
    language: str = "en"
    practice_areas: tuple[PracticeAreaSnapshot, ...] = ()
    levels: tuple[LevelSnapshot, ...] = ()
    outcome_areas: tuple[OutcomeAreaSnapshot, ...] = ()
    min_outcome_areas: int = 0

    def criteria(self):
        """Every criterion with its practice area, in document order."""
        for area in self.practice_areas:
            for criterion in area.criteria:
                yield area, criterion

    def criteria_by_key(self) -> dict[str, tuple[PracticeAreaSnapshot, int, CriterionSnapshot]]:
        """Each criterion's practice area and index in it, by key, in document order."""
        return {
            criterion.key: (area, index, criterion)
            for area in self.practice_areas
            for index, criterion in enumerate(area.criteria)
        }
