"""What changed between two versions of a Standard: pure functions over snapshots, no ORM.

Criteria, practice areas, levels and outcome areas are matched by their permanent ``key``, never by
display code, so a renumbered, renamed or moved criterion is one change and not a removal plus an
addition. Text fields are compared word by word; the operations keep every character (whitespace
included), so applying them to the old text gives the new text exactly.

Positions are indices in document order. A criterion's position is reported as changed only when
its order relative to the criteria kept around it changed (it is outside a longest common
subsequence), not when it merely shifts because something was inserted or removed before it.

Output order is document order (the new version's for ``added`` and ``changed``, the old
version's for ``removed``), so the same inputs always give the same, byte-identical JSON.
``apply_diff`` rebuilds the new snapshot from the old one and the JSON form of the diff; the
property tests use it to show that the diff is complete and exact.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from difflib import SequenceMatcher
from typing import Any

from standard_versions.snapshots import (
    CriterionSnapshot,
    LevelSnapshot,
    OutcomeAreaSnapshot,
    PracticeAreaSnapshot,
    VersionSnapshot,
)

# Words, runs of whitespace, and single other characters: joined back, the tokens are the text.
TOKEN_PATTERN = re.compile(r"\s+|\w+|[^\w\s]")

EQUAL, DELETE, INSERT = "equal", "delete", "insert"


class DiffDoesNotApply(ValueError):
    """The diff was not made from this snapshot."""


# --- words -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextOp:
    op: str
    text: str

    def to_dict(self) -> dict:
        return {"op": self.op, "text": self.text}


@dataclass(frozen=True)
class TextChange:
    old: str
    new: str
    ops: tuple[TextOp, ...]

    def to_dict(self) -> dict:
        return {"old": self.old, "new": self.new, "ops": [op.to_dict() for op in self.ops]}


def tokenize(text: str) -> list[str]:
    return TOKEN_PATTERN.findall(text)


def text_ops(old: str, new: str) -> tuple[TextOp, ...]:
    """Word-level operations turning ``old`` into ``new``: equal, delete and insert segments.

    Each run of changes is one delete followed by one insert, and whitespace alone never anchors
    a match between two changes, so "the cat sat" -> "a dog sat" reads as one replacement."""
    before, after = tokenize(old), tokenize(new)
    # The common head and tail are equal as they stand; only the middle needs matching.
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(before), len(after)) - head
        and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]
    ):
        tail += 1
    segments: list[tuple[str, str]] = [(EQUAL, "".join(before[:head]))]
    middle_before, middle_after = before[head : len(before) - tail], after[head : len(after) - tail]
    # Whitespace may extend a match but never anchor one: it is in every text.
    matcher = SequenceMatcher(str.isspace, middle_before, middle_after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == EQUAL:
            segments.append((EQUAL, "".join(middle_before[i1:i2])))
            continue
        if i2 > i1:
            segments.append((DELETE, "".join(middle_before[i1:i2])))
        if j2 > j1:
            segments.append((INSERT, "".join(middle_after[j1:j2])))
    segments.append((EQUAL, "".join(before[len(before) - tail :])))
    return _coalesce(segments)


def _coalesce(segments: list[tuple[str, str]]) -> tuple[TextOp, ...]:
    def is_change(index: int) -> bool:
        return 0 <= index < len(segments) and segments[index][0] != EQUAL

    absorbed: list[tuple[str, str]] = []
    for index, (op, text) in enumerate(segments):
        if op == EQUAL and text.isspace() and is_change(index - 1) and is_change(index + 1):
            absorbed += [(DELETE, text), (INSERT, text)]
        else:
            absorbed.append((op, text))

    ops: list[TextOp] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            ops.append(TextOp(DELETE, "".join(deleted)))
        if inserted:
            ops.append(TextOp(INSERT, "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for op, text in absorbed:
        if op == DELETE:
            deleted.append(text)
        elif op == INSERT:
            inserted.append(text)
        else:
            flush()
            if ops and ops[-1].op == EQUAL:
                ops[-1] = TextOp(EQUAL, ops[-1].text + text)
            else:
                ops.append(TextOp(EQUAL, text))
    flush()
    return tuple(op for op in ops if op.text)


def text_change(old: str, new: str) -> TextChange | None:
    if old == new:
        return None
    return TextChange(old=old, new=new, ops=text_ops(old, new))


def apply_text_ops(old: str, ops: list[dict]) -> str:
    """The new text from the old one and the operations; refuses operations made from another
    text."""
    source = "".join(op["text"] for op in ops if op["op"] in (EQUAL, DELETE))
    if source != old:
        raise DiffDoesNotApply("the text operations were not made from this text")
    return "".join(op["text"] for op in ops if op["op"] in (EQUAL, INSERT))


# --- order -----------------------------------------------------------------------------------


def _longest_increasing(sequence: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting, O(n log n))."""
    tails: list[int] = []
    tail_indices: list[int] = []
    previous = [-1] * len(sequence)
    for index, value in enumerate(sequence):
        slot = bisect_left(tails, value)
        if slot:
            previous[index] = tail_indices[slot - 1]
        if slot == len(tails):
            tails.append(value)
            tail_indices.append(index)
        else:
            tails[slot] = value
            tail_indices[slot] = index
    kept: set[int] = set()
    index = tail_indices[-1] if tail_indices else -1
    while index != -1:
        kept.add(index)
        index = previous[index]
    return kept


