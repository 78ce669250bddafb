"""The shipped-data file format: parse and validate a version document before anything is written.

A document is a mapping with ``standard``, ``version``, ``requirements`` and ``practice_areas``
(see docs/data.md). ``validate_document`` returns every problem at once, each with its location,
so an author can fix a file in one pass.
"""

import copy
import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings

from standard_versions.models.standards import (
    CODE_PATTERN,
    KEY_PATTERN,
    LABEL_PATTERN,
    VersionStatus,
)
from standard_versions.standards.documents import (
    CriterionData,
    DocumentInvalid,
    LevelData,
    OutcomeAreaData,
    PracticeAreaData,
    Problem,
    VersionDocument,
)


class _Reader:
    """Collects problems while reading typed fields out of nested mappings."""

    def __init__(self, source: str):
        self.source = source
        self.problems: list[Problem] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(f"{self.source}: {where}", message))

    def mapping(self, value: Any, where: str, allowed: set[str], required: set[str]) -> dict:
        if not isinstance(value, dict):
            self.problem(where, "must be a mapping")
            return {}
        for name in sorted(set(value) - allowed, key=str):
            self.problem(f"{where}.{name}", "unknown field")
        for name in sorted(required - set(value)):
            self.problem(f"{where}.{name}", "is required")
        return value

    def text(
        self, data: dict, name: str, where: str, *, required=True, max_length=None, pattern=None
    ) -> str:
        value = data.get(name)
        if value is None:
            if required and name in data:
                self.problem(f"{where}.{name}", "must not be empty")
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.problem(f"{where}.{name}", "must be text")
            return ""
        value = value.strip("\n") if "\n" in value else value.strip()
        if required and not value:
            self.problem(f"{where}.{name}", "must not be empty")
        if max_length is not None and len(value) > max_length:
            self.problem(f"{where}.{name}", f"is {len(value)} characters; at most {max_length}")
        if pattern is not None and value and not re.fullmatch(pattern, value):
            self.problem(f"{where}.{name}", f"{value!r} does not match {pattern}")
        return value

    def integer(
        self, data: dict, name: str, where: str, *, minimum=0, maximum=None, default=None
    ) -> int:
        value = data.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(f"{where}.{name}", "must be a whole number")
            return 0
        if value < minimum or (maximum is not None and value > maximum):
            self.problem(f"{where}.{name}", f"must be between {minimum} and {maximum}")
        return value

    def boolean(self, data: dict, name: str, where: str) -> bool:
        value = data.get(name, False)
        if not isinstance(value, bool):
            self.problem(f"{where}.{name}", "must be true or false")
            return False
        return value

    def listing(self, data: dict, name: str, where: str) -> list:
        value = data.get(name, [])
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(f"{where}.{name}", "must be a list")
            return []
        return value

    def unique(self, values: list[tuple[str, str]], what: str) -> None:
        seen: dict[str, str] = {}
        for where, value in values:
            if value and value in seen:
                self.problem(where, f"duplicate {what} {value!r} (also at {seen[value]})")
            seen.setdefault(value, where)


def _parse_datetime(reader: _Reader, value: Any, where: str) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        parsed = value
    else:
        try:
            parsed = dt.datetime.fromisoformat(str(value))
        except ValueError:
            reader.problem(where, f"{value!r} is not an ISO 8601 date-time")
            return None
    if parsed.tzinfo is None:
        reader.problem(where, "must include a time zone offset (e.g. Z or +00:00)")
        return None
    return parsed.astimezone(dt.UTC)


