import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from standard_versions.consultation.periods import create_period
from standard_versions.roles import EDITORS, PUBLISHERS
from tests.factories import build_version
from tests.staff import staff_client

DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def _generous_throttle(settings):
    """Tests submit many comments from one client; test_throttling sets its own rate."""
    settings.COMMENT_THROTTLE_RATE = "100000/min"


@pytest.fixture
def draft(db):
    """A draft version ``big 9.0`` with 6 criteria (codes A0.0 ... A1.5, keys k0 ... k5)."""
    return build_version(standard_slug="big", label="9.0", criteria=6, areas=2, status="draft")


def make_period(version, *, opens_at=None, closes_at=None, criteria=None, tz="UTC", **kwargs):
    now = timezone.now()
    return create_period(
        standard_slug=version.standard.slug,
        label=version.label,
        opens_at=opens_at or now - DAY,
        closes_at=closes_at or now + DAY,
        timezone=tz,
        criteria=criteria,
        instructions=kwargs.pop("instructions", "Comment on the **draft**."),
        user=None,
        reason="test",
        now=now,
        **kwargs,
    )


@pytest.fixture
def open_period(draft):
    return make_period(draft)


@pytest.fixture
def publisher_client(db) -> APIClient:
    return staff_client("pat-publisher", PUBLISHERS)


@pytest.fixture
def editor_client(db) -> APIClient:
    return staff_client("eddie-editor", EDITORS)


@pytest.fixture
def nobody_client(db) -> APIClient:
    """Authenticated, but holds no staff role."""
    return staff_client("nora-nobody")


def submit(client, period, **payload):
    # Upper-case names are WSGI environ entries (REMOTE_ADDR, HTTP_...), not JSON fields.
    headers = {name: payload.pop(name) for name in list(payload) if name.isupper()}
    key = payload.pop("idempotency_key", None)
    if key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    payload.setdefault("body", "A comment.")
    return client.post(
        f"/api/v1/comment-periods/{period.pk}/comments/", payload, format="json", **headers
    )


@pytest.fixture
def before_the_period_is_read(monkeypatch):
    """``before_the_period_is_read(change)``: ``change()`` runs once, just before the
    submission's first read of its period, whichever way it is stored: the one statement that
    checks the period itself (PostgreSQL) or ``_store``'s locked read, which a statement that
    found the period changed falls back to."""
    from standard_versions.consultation import comment_one_statement, comments

    def install(change):
        pending = [change]

        def first_change():
            while pending:
                pending.pop()()

        def patched(module, name):
            original = getattr(module, name)

            def changed_then_read(*args, **kwargs):
                first_change()
                return original(*args, **kwargs)

            monkeypatch.setattr(module, name, changed_then_read)

        patched(comments, "_locked_period_window")
        patched(comment_one_statement, "insert_if_accepting")

    return install
