"""Large synthetic version pairs for the benchmark and the determinism test (seeded, so the same
arguments always give the same pair)."""

import random

from standard_versions.diff.snapshots import (
    CriterionSnapshot,
    LevelSnapshot,
    PracticeAreaSnapshot,
    VersionSnapshot,
)

VOCABULARY = (
    "your local government uses data evidence and performance metrics to inform budget "
    "decisions engage residents evaluate programs publish open datasets with a documented "
    "process at least quarterly across departments"
).split()


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(words)).capitalize() + "."


def _reword(rng: random.Random, text: str) -> str:
    words = text.rstrip(".").split(" ")
    for _ in range(3):
        words[rng.randrange(len(words))] = rng.choice(VOCABULARY)
    words.insert(rng.randrange(len(words)), rng.choice(VOCABULARY))
    return " ".join(words) + "."


def synthetic_pair(
    *,
    criteria: int = 5000,
    areas: int = 10,
    reworded: float = 0.10,
    renumbered: float = 0.02,
    added: float = 0.01,
    removed: float = 0.01,
    seed: int = 0,
) -> tuple[VersionSnapshot, VersionSnapshot]:
    """Two versions of ``criteria`` criteria each: the newer rewords, renumbers, adds and removes
    the given shares of them."""
    rng = random.Random(seed)
    old_items = [
        (
            f"a{i % areas}",
            CriterionSnapshot(
                key=f"k{i}",
                code=f"A{i % areas}.{i}",
                title=_sentence(rng, 5),
                description=_sentence(rng, 40),
            ),
        )
        for i in range(criteria)
    ]
    indices = list(range(criteria))
    rng.shuffle(indices)
    cut = iter(indices)
    gone = {next(cut) for _ in range(int(criteria * removed))}
    new_codes = {next(cut) for _ in range(int(criteria * renumbered))}
    rewrite = {next(cut) for _ in range(int(criteria * reworded))}

    new_items = []
    for index, (area, criterion) in enumerate(old_items):
        if index in gone:
            continue
        if index in new_codes:
            criterion = CriterionSnapshot(
                criterion.key, f"N{index}", criterion.title, criterion.description
            )
        if index in rewrite:
            criterion = CriterionSnapshot(
                criterion.key, criterion.code, criterion.title, _reword(rng, criterion.description)
            )
        new_items.append((area, criterion))
    for index in range(criteria, criteria + len(gone)):
        position = rng.randrange(len(new_items) + 1)
        fresh = CriterionSnapshot(
            f"k{index}", f"A{index % areas}.{index}", _sentence(rng, 5), _sentence(rng, 40)
        )
        new_items.insert(position, (f"a{index % areas}", fresh))

    def snapshot(label: str, items) -> VersionSnapshot:
        return VersionSnapshot(
            standard="synthetic",
            label=label,
            title=f"Synthetic {label}",
            status="published",
            practice_areas=tuple(
                PracticeAreaSnapshot(
                    key=f"a{i}",
                    code=f"A{i}",
                    name=f"Area {i}",
                    criteria=tuple(c for area, c in items if area == f"a{i}"),
                )
                for i in range(areas)
            ),
            levels=(LevelSnapshot("silver", "Silver", 50), LevelSnapshot("gold", "Gold", 75)),
        )

    return snapshot("1.0", old_items), snapshot("2.0", new_items)