def reordered_keys(old_keys: list[str], new_keys: list[str]) -> set[str]:
    """Keys in both lists whose order relative to the others changed."""
    common = set(old_keys) & set(new_keys)
    old_rank = {key: rank for rank, key in enumerate(k for k in old_keys if k in common)}
    in_new_order = [key for key in new_keys if key in common]
    kept = _longest_increasing([old_rank[key] for key in in_new_order])
    return {key for index, key in enumerate(in_new_order) if index not in kept}


# --- structure -------------------------------------------------------------------------------


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

    def to_dict(self) -> dict:
        return {"label": self.label, "title": self.title, "status": self.status}


def _has_changes(change) -> bool:
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
class VersionDiff:
    standard: str
    language: str
    from_version: VersionRef
    to_version: VersionRef
    criteria: Section
    practice_areas: Section
    requirements: RequirementsDiff

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
        }


# --- diffing ---------------------------------------------------------------------------------


def _area_ref(area: PracticeAreaSnapshot) -> AreaRef:
    return AreaRef(key=area.key, code=area.code, name=area.name)


def _positions(snapshot: VersionSnapshot) -> dict[str, tuple[PracticeAreaSnapshot, int, Any]]:
    return {
        criterion.key: (area, index, criterion)
        for area in snapshot.practice_areas
        for index, criterion in enumerate(area.criteria)
    }


def _entry(area: PracticeAreaSnapshot, position: int, criterion: CriterionSnapshot):
    return CriterionEntry(
        key=criterion.key,
        code=criterion.code,
        title=criterion.title,
        description=criterion.description,
        is_core=criterion.is_core,
        practice_area=_area_ref(area),
        position=position,
    )


def _criteria_section(old: VersionSnapshot, new: VersionSnapshot) -> Section:
    before, after = _positions(old), _positions(new)
    reordered: set[str] = set()
    old_areas = {area.key: area for area in old.practice_areas}
    for area in new.practice_areas:
        previous = old_areas.get(area.key)
        if previous is None:
            continue
        staying = {c.key for c in area.criteria} & {c.key for c in previous.criteria}
        reordered |= reordered_keys(
            [c.key for c in previous.criteria if c.key in staying],
            [c.key for c in area.criteria if c.key in staying],
        )

    added, changed = [], []
    for key, (area, position, criterion) in after.items():
        if key not in before:
            added.append(_entry(area, position, criterion))
            continue
        old_area, old_position, old_criterion = before[key]
        moved = old_area.key != area.key
        change = CriterionChange(
            key=key,
            code=criterion.code,
            old_code=old_criterion.code,
            title=criterion.title,
            practice_area=_area_ref(area),
            code_change=(
                ValueChange(old_criterion.code, criterion.code)
                if old_criterion.code != criterion.code
                else None
            ),
            area_change=AreaMove(_area_ref(old_area), _area_ref(area)) if moved else None,
            position_change=(
                ValueChange(old_position, position) if moved or key in reordered else None
            ),
            title_change=text_change(old_criterion.title, criterion.title),
            description_change=text_change(old_criterion.description, criterion.description),
        )
        if _has_changes(change):
            changed.append(change)
    removed = [
        _entry(area, position, criterion)
        for key, (area, position, criterion) in before.items()
        if key not in after
    ]
    return Section(added=tuple(added), removed=tuple(removed), changed=tuple(changed))


