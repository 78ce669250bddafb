"""A committed change asks a worker to drain at once, at most once a second per process; a
broker that is down fails nothing and is left alone for half a minute."""

import pytest

from backend.celery import app
from standard_versions.notifications import events


@pytest.fixture
def sent(monkeypatch, settings):
    settings.NOTIFY_NUDGE = True
    monkeypatch.setattr(events, "_last_nudge", [float("-inf")])
    calls = []
    monkeypatch.setattr(app, "send_task", lambda name, **options: calls.append(name))
    return calls


def test_a_burst_of_changes_sends_one_nudge(sent, monkeypatch):
    clock = iter([100.0, 100.2, 100.9, 101.1])
    monkeypatch.setattr(events.time, "monotonic", lambda: next(clock))
    for _ in range(4):
        events._nudge_worker()
    assert sent == ["notifications.drain_outbox"] * 2


def test_a_broker_that_is_down_fails_nothing_and_is_left_alone_for_half_a_minute(sent, monkeypatch):
    def refuse(name, **options):
        sent.append(name)
        raise ConnectionRefusedError("redis down")

    monkeypatch.setattr(app, "send_task", refuse)
    clock = iter([100.0, 110.0, 131.0])
    monkeypatch.setattr(events.time, "monotonic", lambda: next(clock))
    events._nudge_worker()  # refused: logged, not raised
    events._nudge_worker()  # 10 s later: not tried
    events._nudge_worker()  # 31 s later: tried again
    assert len(sent) == 2
