"""The Celery application: `celery -A backend worker` (docs/operations.md). Its settings are the
``CELERY_*`` names of backend/settings.py; its tasks are in standard_versions/notifications/ and
standard_versions/consultation/ (export jobs)."""

import os

from celery import Celery
from celery.signals import beat_init, before_task_publish, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")

app = Celery("backend")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["standard_versions.notifications", "standard_versions.consultation"])


def _make_broker_folder(**_kwargs) -> None:
    """The embedded default's broker is a folder: it must exist before a message is written to it
    or read from it (a stat per publish; publishes are at most one a second per process)."""
    from django.conf import settings

    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        settings.CELERY_BROKER_DIR.mkdir(parents=True, exist_ok=True)


before_task_publish.connect(_make_broker_folder, weak=False)
worker_init.connect(_make_broker_folder, weak=False)
beat_init.connect(_make_broker_folder, weak=False)
