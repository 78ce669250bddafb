"""The diff's JSON form, declared once: on the fields of its dataclasses.

Every field of a result dataclass (``diff/result.py``, ``diff/words.py``) is a key of its JSON
object, in field order, under the field's name or the ``name`` its ``in_json`` metadata gives.
Two declarations shape the rest:

- ``change_in_json(name)``: a ``*_change`` field, None when that part did not change. A class's
  change fields together become two keys, standing where the first of them stands:
  ``"fields"``, the names of those that are set (in field order), and ``"changes"``, their
  values by name.
- ``in_json(flatten=True)``: the keys of the field's object stand in its parent's object.

``help_text`` is what the OpenAPI schema says of a key. ``to_json`` writes the JSON form, and
``api/serializers/diff.py`` derives the schema's serializers from the same declarations and the
fields' type annotations, so a key cannot be in the body and missing from the schema (or the
other way round).
"""

from dataclasses import Field, dataclass, fields, is_dataclass
from functools import cache
from typing import Any

METADATA_KEY = "json"
CHANGED_FIELDS_KEY = "fields"
CHANGES_KEY = "changes"


@dataclass(frozen=True)
class JsonKey:
    """How one dataclass field stands in the JSON form (see the module docstring)."""

    name: str | None = None
    help_text: str | None = None
    change: bool = False
    flatten: bool = False


def in_json(*, name=None, help_text=None, flatten=False) -> dict:
    """The ``metadata`` of a dataclass field (``field(metadata=in_json(...))``) that declares how
    it stands in the JSON form."""
    return {METADATA_KEY: JsonKey(name=name, help_text=help_text, flatten=flatten)}


def change_in_json(name: str, *, help_text: str | None = None) -> dict:
    """The ``metadata`` of a ``*_change`` field (default None): it is listed in ``"fields"`` and
    ``"changes"`` as ``name``."""
    return {METADATA_KEY: JsonKey(name=name, help_text=help_text, change=True)}


def json_key(item: Field) -> JsonKey:
    return item.metadata.get(METADATA_KEY) or JsonKey()


def json_name(item: Field) -> str:
    return json_key(item).name or item.name


@cache
def json_layout(cls: type) -> tuple[Field | tuple[Field, ...], ...]:
    """The keys of ``cls``'s JSON object in order: a field, or the tuple of its change fields (in
    the place of the first), which stands for ``"fields"`` and ``"changes"``."""
    layout: list = []
    changes: list[Field] = []
    for item in fields(cls):
        if json_key(item).change:
            if not changes:
                layout.append(changes)
            changes.append(item)
        else:
            layout.append(item)
    return tuple(tuple(item) if item is changes else item for item in layout)


@cache
def _plan(cls: type) -> tuple[tuple[str, Any, Any], ...]:
    """``json_layout`` as (kind, JSON name, attribute) steps, worked out once per class."""
    steps = []
    for item in json_layout(cls):
        if isinstance(item, tuple):
            names = tuple((json_name(change), change.name) for change in item)
            steps.append(("changes", None, names))
        elif json_key(item).flatten:
            steps.append(("flatten", None, item.name))
        else:
            steps.append(("key", json_name(item), item.name))
    return tuple(steps)


def to_json(value: Any) -> Any:
    """The JSON form of a result dataclass (a dict), of a tuple or list of them (a list), or of a
    plain value (itself)."""
    if isinstance(value, (tuple, list)):
        return [to_json(item) for item in value]
    if is_dataclass(value):
        return _object(value)
    return value


def _object(value) -> dict:
    data = {}
    for kind, name, attribute in _plan(type(value)):
        if kind == "key":
            data[name] = to_json(getattr(value, attribute))
        elif kind == "flatten":
            data.update(_object(getattr(value, attribute)))
        else:
            present = [(key, getattr(value, attr)) for key, attr in attribute]
            present = [(key, change) for key, change in present if change is not None]
            data[CHANGED_FIELDS_KEY] = [key for key, _ in present]
            data[CHANGES_KEY] = {key: to_json(change) for key, change in present}
    return data


def has_changes(value) -> bool:
    """Whether any change field of ``value`` is set."""
    return any(
        getattr(value, change.name) is not None
        for item in json_layout(type(value))
        if isinstance(item, tuple)
        for change in item
    )


class JsonForm:
    """For the result dataclasses: ``to_dict()`` is their JSON form (``to_json``)."""

    __slots__ = ()

    def to_dict(self) -> dict:
        return to_json(self)