def _parse_date(reader: _Reader, value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        reader.problem(where, f"{value!r} is not an ISO 8601 date")
        return None


def validate_document(raw: Any, *, source: str) -> VersionDocument:
    """Return the typed document or raise DocumentInvalid listing every problem."""
    reader = _Reader(source)
    top = reader.mapping(
        raw,
        "document",
        {"standard", "version", "requirements", "practice_areas"},
        {"standard", "version", "practice_areas"},
    )
    standard = reader.mapping(
        top.get("standard", {}), "standard", {"slug", "name", "description"}, {"slug", "name"}
    )
    version = reader.mapping(
        top.get("version", {}),
        "version",
        {
            "label",
            "title",
            "status",
            "reconstructed",
            "based_on",
            "published_at",
            "effective_from",
            "provenance",
        },
        {"label", "title", "status"},
    )
    requirements = reader.mapping(
        top.get("requirements") or {},
        "requirements",
        {"levels", "outcome_areas", "min_outcome_areas"},
        set(),
    )
    status = reader.text(version, "status", "version")
    if status and status not in VersionStatus.values:
        reader.problem(
            "version.status", f"{status!r} is not one of {', '.join(VersionStatus.values)}"
        )

    levels = []
    for index, item in enumerate(reader.listing(requirements, "levels", "requirements")):
        where = f"requirements.levels[{index}]"
        data = reader.mapping(
            item, where, {"key", "name", "min_percent"}, {"key", "name", "min_percent"}
        )
        levels.append(
            LevelData(
                key=reader.text(data, "key", where, pattern=KEY_PATTERN),
                name=reader.text(data, "name", where, max_length=100),
                min_percent=reader.integer(data, "min_percent", where, minimum=0, maximum=100),
                position=index,
            )
        )
    reader.unique(
        [(f"requirements.levels[{i}].key", level.key) for i, level in enumerate(levels)],
        "level key",
    )
    reader.unique(
        [
            (f"requirements.levels[{i}].min_percent", str(level.min_percent))
            for i, level in enumerate(levels)
        ],
        "level minimum",
    )

    outcome_areas = []
    for index, item in enumerate(reader.listing(requirements, "outcome_areas", "requirements")):
        where = f"requirements.outcome_areas[{index}]"
        data = reader.mapping(item, where, {"key", "name", "description"}, {"key", "name"})
        outcome_areas.append(
            OutcomeAreaData(
                key=reader.text(data, "key", where, pattern=KEY_PATTERN),
                name=reader.text(data, "name", where, max_length=200),
                description=reader.text(
                    data,
                    "description",
                    where,
                    required=False,
                    max_length=settings.MARKDOWN_MAX_CHARS,
                ),
                position=index,
            )
        )
    reader.unique(
        [
            (f"requirements.outcome_areas[{i}].key", area.key)
            for i, area in enumerate(outcome_areas)
        ],
        "outcome area key",
    )
    min_outcome_areas = reader.integer(
        requirements,
        "min_outcome_areas",
        "requirements",
        minimum=0,
        maximum=len(outcome_areas),
        default=0,
    )

    practice_areas = []
    criterion_keys: list[tuple[str, str]] = []
    criterion_codes: list[tuple[str, str]] = []
    for index, item in enumerate(reader.listing(top, "practice_areas", "document")):
        data = reader.mapping(
            item,
            f"practice_areas[{index}]",
            {"key", "code", "name", "description", "criteria"},
            {"key", "code", "name"},
        )
        where = f"practice_areas[{index}] ({data.get('code', '?')})"
        area = PracticeAreaData(
            key=reader.text(data, "key", where, pattern=KEY_PATTERN),
            code=reader.text(data, "code", where, pattern=CODE_PATTERN),
            name=reader.text(data, "name", where, max_length=200),
            description=reader.text(
                data, "description", where, required=False, max_length=settings.MARKDOWN_MAX_CHARS
            ),
            position=index,
        )
        for position, criterion_item in enumerate(reader.listing(data, "criteria", where)):
            index_path = f"practice_areas[{index}].criteria[{position}]"
            code = criterion_item.get("code") if isinstance(criterion_item, dict) else None
            at = f"criterion {code}" if isinstance(code, str) and code else index_path
            criterion = reader.mapping(
                criterion_item,
                at,
                {"key", "code", "title", "description", "core"},
                {"key", "code", "title", "description"},
            )
            area.criteria.append(
                CriterionData(
                    key=reader.text(criterion, "key", at, pattern=KEY_PATTERN),
                    code=reader.text(criterion, "code", at, pattern=CODE_PATTERN),
                    title=reader.text(criterion, "title", at, max_length=300),
                    description=reader.text(
                        criterion, "description", at, max_length=settings.MARKDOWN_MAX_CHARS
                    ),
                    is_core=reader.boolean(criterion, "core", at),
                    position=position,
                )
            )
            criterion_keys.append((f"{index_path}.key", area.criteria[-1].key))
            criterion_codes.append((f"{index_path}.code", area.criteria[-1].code))
        practice_areas.append(area)
    reader.unique(
        [(f"practice_areas[{i}].key", a.key) for i, a in enumerate(practice_areas)],
        "practice area key",
    )
    reader.unique(
        [(f"practice_areas[{i}].code", a.code) for i, a in enumerate(practice_areas)],
        "practice area code",
    )
    reader.unique(criterion_keys, "criterion key")
    reader.unique(criterion_codes, "criterion code")

    document = VersionDocument(
        standard_slug=reader.text(standard, "slug", "standard", pattern=r"^[-a-zA-Z0-9_]{1,50}$"),
        standard_name=reader.text(standard, "name", "standard", max_length=200),
        standard_description=reader.text(standard, "description", "standard", required=False),
        label=reader.text(version, "label", "version", pattern=LABEL_PATTERN),
        title=reader.text(version, "title", "version", max_length=300),
        status=status,
        based_on=reader.text(version, "based_on", "version", required=False, pattern=LABEL_PATTERN)
        or None,
        published_at=_parse_datetime(reader, version.get("published_at"), "version.published_at"),
        effective_from=_parse_date(reader, version.get("effective_from"), "version.effective_from"),
        provenance=reader.text(version, "provenance", "version", required=False),
        min_outcome_areas=min_outcome_areas,
        levels=levels,
        outcome_areas=outcome_areas,
        practice_areas=practice_areas,
        reconstructed=reader.boolean(version, "reconstructed", "version"),
    )
    if document.based_on and document.based_on == document.label:
        reader.problem("version.based_on", "a version cannot be based on itself")
    if reader.problems:
        raise DocumentInvalid(reader.problems)
    return document


# libyaml's parser where PyYAML has it (same safe constructors, about ten times faster).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_parsed: dict[str, object] = {}


def _parse_yaml(text: str):
    """The YAML of ``text``, parsed once per process for the same text (start-up and the test
    suite read the shipped files many times); each caller gets its own copy."""
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if key not in _parsed:
        if len(_parsed) >= 16:
            _parsed.clear()
        _parsed[key] = yaml.load(text, Loader=_SafeLoader)
    return copy.deepcopy(_parsed[key])


def read_document(path: Path) -> VersionDocument:
    """Parse a YAML or JSON file (JSON is YAML) and validate it."""
    try:
        raw = _parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise DocumentInvalid([Problem(str(path), f"cannot be read: {error}")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise DocumentInvalid([Problem(where, f"is not valid YAML: {error}")]) from None
    return validate_document(raw, source=path.name)


class _LiteralDumper(yaml.SafeDumper):
    pass


def _represent_text(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_LiteralDumper.add_representer(str, _represent_text)


def dump_document(data: dict) -> str:
    return yaml.dump(data, Dumper=_LiteralDumper, sort_keys=False, allow_unicode=True, width=100)
