"""The one way a service records a change: the row is saved (or deleted) with the acting user,
the reason and the instant the service was given, so its history record says who, why and when
(django-simple-history reads ``_history_user``, ``_change_reason`` and ``_history_date``)."""

import datetime as dt


def save_with_history(instance, *, user, reason: str, now: dt.datetime) -> None:
    """Save ``instance``; its history record has ``user``, ``reason`` and the date ``now``."""
    instance._history_user = user
    instance._change_reason = reason
    instance._history_date = now
    instance.save()


def delete_with_history(instance, *, user, reason: str, now: dt.datetime) -> None:
    """Delete ``instance``; its deletion record has ``user``, ``reason`` and the date ``now``."""
    instance._history_user = user
    instance._change_reason = reason
    instance._history_date = now
    instance.delete()
