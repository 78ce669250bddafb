"""Word diff between the criterion text a comment was written against and today's text.

A small stand-in with a stable output shape; it can delegate to the project's diff module later.
"""

import difflib
import re

_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[dict]:
    """``[{"op": "equal"|"insert"|"delete", "text": ...}, ...]``; joining the equal and delete
    parts gives ``old``, joining the equal and insert parts gives ``new``."""
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    parts: list[dict] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(parts, "equal", "".join(old_tokens[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            _append(parts, "delete", "".join(old_tokens[i1:i2]))
        if tag in ("insert", "replace"):
            _append(parts, "insert", "".join(new_tokens[j1:j2]))
    return parts


def _append(parts: list[dict], op: str, text: str) -> None:
    if not text:
        return
    if parts and parts[-1]["op"] == op:
        parts[-1]["text"] += text
    else:
        parts.append({"op": op, "text": text})
