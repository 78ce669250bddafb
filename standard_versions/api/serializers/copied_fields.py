"""Serializers whose fields are copied, not rebuilt, for each instance.

DRF gives every serializer instance its own fields by ``copy.deepcopy`` of the declared ones, which
calls each field's ``__init__`` again with its original arguments: for a comment submission, the
input and the output serializer's copies were about a seventh of the request's CPU. A field's
state is set in ``__init__`` and read afterwards; what a serializer instance changes on its own
copy is set by ``bind`` (name, parent, source, label), which assigns attributes and mutates no
shared object. So a shallow copy of each field's attributes serves the same. Nested serializers
(and list fields, whose ``child`` is bound to them) are still deep-copied, as DRF does.
"""

import copy

from rest_framework import serializers


def _copied(field: serializers.Field) -> serializers.Field:
    if isinstance(field, serializers.BaseSerializer) or hasattr(field, "child"):
        return copy.deepcopy(field)
    new = object.__new__(type(field))
    new.__dict__.update(field.__dict__)
    return new


class CopiedFieldsMixin:
    """Put first among a serializer's bases: its fields are shallow copies of the declared ones."""

    def get_fields(self):
        return {name: _copied(field) for name, field in self._declared_fields.items()}
