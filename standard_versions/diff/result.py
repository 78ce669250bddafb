"""The result of a version diff: frozen dataclasses with a ``to_dict()`` that is JSON-ready.

``to_dict()`` is the one definition of the diff's JSON format (API, CLI and formats read it).
"""

from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from typing import Any

from standard_versions.diff.words import TextChange


@dataclass(frozen=True)
class ValueChange:
    old: Any
    new: Any

    def to_dict(self) -> dict:
        return {"old": self.old, "new": self.new}


@dataclass(frozen=True)
class AreaRef:
    key: str
    code: str
    name: str

    def to_dict(self) -> dict:
        return {"key": self.key, "code": self.code, "name": self.name}


@dataclass(frozen=True)
class AreaMove:
    old: AreaRef
    new: AreaRef

    def to_dict(self) -> dict:
        return {"old": self.old.to_dict(), "new": self.new.to_dict()}


@dataclass(frozen=True)
class VersionRef:
    label: str
    title: str
    status: str
    # Rebuilt from later sources: its side of every change is an inference (see Version).
    reconstructed: bool = False

    def to_dict(self) -> dict:
        return {
            "label": self.label,
            "title": self.title,
            "status": self.status,
            "reconstructed": self.reconstructed,
        }


def has_changes(change) -> bool:
    return any(
        getattr(change, item.name) is not None
        for item in dataclass_fields(change)
        if item.name.endswith("_change")
    )


def _changes_dict(changes: dict[str, Any]) -> tuple[list[str], dict]:
    present = {name: change for name, change in changes.items() if change is not None}
    return list(present), {name: change.to_dict() for name, change in present.items()}


@dataclass(frozen=True)
class CriterionEntry:
    """An added or removed criterion, as it stands in the version that has it."""

    key: str
    code: str
    title: str
    description: str
    is_core: bool
    practice_area: AreaRef
    position: int

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "code": self.code,
            "title": self.title,
            "description": self.description,
            "is_core": self.is_core,
            "practice_area": self.practice_area.to_dict(),
            "position": self.position,
        }


@dataclass(frozen=True)
class CriterionChange:
    key: str
    code: str
    old_code: str
    title: str
    practice_area: AreaRef
    code_change: ValueChange | None = None
    area_change: AreaMove | None = None
    position_change: ValueChange | None = None
    title_change: TextChange | None = None
    description_change: TextChange | None = None

    @property
    def renumbered(self) -> bool:
        return self.code_change is not None

    @property
    def moved(self) -> bool:
        return self.area_change is not None

    @property
    def reordered(self) -> bool:
        return self.position_change is not None and self.area_change is None

    @property
    def reworded(self) -> bool:
        return self.title_change is not None or self.description_change is not None

    def to_dict(self) -> dict:
        fields, changes = _changes_dict(
            {
                "code": self.code_change,
                "practice_area": self.area_change,
                "position": self.position_change,
                "title": self.title_change,
                "description": self.description_change,
            }
        )
        return {
            "key": self.key,
            "code": self.code,
            "old_code": self.old_code,
            "title": self.title,
            "practice_area": self.practice_area.to_dict(),
            "fields": fields,
            "changes": changes,
        }


@dataclass(frozen=True)
class PracticeAreaEntry:
    key: str
    code: str
    name: str
    description: str
    position: int

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "code": self.code,
            "name": self.name,
            "description": self.description,
            "position": self.position,
        }


@dataclass(frozen=True)
class PracticeAreaChange:
    key: str
    code: str
    old_code: str
    name: str
    code_change: ValueChange | None = None
    position_change: ValueChange | None = None
    name_change: TextChange | None = None
    description_change: TextChange | None = None

    def to_dict(self) -> dict:
        fields, changes = _changes_dict(
            {
                "code": self.code_change,
                "position": self.position_change,
                "name": self.name_change,
                "description": self.description_change,
            }
        )
        return {
            "key": self.key,
            "code": self.code,
            "old_code": self.old_code,
            "name": self.name,
            "fields": fields,
            "changes": changes,
        }


@dataclass(frozen=True)
class LevelEntry:
    key: str
    name: str
    min_percent: int

    def to_dict(self) -> dict:
        return {"key": self.key, "name": self.name, "min_percent": self.min_percent}


@dataclass(frozen=True)
class LevelChange:
    key: str
    name: str
    name_change: TextChange | None = None
    min_percent_change: ValueChange | None = None

    def to_dict(self) -> dict:
        fields, changes = _changes_dict(
            {"name": self.name_change, "min_percent": self.min_percent_change}
        )
        return {"key": self.key, "name": self.name, "fields": fields, "changes": changes}


