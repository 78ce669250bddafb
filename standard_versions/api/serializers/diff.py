"""Serializers for the version diff.

The query is parsed by ``DiffQueryInputSerializer``. The body is ``VersionDiff.to_dict()`` from the
pure diff module (the one definition of the format, shared with the CLI so both give the same
bytes). The output serializers, which only document that body in the OpenAPI schema, are derived
here from the same dataclass fields and their declarations (``diff/json_form.py``): a key added to
the body is in the schema too.
"""

import types
from dataclasses import fields, is_dataclass
from functools import cache
from typing import Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from standard_versions.diff import result
from standard_versions.diff.json_form import (
    CHANGED_FIELDS_KEY,
    CHANGES_KEY,
    json_key,
    json_layout,
    json_name,
)
from standard_versions.models.standards import LABEL_PATTERN

_label_validator = RegexValidator(
    LABEL_PATTERN, _("Use a version label: letters, digits, dots or hyphens.")
)


class DiffQueryInputSerializer(serializers.Serializer):
    from_label = serializers.CharField(max_length=20, validators=[_label_validator])
    to_label = serializers.CharField(max_length=20, validators=[_label_validator])
    lang = serializers.CharField(max_length=35, required=False)

    def get_fields(self):
        fields = super().get_fields()
        # "from" is a Python keyword, so the query names are set here.
        fields["from"] = fields.pop("from_label")
        fields["to"] = fields.pop("to_label")
        return fields


# --- the body's schema, derived from the result dataclasses ---------------------------------------

# A component is named "Diff" + its class name ("DiffCriterionEntryOutput"), but for these, and a
# generic class must be named for each of its uses. The changes of a class X are "DiffXsOutput".
COMPONENT_NAMES = {
    result.VersionDiff: "VersionDiff",
    result.DiffSummary: "DiffSummary",
    result.RequirementsDiff: "DiffRequirements",
    result.ValueChange[str]: "DiffCodeChange",
    result.ValueChange[int]: "DiffIntChange",
    result.Section[result.PracticeAreaEntry, result.PracticeAreaChange]: "DiffPracticeAreas",
    result.Section[result.LevelEntry, result.LevelChange]: "DiffLevels",
    result.Section[result.OutcomeAreaEntry, result.OutcomeAreaChange]: "DiffOutcomeAreas",
}
PLAIN_FIELDS = {
    str: serializers.CharField,
    int: serializers.IntegerField,
    bool: serializers.BooleanField,
}


def _component_name(result_type) -> str:
    if result_type in COMPONENT_NAMES:
        return COMPONENT_NAMES[result_type]
    if get_origin(result_type) is not None:
        raise TypeError(f"Name {result_type} in COMPONENT_NAMES: its uses need distinct names.")
    return "Diff" + result_type.__name__


def _field_types(result_type) -> dict[str, object]:
    """The type of each dataclass field of ``result_type`` (a class, or a generic class with
    its arguments, whose type variables are replaced by them)."""
    cls = get_origin(result_type) or result_type
    bindings = dict(zip(getattr(cls, "__parameters__", ()), get_args(result_type), strict=True))

    def bind(annotation):
        if isinstance(annotation, TypeVar):
            return bindings[annotation]
        parameters = getattr(annotation, "__parameters__", ())
        return annotation[tuple(bindings[p] for p in parameters)] if parameters else annotation

    hints = get_type_hints(cls)
    return {item.name: bind(hints[item.name]) for item in fields(cls)}


def _is_result(annotation) -> bool:
    return is_dataclass(get_origin(annotation) or annotation)


def _schema_field(annotation, **options) -> serializers.Field:
    """The serializer field documenting a value of type ``annotation``."""
    if get_origin(annotation) in (Union, types.UnionType):
        (inner,) = (arg for arg in get_args(annotation) if arg is not type(None))
        if options.get("required", True):
            options["allow_null"] = True
        return _schema_field(inner, **options)
    if get_origin(annotation) is Literal:
        return serializers.ChoiceField(choices=list(get_args(annotation)), **options)
    if get_origin(annotation) is tuple:
        item_type = get_args(annotation)[0]
        if _is_result(item_type):
            return output_serializer(item_type)(many=True, **options)
        return serializers.ListField(child=_schema_field(item_type), **options)
    if _is_result(annotation):
        return output_serializer(annotation)(**options)
    return PLAIN_FIELDS[annotation](**options)


def _help(help_text: str | None) -> dict:
    return {"help_text": help_text} if help_text else {}


def _schema_fields(result_type) -> dict[str, serializers.Field]:
    """The serializer fields of ``result_type``'s JSON object, key by key (see ``json_form``)."""
    cls = get_origin(result_type) or result_type
    types_by_name = _field_types(result_type)
    declared: dict[str, serializers.Field] = {}
    for item in json_layout(cls):
        if isinstance(item, tuple):
            declared[CHANGED_FIELDS_KEY] = serializers.ListField(
                child=serializers.CharField(), **_help(getattr(cls, "changed_fields_help", None))
            )
            changes = {
                json_name(change): _schema_field(
                    types_by_name[change.name], required=False, **_help(json_key(change).help_text)
                )
                for change in item
            }
            name = _component_name(result_type) + "sOutputSerializer"
            declared[CHANGES_KEY] = type(name, (serializers.Serializer,), changes)()
        elif json_key(item).flatten:
            declared.update(_schema_fields(types_by_name[item.name]))
        else:
            declared[json_name(item)] = _schema_field(
                types_by_name[item.name], **_help(json_key(item).help_text)
            )
    return declared


@cache
def output_serializer(result_type) -> type[serializers.Serializer]:
    """The serializer documenting the JSON form of ``result_type`` (a result dataclass), made
    once per type so that each is one schema component."""
    name = _component_name(result_type) + "OutputSerializer"
    return type(name, (serializers.Serializer,), _schema_fields(result_type))


VersionDiffOutputSerializer = output_serializer(result.VersionDiff)