def _practice_areas_section(old: VersionSnapshot, new: VersionSnapshot) -> Section:
    before = {area.key: (index, area) for index, area in enumerate(old.practice_areas)}
    after = {area.key: (index, area) for index, area in enumerate(new.practice_areas)}
    reordered = reordered_keys(list(before), list(after))

    def entry(index, area):
        return PracticeAreaEntry(area.key, area.code, area.name, area.description, index)

    added, changed = [], []
    for key, (index, area) in after.items():
        if key not in before:
            added.append(entry(index, area))
            continue
        old_index, old_area = before[key]
        change = PracticeAreaChange(
            key=key,
            code=area.code,
            old_code=old_area.code,
            name=area.name,
            code_change=ValueChange(old_area.code, area.code)
            if old_area.code != area.code
            else None,
            position_change=ValueChange(old_index, index) if key in reordered else None,
            name_change=text_change(old_area.name, area.name),
            description_change=text_change(old_area.description, area.description),
        )
        if _has_changes(change):
            changed.append(change)
    removed = [entry(index, area) for key, (index, area) in before.items() if key not in after]
    return Section(added=tuple(added), removed=tuple(removed), changed=tuple(changed))


def _levels_section(old: VersionSnapshot, new: VersionSnapshot) -> Section:
    before = {level.key: level for level in old.levels}
    added, changed = [], []
    for level in new.levels:
        previous = before.get(level.key)
        if previous is None:
            added.append(LevelEntry(level.key, level.name, level.min_percent))
            continue
        change = LevelChange(
            key=level.key,
            name=level.name,
            name_change=text_change(previous.name, level.name),
            min_percent_change=(
                ValueChange(previous.min_percent, level.min_percent)
                if previous.min_percent != level.min_percent
                else None
            ),
        )
        if _has_changes(change):
            changed.append(change)
    after_keys = {level.key for level in new.levels}
    removed = [
        LevelEntry(level.key, level.name, level.min_percent)
        for level in old.levels
        if level.key not in after_keys
    ]
    return Section(added=tuple(added), removed=tuple(removed), changed=tuple(changed))


def _outcome_areas_section(old: VersionSnapshot, new: VersionSnapshot) -> Section:
    before = {area.key: (index, area) for index, area in enumerate(old.outcome_areas)}
    after = {area.key: (index, area) for index, area in enumerate(new.outcome_areas)}
    reordered = reordered_keys(list(before), list(after))
    added, changed = [], []
    for key, (index, area) in after.items():
        if key not in before:
            added.append(OutcomeAreaEntry(key, area.name, area.description, index))
            continue
        old_index, old_area = before[key]
        change = OutcomeAreaChange(
            key=key,
            name=area.name,
            position_change=ValueChange(old_index, index) if key in reordered else None,
            name_change=text_change(old_area.name, area.name),
            description_change=text_change(old_area.description, area.description),
        )
        if _has_changes(change):
            changed.append(change)
    removed = [
        OutcomeAreaEntry(key, area.name, area.description, index)
        for key, (index, area) in before.items()
        if key not in after
    ]
    return Section(added=tuple(added), removed=tuple(removed), changed=tuple(changed))


def _core(snapshot: VersionSnapshot) -> dict[str, CoreRef]:
    return {
        criterion.key: CoreRef(criterion.key, criterion.code, criterion.title)
        for _, criterion in snapshot.criteria()
        if criterion.is_core
    }