@dataclass(frozen=True)
class CoreRef:
    key: str
    code: str
    title: str

    def to_dict(self) -> dict:
        return {"key": self.key, "code": self.code, "title": self.title}


@dataclass(frozen=True)
class OutcomeAreaEntry:
    key: str
    name: str
    description: str
    position: int

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "name": self.name,
            "description": self.description,
            "position": self.position,
        }


@dataclass(frozen=True)
class OutcomeAreaChange:
    key: str
    name: str
    position_change: ValueChange | None = None
    name_change: TextChange | None = None
    description_change: TextChange | None = None

    def to_dict(self) -> dict:
        fields, changes = _changes_dict(
            {
                "position": self.position_change,
                "name": self.name_change,
                "description": self.description_change,
            }
        )
        return {"key": self.key, "name": self.name, "fields": fields, "changes": changes}


@dataclass(frozen=True)
class Section:
    """Added, removed and changed items of one kind."""

    added: tuple = ()
    removed: tuple = ()
    changed: tuple = ()

    def __len__(self) -> int:
        return len(self.added) + len(self.removed) + len(self.changed)

    def to_dict(self) -> dict:
        return {
            "added": [item.to_dict() for item in self.added],
            "removed": [item.to_dict() for item in self.removed],
            "changed": [item.to_dict() for item in self.changed],
        }


@dataclass(frozen=True)
class RequirementsDiff:
    levels: Section = field(default_factory=Section)
    core_added: tuple[CoreRef, ...] = ()
    core_removed: tuple[CoreRef, ...] = ()
    outcome_areas: Section = field(default_factory=Section)
    min_outcome_areas: ValueChange | None = None

    def __len__(self) -> int:
        return (
            len(self.levels)
            + len(self.core_added)
            + len(self.core_removed)
            + len(self.outcome_areas)
            + (self.min_outcome_areas is not None)
        )

    def to_dict(self) -> dict:
        return {
            "levels": self.levels.to_dict(),
            "core_criteria": {
                "added": [ref.to_dict() for ref in self.core_added],
                "removed": [ref.to_dict() for ref in self.core_removed],
            },
            "outcome_areas": self.outcome_areas.to_dict(),
            "min_outcome_areas": (
                self.min_outcome_areas.to_dict() if self.min_outcome_areas else None
            ),
        }


@dataclass(frozen=True)
class TranslationCaveat:
    """A criterion whose comparison in a translated language cannot be trusted: its English
    differs between the versions (or it is in one version only) while the text compared in that
    language is, in either version, a stale translation or an English fallback (``missing``).
    A status is None where the criterion is not in that version."""

    key: str
    code: str
    from_status: str | None
    to_status: str | None

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "code": self.code,
            "from_status": self.from_status,
            "to_status": self.to_status,
        }


@dataclass(frozen=True)
class VersionDiff:
    standard: str
    language: str
    from_version: VersionRef
    to_version: VersionRef
    criteria: Section
    practice_areas: Section
    requirements: RequirementsDiff
    # Only in a translated language (see TranslationCaveat); empty in English.
    translation_caveats: tuple[TranslationCaveat, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (len(self.criteria) or len(self.practice_areas) or len(self.requirements))

    def summary(self) -> dict:
        changed = self.criteria.changed
        return {
            "added": len(self.criteria.added),
            "removed": len(self.criteria.removed),
            "changed": len(changed),
            "renumbered": sum(change.renumbered for change in changed),
            "moved": sum(change.moved for change in changed),
            "reordered": sum(change.reordered for change in changed),
            "reworded": sum(change.reworded for change in changed),
            "practice_areas_added": len(self.practice_areas.added),
            "practice_areas_removed": len(self.practice_areas.removed),
            "practice_areas_changed": len(self.practice_areas.changed),
            "requirements_changed": len(self.requirements),
        }

    def to_dict(self) -> dict:
        criteria = self.criteria.to_dict()
        return {
            "standard": self.standard,
            "language": self.language,
            "from": self.from_version.to_dict(),
            "to": self.to_version.to_dict(),
            "summary": self.summary(),
            "added": criteria["added"],
            "removed": criteria["removed"],
            "changed": criteria["changed"],
            "practice_areas": self.practice_areas.to_dict(),
            "requirements": self.requirements.to_dict(),
            "translation_caveats": [caveat.to_dict() for caveat in self.translation_caveats],
        }
