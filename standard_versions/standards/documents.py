"""What a version document holds once parsed (``datafile`` reads and validates one; the loader
writes it): plain dataclasses, independent of the database."""

import datetime as dt
from dataclasses import dataclass, field

from standard_versions.text.problems import Problem


@dataclass
class CriterionData:
    key: str
    code: str
    title: str
    description: str
    is_core: bool
    position: int


@dataclass
class PracticeAreaData:
    key: str
    code: str
    name: str
    description: str
    position: int
    criteria: list[CriterionData] = field(default_factory=list)


@dataclass
class LevelData:
    key: str
    name: str
    min_percent: int
    position: int


@dataclass
class OutcomeAreaData:
    key: str
    name: str
    description: str
    position: int


@dataclass
class VersionDocument:
    standard_slug: str
    standard_name: str
    standard_description: str
    label: str
    title: str
    status: str
    based_on: str | None
    published_at: dt.datetime | None
    effective_from: dt.date | None
    provenance: str
    min_outcome_areas: int
    levels: list[LevelData]
    outcome_areas: list[OutcomeAreaData]
    practice_areas: list[PracticeAreaData]
    # A version rebuilt from later sources (its texts and figures inferred): see Version.
    reconstructed: bool = False


class DocumentInvalid(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))
