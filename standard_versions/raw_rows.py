"""Rows of hand-written SQL as model instances, as ``Model.objects.raw()`` makes them, with its
per-call set-up done once: for the reads every request of a hot path makes (a submission's period
and criterion, the pages' heads).

``raw()`` works out on every call which columns are fields, in which order the model takes them and
which converters each needs: for the period's head, 0.23-0.26 ms of CPU per call against
0.18-0.19 ms here (measured alternating in one process). Here that plan is kept per (model,
columns); the converters are asked of the calling thread's connection. Columns that name a field
are converted as the ORM converts them and passed to ``Model.from_db``; the others are set on the
instance as they come, as ``raw()`` sets its annotations; fields not selected are deferred. Tests
compare every instance with ``raw()``'s:
``tests/comments/test_raw_rows_are_read_as_raw_reads_them.py``.
"""

from dataclasses import dataclass
from functools import cache

from django.db import connections, models, router


@dataclass(frozen=True)
class _Plan:
    field_names: tuple[str, ...]
    # For each selected field, in the model's order: its column's position and its expression.
    fields: tuple[tuple[int, object], ...]
    # Columns that are not fields: (position, attribute name).
    extras: tuple[tuple[int, str], ...]


@cache
def _plan(model: type[models.Model], columns: tuple[str, ...]) -> _Plan:
    by_column = {field.column: field for field in model._meta.concrete_fields}
    position = {column: index for index, column in enumerate(columns)}
    fields = tuple(
        (position[field.column], field.get_col(model._meta.db_table))
        for field in model._meta.concrete_fields
        if field.column in position
    )
    return _Plan(
        field_names=tuple(column.target.attname for _index, column in fields),
        fields=fields,
        extras=tuple((i, name) for i, name in enumerate(columns) if name not in by_column),
    )


def _instances(model, plan: _Plan, rows, connection) -> list[models.Model]:
    # The converters are asked of this thread's connection (they are its methods), once a call.
    converters = [
        (
            index,
            column,
            connection.ops.get_db_converters(column) + column.get_db_converters(connection),
        )
        for index, column in plan.fields
    ]
    instances = []
    for row in rows:
        values = []
        for index, column, functions in converters:
            value = row[index]
            for converter in functions:
                value = converter(value, column, connection)
            values.append(value)
        instance = model.from_db(connection.alias, plan.field_names, values)
        for index, name in plan.extras:
            setattr(instance, name, row[index])
        instances.append(instance)
    return instances


def raw_instances(model: type[models.Model], sql: str, params) -> list[models.Model]:
    """``list(model.objects.raw(sql, params))``, on the database the router reads ``model``
    from. The SELECT must name its columns as the model's columns (or as new attributes)."""
    alias = router.db_for_read(model)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
        columns = tuple(column[0] for column in cursor.description)
    return _instances(model, _plan(model, columns), rows, connections[alias])


def first_raw_instance(model: type[models.Model], sql: str, params) -> models.Model | None:
    """The first of ``raw_instances``, or None when there is no row."""
    return next(iter(raw_instances(model, sql, params)), None)
