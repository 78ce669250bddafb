"""Word-level differences between two texts: exact, readable operations.

Texts are split into words, runs of whitespace and single other characters, so the operations keep
every character: the ``equal`` and ``delete`` texts joined are the old text, the ``equal`` and
``insert`` texts joined the new one. ``difflib.SequenceMatcher`` runs with ``autojunk=False``
(its automatic junk heuristic would hide frequent words in long texts).

SequenceMatcher's work grows with the pairs of equal tokens (and, since whitespace cannot anchor
a match, it matches one word per pass over what is left), so a long text of few distinct tokens
(20,000 ``[``, or a dozen words over and over) took seconds to minutes. Its work is capped at
``MATCH_WORK_PER_TOKEN`` steps per token (at least ``MIN_MATCH_WORK``), which ordinary texts of up
to about 5,000 characters stay under, so their operations are unchanged. Past the cap the texts
are aligned on their tokens found exactly once in each (patience diff, O(n log n)) and
SequenceMatcher, capped the same way, compares what lies between those anchors; a stretch still
over its cap becomes one replacement. Either way the operations rebuild both texts exactly.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import accumulate
from typing import Literal

from standard_versions.diff.json_form import JsonForm, in_json

# Words, runs of whitespace, and single other characters: joined back, the tokens are the text.
TOKEN_PATTERN = re.compile(r"\s+|\w+|[^\w\s]")

EQUAL, DELETE, INSERT = "equal", "delete", "insert"

# The work SequenceMatcher may spend on one pair of texts, in steps of its inner loop.
MATCH_WORK_PER_TOKEN = 25
MIN_MATCH_WORK = 250_000
# Stretches up to this many token pairs go to SequenceMatcher without looking for anchors.
SMALL_STRETCH = 1000


class DiffDoesNotApply(ValueError):
    """The diff was not made from this snapshot (or text)."""


@dataclass(frozen=True)
class TextOp(JsonForm):
    op: Literal["equal", "delete", "insert"]
    text: str


@dataclass(frozen=True)
class TextChange(JsonForm):
    old: str
    new: str
    ops: tuple[TextOp, ...] = field(
        metadata=in_json(
            help_text="Joining equal+delete texts gives old; joining equal+insert texts gives new."
        )
    )


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
    for tag, i1, i2, j1, j2 in _opcodes(middle_before, middle_after):
        if tag == EQUAL:
            segments.append((EQUAL, "".join(middle_before[i1:i2])))
            continue
        if i2 > i1:
            segments.append((DELETE, "".join(middle_before[i1:i2])))
        if j2 > j1:
            segments.append((INSERT, "".join(middle_after[j1:j2])))
    segments.append((EQUAL, "".join(before[len(before) - tail :])))
    return _coalesce(segments)


class _OverBudget(Exception):
    pass


class _CappedMatcher(SequenceMatcher):
    """A SequenceMatcher that gives up (``_OverBudget``) rather than spend more than ``budget``
    steps.

    ``find_longest_match`` over ``a[alo:ahi]`` visits, for each token there, at most every
    position of that token in ``b`` (plus one), so prefix sums of those counts bound the work of
    each call before it starts."""

    def __init__(self, a: list[str], b: list[str], *, budget: int):
        # Whitespace may extend a match but never anchor one: it is in every text.
        super().__init__(str.isspace, a, b, autojunk=False)
        counts = (1 + len(self.b2j.get(token, ())) for token in a)
        self._work_before = list(accumulate(counts, initial=0))
        self._budget = budget

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        ahi = len(self.a) if ahi is None else ahi
        self._budget -= self._work_before[ahi] - self._work_before[alo]
        if self._budget < 0:
            raise _OverBudget
        return super().find_longest_match(alo, ahi, blo, bhi)


Opcode = tuple[str, int, int, int, int]


def _opcodes(before: list[str], after: list[str]) -> list[Opcode]:
    """SequenceMatcher's opcodes for the two token lists if it finishes within the work cap,
    else ``_anchored_opcodes`` (see the module's docstring)."""
    budget = max(MIN_MATCH_WORK, MATCH_WORK_PER_TOKEN * (len(before) + len(after)))
    try:
        return _CappedMatcher(before, after, budget=budget).get_opcodes()
    except _OverBudget:
        return _anchored_opcodes(before, after)


def _anchored_opcodes(before: list[str], after: list[str]) -> list[Opcode]:
    """Patience diff: anchored on the tokens found exactly once in each text, in the longest run
    that keeps their order, then again inside each stretch between anchors (on the tokens unique
    there), while the tokens so scanned stay under ``MATCH_WORK_PER_TOKEN`` per token in all. A
    small stretch, or one without anchors, goes to SequenceMatcher, capped at
    ``MATCH_WORK_PER_TOKEN`` steps per token of the stretch, or becomes one replacement."""
    opcodes: list[Opcode] = []
    scan_budget = MATCH_WORK_PER_TOKEN * (len(before) + len(after))
    # Stretches (i0, i1, j0, j1) to compare, the next one last; an anchor (i, j) is one equal token.
    tasks: list[tuple[int, int, int, int] | tuple[int, int]] = [(0, len(before), 0, len(after))]
    while tasks:
        task = tasks.pop()
        if len(task) == 2:
            i, j = task
            opcodes.append((EQUAL, i, i + 1, j, j + 1))
            continue
        i0, i1, j0, j1 = task
        anchors = []
        if (i1 - i0) * (j1 - j0) > SMALL_STRETCH:
            scan_budget -= i1 - i0 + j1 - j0
            if scan_budget >= 0:
                anchors = _unique_anchors(before[i0:i1], after[j0:j1])
        if not anchors:
            opcodes += _gap_opcodes(before, after, i0, i1, j0, j1)
            continue
        stretches: list = []
        a0, b0 = i0, j0
        for i, j in anchors:
            stretches += [(a0, i0 + i, b0, j0 + j), (i0 + i, j0 + j)]
            a0, b0 = i0 + i + 1, j0 + j + 1
        stretches.append((a0, i1, b0, j1))
        tasks += reversed(stretches)
    return opcodes


def _gap_opcodes(before, after, i0: int, i1: int, j0: int, j1: int) -> list[Opcode]:
    budget = MATCH_WORK_PER_TOKEN * (i1 - i0 + j1 - j0) + 1000
    try:
        gap = _CappedMatcher(before[i0:i1], after[j0:j1], budget=budget).get_opcodes()
    except _OverBudget:
        gap = [("replace", 0, i1 - i0, 0, j1 - j0)]
    return [(tag, i0 + a1, i0 + a2, j0 + b1, j0 + b2) for tag, a1, a2, b1, b2 in gap]


def _unique_anchors(before: list[str], after: list[str]) -> list[tuple[int, int]]:
    """Pairs (i, j) of a token found once in ``before`` (at i) and once in ``after`` (at j),
    whitespace aside: the longest list of them increasing in both i and j, in O(n log n)."""
    counts: dict[str, list[int]] = {}
    for token in before:
        if not token.isspace():
            counts.setdefault(token, [0, 0])[0] += 1
    where: dict[str, int] = {}
    for j, token in enumerate(after):
        count = counts.get(token)
        if count is not None:
            count[1] += 1
            where[token] = j
    pairs = [
        (i, where[token])
        for i, token in enumerate(before)
        if (count := counts.get(token)) is not None and count == [1, 1]
    ]
    # Longest increasing subsequence of the j's (patience sorting, with back links).
    tops: list[int] = []  # for each length, the smallest j ending such a run
    ends: list[int] = []  # index in pairs of that run's last pair
    back: list[int] = []
    for index, (_, j) in enumerate(pairs):
        length = bisect_left(tops, j)
        if length == len(tops):
            tops.append(j)
            ends.append(index)
        else:
            tops[length], ends[length] = j, index
        back.append(ends[length - 1] if length else -1)
    anchors = []
    index = ends[-1] if ends else -1
    while index >= 0:
        anchors.append(pairs[index])
        index = back[index]
    anchors.reverse()
    return anchors


def word_diff(old: str, new: str) -> list[dict]:
    """``text_ops`` as JSON-ready ``{"op", "text"}`` items (receipts, translation reports)."""
    return [op.to_dict() for op in text_ops(old, new)]


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
