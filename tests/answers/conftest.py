"""A published comment with a public response, its answer key and the instant of the response;
staff clients; the helpers the answer tests share."""

import datetime as dt

import pytest
from django.utils import timezone

from standard_versions.consultation.answer_keys import answer_key_for
from standard_versions.consultation.comments import moderate_comment, respond_to_comment
from standard_versions.models import Comment
from standard_versions.roles import EDITORS, PUBLISHERS
from tests.admin.conftest import publisher_admin  # noqa: F401 (a fixture)
from tests.comments.conftest import draft, make_period, submit  # noqa: F401 (fixtures)
from tests.staff import make_user, staff_client

RESPONDED_AT = dt.datetime(2030, 5, 1, 12, 0, tzinfo=dt.UTC)
MICROSECOND = dt.timedelta(microseconds=1)


@pytest.fixture(autouse=True)
def _generous_throttle(settings):
    settings.COMMENT_THROTTLE_RATE = "100000/min"


@pytest.fixture
def open_period(draft):  # noqa: F811
    return make_period(draft)


@pytest.fixture
def editor(db):
    return make_user("eve-editor", EDITORS)


@pytest.fixture
def editor_client(db):
    return staff_client("eddie-editor", EDITORS)


@pytest.fixture
def publisher_client(db):
    return staff_client("pat-publisher", PUBLISHERS)


@pytest.fixture
def tracking_id(api_client, open_period):
    return submit(api_client, open_period, criterion="A0.0", body="Please clarify.").json()[
        "tracking_id"
    ]


def publish_and_respond(tracking_id: str, *, user, at: dt.datetime = RESPONDED_AT) -> Comment:
    moderate_comment(tracking_id=tracking_id, state="published", user=user, now=at)
    return respond_to_comment(
        tracking_id=tracking_id,
        disposition="accepted",
        response="We will say how often the inventory is reviewed.",
        user=user,
        now=at,
    )


@pytest.fixture
def responded(tracking_id, editor):
    """The comment published and responded to at ``RESPONDED_AT`` (the window: 14 days)."""
    publish_and_respond(tracking_id, user=editor)
    return tracking_id


@pytest.fixture
def key(tracking_id):
    return answer_key_for(tracking_id)


def window_end(days: int = 14) -> dt.datetime:
    return RESPONDED_AT + dt.timedelta(days=days)


def now() -> dt.datetime:
    return timezone.now()
