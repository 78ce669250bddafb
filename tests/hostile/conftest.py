"""What the hostile-input tests share: the shipped data, a draft open for comment, staff."""

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from standard_versions.consultation.periods import create_period
from standard_versions.models import Version
from standard_versions.roles import EDITORS, PUBLISHERS
from standard_versions.standards.drafts import create_draft
from tests.staff import staff_client

VERSIONS = "/api/v1/standards/wwc/versions"


@pytest.fixture(autouse=True)
def _generous_throttle(settings):
    settings.COMMENT_THROTTLE_RATE = "100000/min"


@pytest.fixture
def draft(shipped_data):
    """A draft ``3.1`` of WWC, based on 3.0."""
    return create_draft(
        based_on=Version.objects.get(standard__slug="wwc", label="3.0"),
        label="3.1",
        title="Version 3.1",
        user=None,
        reason="test",
        now=timezone.now(),
    )


@pytest.fixture
def open_period(draft):
    now = timezone.now()
    return create_period(
        standard_slug="wwc",
        label=draft.label,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=1),
        timezone="America/New_York",
        criteria=None,
        instructions="Comment on the draft.",
        user=None,
        reason="test",
        now=now,
    )


@pytest.fixture
def staff(db) -> APIClient:
    """A client with a token of a user who edits and publishes."""
    return staff_client("stella-staff", EDITORS, PUBLISHERS)
