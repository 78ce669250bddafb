"""Rows of hand-written SQL as model instances, as ``Model.objects.raw()`` makes them, with its
per-call set-up done once: for the reads every request of a hot path makes (a submission's
period and criterion, the pages' heads).

``raw()`` works out on every call which columns are fields, in which order the model takes them
and which converters each needs; on a one-row read that was more CPU than the query itself
(about 0.12 ms of 0.22 ms here, measured alternating in one process). Here that plan is kept per
(model, columns, database vendor). Columns that name a field are converted as the ORM converts
them and passed to ``Model.from_db``; the others are set on the instance as they come, as
``raw()`` sets its annotations; fields not selected are deferred. Tests compare every instance
with ``raw()``'s: ``tests/comments/test_raw_rows_are_read_as_raw_reads_them.py``.
"""

from dataclasses import dataclass
from functools import cache

from django.db import connections, models, router


@dataclass(frozen=True)
class _Plan:
    field_names: tuple[str, ...]
    # For each field, in the model's order: its column's position and its converters.
    fields: tuple[tuple[int, tuple, object], ...]
    # Columns that are not fields: (position, attribute name).
    extras: tuple[tuple[int, str], ...]


@cache
def _plan(model: type[models.Model], columns: tuple[str, ...], alias: str) -> _Plan:
    connection = connections[alias]
    by_column = {field.column: field for field in model._meta.concrete_fields}
    position = {column: index for index, column in enumerate(columns)}
    fields, field_names = [], []
    for field in model._meta.concrete_fields:
        if field.column in position:
            column = field.get_col(model._meta.db_table)
            converters = tuple(
                connection.ops.get_db_converters(column) + column.get_db_converters(connection)
            )
            fields.append((position[field.column], converters, column))
            field_names.append(field.attname)
    extras = tuple((index, name) for index, name in enumerate(columns) if name not in by_column)
    return _Plan(field_names=tuple(field_names), fields=tuple(fields), extras=extras)


def _instance(model, plan: _Plan, row, alias: str):
    connection = connections[alias]
    values = []
    for index, converters, column in plan.fields:
        value = row[index]
        for converter in converters:
            value = converter(value, column, connection)
        values.append(value)
    instance = model.from_db(alias, plan.field_names, values)
    for index, name in plan.extras:
        setattr(instance, name, row[index])
    return instance


def raw_instances(model: type[models.Model], sql: str, params) -> list[models.Model]:
    """``list(model.objects.raw(sql, params))``, on the database the router reads ``model``
    from. The SELECT must name its columns as the model's columns (or as new attributes)."""
    alias = router.db_for_read(model)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
        columns = tuple(column[0] for column in cursor.description)
    plan = _plan(model, columns, alias)
    return [_instance(model, plan, row, alias) for row in rows]


def first_raw_instance(model: type[models.Model], sql: str, params) -> models.Model | None:
    """The first of ``raw_instances``, or None when there is no row."""
    return next(iter(raw_instances(model, sql, params)), None)
