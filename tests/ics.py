"""A strict reader of iCalendar files (RFC 5545), for the tests: it fails on what a lenient
calendar application would forgive."""

import re

_NAME = re.compile(r"^[A-Z][A-Z0-9-]*$")


def parse_ics(body: bytes) -> list[dict]:
    """A strict reader: CRLF only, physical lines of at most 75 octets, folds unfolded, every
    component closed in order. Returns the components as {"name", "props", "children"}."""
    assert body.endswith(b"\r\n")
    assert b"\n" not in body.replace(b"\r\n", b""), "a bare LF"
    physical = body[:-2].split(b"\r\n")
    for line in physical:
        assert len(line) <= 75, f"line of {len(line)} octets: {line!r}"
    logical: list[str] = []
    for line in physical:
        text = line.decode("utf-8")  # a fold never splits a character
        if text[:1] in (" ", "\t"):
            logical[-1] += text[1:]
        else:
            logical.append(text)
    root: dict = {"name": "", "props": [], "children": []}
    stack = [root]
    for line in logical:
        head, sep, value = line.partition(":")
        assert sep, f"no colon: {line!r}"
        name, *params = head.split(";")
        assert _NAME.match(name), name
        if name == "BEGIN":
            component = {"name": value, "props": [], "children": []}
            stack[-1]["children"].append(component)
            stack.append(component)
        elif name == "END":
            assert stack.pop()["name"] == value
        else:
            stack[-1]["props"].append((name, params, value))
    assert stack == [root]
    return root["children"]


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def prop(component: dict, name: str) -> str:
    values = [value for key, _params, value in component["props"] if key == name]
    assert len(values) == 1, f"{name}: {values}"
    return values[0]
