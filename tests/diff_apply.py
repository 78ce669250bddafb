"""Rebuild the newer snapshot from the older one and a diff (or its JSON form).

The property tests use this to show that a diff is complete and exact; it refuses, with
``DiffDoesNotApply``, a diff that was made from another version.
"""

from dataclasses import replace
from typing import Any

from standard_versions.diff.result import VersionDiff
from standard_versions.diff.snapshots import (
    CriterionSnapshot,
    LevelSnapshot,
    OutcomeAreaSnapshot,
    PracticeAreaSnapshot,
    VersionSnapshot,
)
from standard_versions.diff.words import DiffDoesNotApply, apply_text_ops


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
    before = old.criteria_by_key()
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
