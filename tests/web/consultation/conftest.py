"""Shared set-up for the consultation page tests."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from standard_versions.consultation.periods import create_period
from tests.factories import build_version

DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def _generous_throttle(settings):
    settings.COMMENT_THROTTLE_RATE = "100000/min"


@pytest.fixture
def draft(db):
    """A draft version ``big 9.0`` with 6 criteria (codes A0.0 ... A1.5) in 2 practice areas."""
    return build_version(standard_slug="big", label="9.0", criteria=6, areas=2, status="draft")


def make_period(version, *, opens_at=None, closes_at=None, criteria=None, tz="America/New_York"):
    now = timezone.now()
    return create_period(
        standard_slug=version.standard.slug,
        label=version.label,
        opens_at=opens_at or now - DAY,
        closes_at=closes_at or now + 3 * DAY,
        timezone=tz,
        criteria=criteria,
        instructions="Comment on the **draft**.",
        user=None,
        reason="test",
        now=now,
    )


@pytest.fixture
def open_period(draft):
    return make_period(draft)


def page_url(period) -> str:
    return f"/comment-periods/{period.pk}/"


def form_fields(html: str, prefix: str) -> dict[str, str]:
    """The hidden fields of the form ``prefix`` as rendered (CSRF token, idempotency key...)."""
    form = re.search(rf'<form [^>]*id="{re.escape(prefix)}-form".*?</form>', html, re.S)
    assert form, f"no form {prefix}"
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(0)))


def post_comment(client, period, *, criterion="A0.0", **fields):
    data = {
        "criterion": criterion,
        "body": "A comment from the web.",
        "type": "general",
        "language": "en",
        **fields,
    }
    return client.post(page_url(period), data, **{k: v for k, v in {}.items()})
