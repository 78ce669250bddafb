"""The word diff's work stays near-linear in its texts, whatever they hold (issue 11, item 14), and
its operations are unchanged for texts of ordinary length.

The work is counted, not timed: the steps of ``difflib.SequenceMatcher.find_longest_match``'s
inner loop (each token of the old text in the searched range, once per position of that token in
the new text). Timings are in ``make bench ARGS=pathological_text``.
"""

import random
from difflib import SequenceMatcher
from pathlib import Path

import pytest
import yaml

from standard_versions.diff import words as diff_words
from standard_versions.diff.words import apply_text_ops, text_ops, tokenize

DATA = Path(__file__).resolve().parents[2] / "standard_versions" / "data"


def _shipped_english() -> str:
    descriptions = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("description"), str):
                descriptions.append(node["description"].strip())
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for label in ("2.0", "3.0"):
        walk(yaml.safe_load((DATA / f"wwc-{label}.yaml").read_text(encoding="utf-8")))
    return "\n\n".join(descriptions)


def edited(text: str) -> str:
    """Every 97th character replaced by ``x``."""
    return "".join("x" if i % 97 == 48 else c for i, c in enumerate(text))


def _fit(text: str, length: int) -> str:
    return (text * (length // len(text) + 1))[:length]


@pytest.fixture
def matcher_steps(monkeypatch):
    find_longest_match = SequenceMatcher.find_longest_match
    steps = [0]

    def counting(self, alo=0, ahi=None, blo=0, bhi=None):
        ahi = len(self.a) if ahi is None else ahi
        steps[0] += sum(1 + len(self.b2j.get(token, ())) for token in self.a[alo:ahi])
        return find_longest_match(self, alo, ahi, blo, bhi)

    monkeypatch.setattr(SequenceMatcher, "find_longest_match", counting)
    return steps


def _pathological_pairs(length: int) -> dict[str, tuple[str, str]]:
    generator = random.Random(14)
    words = "the city shall publish data on its open portal and report".split()
    pairs = {
        "a run of [": "[" * length,
        "[] repeated": _fit("[]", length),
        "[ and ] at random": "".join(generator.choice("[]") for _ in range(length)),
        "eleven words at random": _fit(
            " ".join(generator.choice(words) for _ in range(length)), length
        ),
    }
    return {name: (text, edited(text)) for name, text in pairs.items()}


@pytest.mark.parametrize("name", _pathological_pairs(10).keys())
def test_texts_of_few_distinct_tokens_cost_at_most_a_hundred_steps_per_token(matcher_steps, name):
    # Long enough that the least work allowed (MIN_MATCH_WORK) is under 100 steps per token.
    old, new = _pathological_pairs(10_000 if "words" in name else 3000)[name]
    ops = text_ops(old, new)
    assert matcher_steps[0] <= 100 * (len(tokenize(old)) + len(tokenize(new)))
    assert apply_text_ops(old, [op.to_dict() for op in ops]) == new


def test_twice_the_text_costs_about_twice_the_steps(matcher_steps):
    old = _shipped_english()
    text_ops(old[:8000], edited(old[:8000]))
    single = matcher_steps[0]
    matcher_steps[0] = 0
    text_ops(old[:16000], edited(old[:16000]))
    assert matcher_steps[0] <= 2.5 * single


def test_ordinary_texts_of_a_few_thousand_characters_get_the_operations_they_always_had(
    monkeypatch,
):
    english = _shipped_english()
    pairs = [(english[:n], edited(english[:n])) for n in (200, 1000, 3000, 5000)]
    pairs.append((english[:3000], english[1500:4500]))
    capped = [text_ops(old, new) for old, new in pairs]
    monkeypatch.setattr(diff_words, "MIN_MATCH_WORK", 10**12)  # SequenceMatcher uncapped
    assert capped == [text_ops(old, new) for old, new in pairs]


def test_a_long_ordinary_text_past_the_cap_still_shows_its_changes_word_by_word(monkeypatch):
    old = _shipped_english()[:16000]
    new = edited(old)
    capped = text_ops(old, new)
    monkeypatch.setattr(diff_words, "MIN_MATCH_WORK", 10**12)
    uncapped = text_ops(old, new)
    assert capped != uncapped  # the cap was reached

    def changed(ops):
        return sum(len(op.text) for op in ops if op.op != "equal")

    assert changed(capped) <= 1.5 * changed(uncapped)
    assert apply_text_ops(old, [op.to_dict() for op in capped]) == new


def test_past_the_cap_a_text_with_no_token_found_once_is_one_replacement_between_head_and_tail():
    old = "[" * 3000
    new = "".join("]" if i % 97 == 48 else c for i, c in enumerate(old))
    ops = [(op.op, op.text) for op in text_ops(old, new)]
    assert [op for op, _ in ops] == ["equal", "delete", "insert", "equal"]
    assert apply_text_ops(old, [{"op": op, "text": text} for op, text in ops]) == new
