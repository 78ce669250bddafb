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

This module compares; the word operations are in ``words``, the result and its JSON form in
``result``. The property tests rebuild the new snapshot from the old one and a diff
(``tests/diff_apply.py``) to show that a diff is complete and exact.
"""

from bisect import bisect_left

from standard_versions.diff.result import (
    AreaMove,
    AreaRef,
    CoreCriteria,
    CoreRef,
    CriterionChange,
    CriterionEntry,
    LevelChange,
    LevelEntry,
    OutcomeAreaChange,
    OutcomeAreaEntry,
    PracticeAreaChange,
    PracticeAreaEntry,
    RequirementsDiff,
    Section,
    ValueChange,
    VersionDiff,
    VersionRef,
    has_changes,
)
from standard_versions.diff.snapshots import (
    CriterionSnapshot,
    PracticeAreaSnapshot,
    VersionSnapshot,
)
from standard_versions.diff.words import (
    DiffDoesNotApply,
    TextChange,
    TextOp,
    apply_text_ops,
    text_change,
    text_ops,
    tokenize,
)

__all__ = [
    "DiffDoesNotApply",
    "TextChange",
    "TextOp",
    "VersionDiff",
    "apply_text_ops",
    "diff_versions",
    "reordered_keys",
    "text_change",
    "text_ops",
    "tokenize",
]

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


# --- diffing ---------------------------------------------------------------------------------


def _area_ref(area: PracticeAreaSnapshot) -> AreaRef:
    return AreaRef(key=area.key, code=area.code, name=area.name)


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
    before, after = old.criteria_by_key(), new.criteria_by_key()
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
        if has_changes(change):
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
        if has_changes(change):
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
        if has_changes(change):
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
        if has_changes(change):
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
        core_criteria=CoreCriteria(
            added=tuple(ref for key, ref in core_after.items() if key not in core_before),
            removed=tuple(ref for key, ref in core_before.items() if key not in core_after),
        ),
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
        from_version=VersionRef(old.label, old.title, old.status, old.reconstructed),
        to_version=VersionRef(new.label, new.title, new.status, new.reconstructed),
        criteria=_criteria_section(old, new),
        practice_areas=_practice_areas_section(old, new),
        requirements=_requirements(old, new),
    )
