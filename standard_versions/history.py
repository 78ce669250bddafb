"""The one way a service records a change: the row is saved (or deleted) with the acting user,
the reason and the instant the service was given, so its history record says who, why and when
(django-simple-history reads ``_history_user``, ``_change_reason`` and ``_history_date``).
Each also makes this worker forget the pages' heads it remembered (``memo.py``), so what it
changed shows on them at once."""

import datetime as dt

from simple_history.utils import bulk_update_with_history

from standard_versions.memo import page_heads


def save_with_history(instance, *, user, reason: str, now: dt.datetime) -> None:
    """Save ``instance``; its history record has ``user``, ``reason`` and the date ``now``."""
    _mark(instance, user=user, reason=reason, now=now)
    instance.save()
    page_heads.forget()


def delete_with_history(instance, *, user, reason: str, now: dt.datetime) -> None:
    """Delete ``instance``; its deletion record has ``user``, ``reason`` and the date ``now``."""
    _mark(instance, user=user, reason=reason, now=now)
    instance.delete()
    page_heads.forget()


def _mark(instance, *, user, reason: str, now: dt.datetime) -> None:
    # What django-simple-history's post_save and post_delete handlers read for the new record.
    instance._history_user = user
    instance._change_reason = reason
    instance._history_date = now


def bulk_save_with_history(
    instances: list, *, fields: list[str], user, reason: str, now: dt.datetime
) -> None:
    """Save ``fields`` of many rows of one model in a few statements (batches of 500); each
    row's history record has ``user``, ``reason`` and the date ``now``, as one saved alone."""
    if not instances:
        return
    bulk_update_with_history(
        instances,
        type(instances[0]),
        fields,
        batch_size=500,
        default_user=user,
        default_change_reason=reason,
        default_date=now,
    )
    page_heads.forget()