def _requirements(old: VersionSnapshot, new: VersionSnapshot) -> RequirementsDiff:
    core_before, core_after = _core(old), _core(new)
    return RequirementsDiff(
        levels=_levels_section(old, new),
        core_added=tuple(ref for key, ref in core_after.items() if key not in core_before),
        core_removed=tuple(ref for key, ref in core_before.items() if key not in core_after),
        outcome_areas=_outcome_areas_section(old, new),
        min_outcome_areas=(
            ValueChange(old.min_outcome_areas, new.min_outcome_areas)
            if old.min_outcome_areas != new.min_outcome_areas
            else None
        ),
    )


def diff_versions(old: VersionSnapshot, new: VersionSnapshot) -> VersionDiff:
    """Everything that changed from ``old`` to ``new``."""
    return VersionDiff(
        standard=new.standard,
        language=new.language,
        from_version=VersionRef(old.label, old.title, old.status),
        to_version=VersionRef(new.label, new.title, new.status),
        criteria=_criteria_section(old, new),
        practice_areas=_practice_areas_section(old, new),
        requirements=_requirements(old, new),
    )


# --- applying --------------------------------------------------------------------------------


def _arrange(kept: list, placed: dict[int, Any]) -> list:
    """A list with ``placed`` items at their indices and ``kept`` items, in order, around them."""
    total = len(kept) + len(placed)
    if any(not 0 <= index < total for index in placed):
        raise DiffDoesNotApply("a position lies outside the new list")
    remaining = iter(kept)
    return [placed[index] if index in placed else next(remaining) for index in range(total)]


def _apply_text(current: str, changes: dict, name: str) -> str:
    if name not in changes:
        return current
    return apply_text_ops(current, changes[name]["ops"])


def _apply_value(current, changes: dict, name: str):
    if name not in changes:
        return current
    if changes[name]["old"] != current:
        raise DiffDoesNotApply(f"{name} was {current!r}, the diff expects {changes[name]['old']!r}")
    return changes[name]["new"]


def _apply_criteria(old: VersionSnapshot, diff: dict, areas: list[PracticeAreaSnapshot]):
    before = _positions(old)
    core_added = {ref["key"] for ref in diff["requirements"]["core_criteria"]["added"]}
    core_removed = {ref["key"] for ref in diff["requirements"]["core_criteria"]["removed"]}

    criteria: dict[str, CriterionSnapshot] = {}
    home: dict[str, str] = {}
    for key, (area, _, criterion) in before.items():
        criteria[key], home[key] = criterion, area.key
    placed: dict[str, dict[int, str]] = {area.key: {} for area in areas}

    for item in diff["removed"]:
        if item["key"] not in criteria:
            raise DiffDoesNotApply(f"criterion {item['key']} is not in the old version")
        del criteria[item["key"]], home[item["key"]]
    for item in diff["changed"]:
        key, changes = item["key"], item["changes"]
        if key not in criteria:
            raise DiffDoesNotApply(f"criterion {key} is not in the old version")
        current = criteria[key]
        criteria[key] = replace(
            current,
            code=_apply_value(current.code, changes, "code"),
            title=_apply_text(current.title, changes, "title"),
            description=_apply_text(current.description, changes, "description"),
        )
        if "position" in changes:
            area_key = item["practice_area"]["key"]
            placed.setdefault(area_key, {})[changes["position"]["new"]] = key
            home[key] = area_key
    for item in diff["added"]:
        key = item["key"]
        if key in criteria:
            raise DiffDoesNotApply(f"criterion {key} is already in the old version")
        criteria[key] = CriterionSnapshot(
            key=key,
            code=item["code"],
            title=item["title"],
            description=item["description"],
            is_core=item["is_core"],
        )
        home[key] = item["practice_area"]["key"]
        placed.setdefault(home[key], {})[item["position"]] = key

    for key in core_added | core_removed:
        if key in criteria:
            criteria[key] = replace(criteria[key], is_core=key in core_added)

    explicit = {key for positions in placed.values() for key in positions.values()}
    result = []
    for area in areas:
        previous = next((a for a in old.practice_areas if a.key == area.key), None)
        kept = [
            c.key
            for c in (previous.criteria if previous else ())
            if c.key in criteria and c.key not in explicit and home[c.key] == area.key
        ]
        keys = _arrange(kept, placed.get(area.key, {}))
        result.append(replace(area, criteria=tuple(criteria[key] for key in keys)))
    if sum(len(area.criteria) for area in result) != len(criteria):
        raise DiffDoesNotApply("some criteria belong to no practice area of the new version")
    return tuple(result)


