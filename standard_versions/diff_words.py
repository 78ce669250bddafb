"""Word-level differences between two texts: exact, readable operations.

Texts are split into words, runs of whitespace and single other characters, so the operations keep
every character: the ``equal`` and ``delete`` texts joined are the old text, the ``equal`` and
``insert`` texts joined the new one. ``difflib.SequenceMatcher`` runs with ``autojunk=False``
(its automatic junk heuristic would hide frequent words in long texts).
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# Words, runs of whitespace, and single other characters: joined back, the tokens are the text.
TOKEN_PATTERN = re.compile(r"\s+|\w+|[^\w\s]")

EQUAL, DELETE, INSERT = "equal", "delete", "insert"


class DiffDoesNotApply(ValueError):
    """The diff was not made from this snapshot (or text)."""


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
