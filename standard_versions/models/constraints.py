"""Database constraints that several models declare alike. Each helper builds exactly the
constraint a model would spell out itself, so the migrations see no difference."""

from django.db import models
from django.db.models import Q


def value_in_choices(
    field: str, choices: type[models.Choices], *, name: str, blank: bool = False
) -> models.CheckConstraint:
    """The database's own check that ``field`` holds one of ``choices`` (or "" when ``blank``)."""
    values = [choice.value for choice in choices]
    return models.CheckConstraint(
        condition=Q(**{f"{field}__in": ["", *values] if blank else values}), name=name
    )


def unique_unless_blank(*fields: str, name: str) -> models.UniqueConstraint:
    """``fields`` unique together wherever the last of them, an optional identifier stored as ""
    when absent, is given."""
    return models.UniqueConstraint(fields=list(fields), condition=~Q(**{fields[-1]: ""}), name=name)