def _apply_keyed(
    old_items: tuple,
    section: dict,
    *,
    build,
    update,
    positioned: bool = True,
) -> list:
    """Removed, changed and added items of one kind, arranged in their new order."""
    items = {item.key: item for item in old_items}
    placed: dict[int, str] = {}
    for entry in section["removed"]:
        if items.pop(entry["key"], None) is None:
            raise DiffDoesNotApply(f"{entry['key']} is not in the old version")
    for change in section["changed"]:
        if change["key"] not in items:
            raise DiffDoesNotApply(f"{change['key']} is not in the old version")
        items[change["key"]] = update(items[change["key"]], change["changes"])
        if positioned and "position" in change["changes"]:
            placed[change["changes"]["position"]["new"]] = change["key"]
    for entry in section["added"]:
        if entry["key"] in items:
            raise DiffDoesNotApply(f"{entry['key']} is already in the old version")
        items[entry["key"]] = build(entry)
        if positioned:
            placed[entry["position"]] = entry["key"]
    if not positioned:
        return list(items.values())
    kept = [item.key for item in old_items if item.key in items and item.key not in placed.values()]
    return [items[key] for key in _arrange(kept, placed)]


def apply_diff(old: VersionSnapshot, diff: VersionDiff | dict) -> VersionSnapshot:
    """The new snapshot, rebuilt from the old one and the diff (or its JSON form)."""
    data = diff.to_dict() if isinstance(diff, VersionDiff) else diff
    if data["from"]["label"] != old.label:
        raise DiffDoesNotApply("the diff starts from another version")

    areas = _apply_keyed(
        old.practice_areas,
        data["practice_areas"],
        build=lambda e: PracticeAreaSnapshot(e["key"], e["code"], e["name"], e["description"]),
        update=lambda area, changes: replace(
            area,
            code=_apply_value(area.code, changes, "code"),
            name=_apply_text(area.name, changes, "name"),
            description=_apply_text(area.description, changes, "description"),
        ),
    )
    requirements = data["requirements"]
    levels = _apply_keyed(
        old.levels,
        requirements["levels"],
        build=lambda e: LevelSnapshot(e["key"], e["name"], e["min_percent"]),
        update=lambda level, changes: replace(
            level,
            name=_apply_text(level.name, changes, "name"),
            min_percent=_apply_value(level.min_percent, changes, "min_percent"),
        ),
        positioned=False,
    )
    outcome_areas = _apply_keyed(
        old.outcome_areas,
        requirements["outcome_areas"],
        build=lambda e: OutcomeAreaSnapshot(e["key"], e["name"], e["description"]),
        update=lambda area, changes: replace(
            area,
            name=_apply_text(area.name, changes, "name"),
            description=_apply_text(area.description, changes, "description"),
        ),
    )
    min_outcome_areas = old.min_outcome_areas
    if requirements["min_outcome_areas"] is not None:
        if requirements["min_outcome_areas"]["old"] != min_outcome_areas:
            raise DiffDoesNotApply("min_outcome_areas differs from the diff's old value")
        min_outcome_areas = requirements["min_outcome_areas"]["new"]

    return VersionSnapshot(
        standard=data["standard"],
        label=data["to"]["label"],
        title=data["to"]["title"],
        status=data["to"]["status"],
        language=data["language"],
        practice_areas=_apply_criteria(old, data, areas),
        levels=tuple(sorted(levels, key=lambda level: (level.min_percent, level.key))),
        outcome_areas=tuple(outcome_areas),
        min_outcome_areas=min_outcome_areas,
    )
