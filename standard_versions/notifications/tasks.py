"""The worker's one task: drain the outbox (``outbox.drain``). Celery beat runs it every
``NOTIFY_TICK_SECONDS``; a change nudges it at once (``events``). Overlapping runs are safe:
each claims its own deliveries."""

from backend.celery import app
from standard_versions.notifications import outbox


@app.task(name="notifications.drain_outbox", ignore_result=True)
def drain_outbox() -> None:
    outbox.drain()
