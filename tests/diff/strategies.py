"""Hypothesis strategies: pairs of version snapshots where the newer one renumbers, moves,
reorders, rewords, adds and removes criteria and practice areas and changes the requirements."""

from hypothesis import strategies as st

from standard_versions.diff.snapshots import (
    CriterionSnapshot,
    LevelSnapshot,
    OutcomeAreaSnapshot,
    PracticeAreaSnapshot,
    VersionSnapshot,
)

AREA_KEYS = [f"a{i}" for i in range(5)]
CRITERION_KEYS = [f"k{i}" for i in range(24)]
LEVEL_KEYS = ["bronze", "silver", "gold", "platinum"]
OUTCOME_KEYS = ["air", "broadband", "youth", "water"]

WORDS = ["the", "city", "data", "open", "evidence", "a", "of", "and", "résumé", "42", ",", ".", "-"]
SPACES = [" ", " ", " ", "  ", "\n", "\t", " \n "]


@st.composite
def texts(draw) -> str:
    """Mostly prose from a small vocabulary (so old and new texts share words), sometimes any
    Unicode at all."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.text(max_size=40))
    words = draw(st.lists(st.sampled_from(WORDS), max_size=12))
    spaces = draw(st.lists(st.sampled_from(SPACES), min_size=len(words), max_size=len(words)))
    return "".join(word + space for word, space in zip(words, spaces, strict=True)).rstrip(" ")


def _keep(draw, old, fresh):
    """The old value (usually) or a fresh one."""
    if old is not None and draw(st.integers(0, 2)):
        return old
    return draw(fresh) if isinstance(fresh, st.SearchStrategy) else fresh


def _order(draw, keys: list[str], old_order: list[str]) -> list[str]:
    """Keys in the old relative order with the others inserted anywhere, or shuffled."""
    if draw(st.integers(0, 3)) == 0:
        return draw(st.permutations(keys))
    ordered = [key for key in old_order if key in keys]
    for key in keys:
        if key not in ordered:
            ordered.insert(draw(st.integers(0, len(ordered))), key)
    return ordered


@st.composite
def snapshots(draw, base: VersionSnapshot | None = None, label: str = "1.0") -> VersionSnapshot:
    old_areas = {area.key: area for area in base.practice_areas} if base else {}
    old_criteria = {c.key: (area.key, c) for area, c in base.criteria()} if base else {}

    area_keys = [key for key in AREA_KEYS if _keep(draw, key in old_areas, st.booleans())]
    area_keys = area_keys or [draw(st.sampled_from(AREA_KEYS))]
    area_keys = _order(draw, area_keys, list(old_areas))

    homes: dict[str, str] = {}
    criteria: dict[str, CriterionSnapshot] = {}
    for index, key in enumerate(CRITERION_KEYS):
        old_home, old = old_criteria.get(key, (None, None))
        if not _keep(draw, old is not None, st.booleans()):
            continue
        stays = old_home in area_keys and draw(st.integers(0, 3))
        homes[key] = old_home if stays else draw(st.sampled_from(area_keys))
        criteria[key] = CriterionSnapshot(
            key=key,
            code=_keep(draw, old.code if old else None, f"R{label}-{index}"),
            title=_keep(draw, old.title if old else None, texts()),
            description=_keep(draw, old.description if old else None, texts()),
            is_core=_keep(draw, old.is_core if old else None, st.booleans()),
        )

    practice_areas = []
    for index, key in enumerate(area_keys):
        old = old_areas.get(key)
        old_order = [c.key for c in old.criteria] if old else []
        members = _order(draw, [k for k in criteria if homes[k] == key], old_order)
        practice_areas.append(
            PracticeAreaSnapshot(
                key=key,
                code=_keep(draw, old.code if old else None, f"Q{label}-{index}"),
                name=_keep(draw, old.name if old else None, texts()),
                description=_keep(draw, old.description if old else None, texts()),
                criteria=tuple(criteria[k] for k in members),
            )
        )

    old_levels = {level.key: level for level in base.levels} if base else {}
    levels, percents = [], set()
    for key in LEVEL_KEYS:
        old = old_levels.get(key)
        if not _keep(draw, old is not None, st.booleans()):
            continue
        percent = _keep(draw, old.min_percent if old else None, st.integers(0, 100))
        if percent in percents:
            continue
        percents.add(percent)
        levels.append(LevelSnapshot(key, _keep(draw, old.name if old else None, texts()), percent))

    old_outcomes = {area.key: area for area in base.outcome_areas} if base else {}
    outcome_keys = [key for key in OUTCOME_KEYS if _keep(draw, key in old_outcomes, st.booleans())]
    outcome_areas = []
    for key in _order(draw, outcome_keys, list(old_outcomes)):
        old = old_outcomes.get(key)
        outcome_areas.append(
            OutcomeAreaSnapshot(
                key=key,
                name=_keep(draw, old.name if old else None, texts()),
                description=_keep(draw, old.description if old else None, texts()),
            )
        )

    return VersionSnapshot(
        standard="wwc",
        label=label,
        title=_keep(draw, base.title if base else None, texts()),
        status=draw(st.sampled_from(["draft", "published", "superseded"])),
        practice_areas=tuple(practice_areas),
        levels=tuple(sorted(levels, key=lambda level: (level.min_percent, level.key))),
        outcome_areas=tuple(outcome_areas),
        min_outcome_areas=_keep(draw, base.min_outcome_areas if base else None, st.integers(0, 3)),
    )


@st.composite
def snapshot_pairs(draw) -> tuple[VersionSnapshot, VersionSnapshot]:
    old = draw(snapshots(label="1.0"))
    new = draw(snapshots(base=old, label="2.0"))
    return old, new
