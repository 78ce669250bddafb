"""The home, compare and consultation pages read what their cache keys are made of (their heads)
at most once per ``PAGE_HEAD_MEMO_MS`` in each worker (standard_versions/memo.py): a reader
within that moment costs no query; a change this worker saves with history, or a revision bump,
shows at once; another worker's change (here written straight to the database) shows once the
moment is over; 0 turns the memo off."""

import datetime as dt
import re
import time

import pytest
import time_machine
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from standard_versions.consultation.comments import moderate_comment, submit_comment
from standard_versions.memo import page_heads
from standard_versions.models import Comment, ModerationState, Version
from standard_versions.standards.revisions import bump_version_revision
from tests.factories import build_version
from tests.web.consultation.conftest import make_period, page_url

pytestmark = pytest.mark.django_db

COMPARE = "/standards/big/compare/?from=1.0&to=2.0"


# Long enough that a loaded machine's slow request never outlasts it; the moment's end is a clock
# moved on past it (``_the_moment_is_over``).
MOMENT_SECONDS = 60


@pytest.fixture(autouse=True)
def _a_long_moment(monkeypatch):
    monkeypatch.setattr(page_heads, "ttl", MOMENT_SECONDS)


def _the_moment_is_over(monkeypatch) -> None:
    """The views read ``time.monotonic()``: it now runs a moment and a second ahead."""
    real = time.monotonic
    monkeypatch.setattr(time, "monotonic", lambda: real() + MOMENT_SECONDS + 1)


@pytest.fixture
def period(db):
    """A published pair to compare (big 1.0, 2.0) and a draft (big 3.0) with an open period."""
    build_version(standard_slug="big", label="1.0", criteria=3, status="superseded")
    build_version(standard_slug="big", label="2.0", criteria=3, status="published")
    return make_period(build_version(standard_slug="big", label="3.0", criteria=3, status="draft"))


@pytest.fixture
def pages(period) -> dict[str, str]:
    return {"home": "/", "compare": COMPARE, "consultation": page_url(period)}


def _queries(client, path: str):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured), response


def _without_csrf_token(html: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", html)


@pytest.mark.parametrize("page", ["home", "compare", "consultation"])
def test_a_second_reader_within_the_moment_costs_no_query(client, pages, page):
    first_queries, first = _queries(client, pages[page])
    second_queries, second = _queries(client, pages[page])
    assert first_queries > 0
    assert second_queries == 0
    assert _without_csrf_token(second.content) == _without_csrf_token(first.content)


@pytest.mark.parametrize("page", ["home", "compare", "consultation"])
def test_with_the_memo_off_every_request_reads_its_head(client, pages, page, monkeypatch):
    monkeypatch.setattr(page_heads, "ttl", 0)
    client.get(pages[page])
    queries, _ = _queries(client, pages[page])
    assert queries > 0


def test_a_period_created_in_this_worker_shows_on_the_home_page_at_once(client, pages):
    assert "4.0" not in client.get("/").content.decode()
    make_period(build_version(standard_slug="other", label="4.0", criteria=1, status="draft"))
    assert "4.0" in client.get("/").content.decode()


def test_a_comment_published_in_this_worker_shows_on_the_consultation_page_at_once(
    client, pages, period
):
    submit_comment(
        period_id=period.pk, criterion_code="A0.0", body="Define it.", now=timezone.now()
    )
    assert "1 published comment" not in client.get(pages["consultation"]).content.decode()
    moderate_comment(
        tracking_id=Comment.objects.get().tracking_id,
        state=ModerationState.PUBLISHED,
        user=None,
        now=timezone.now(),
    )
    assert "1 published comment" in client.get(pages["consultation"]).content.decode()


def test_a_revision_bump_in_this_worker_shows_on_the_compare_page_at_once(client, pages):
    etag = client.get(COMPARE)["ETag"]
    bump_version_revision(version=Version.objects.get(label="2.0"))
    assert client.get(COMPARE)["ETag"] != etag


def test_another_workers_change_shows_once_the_moment_is_over(client, pages, monkeypatch):
    etag = client.get(COMPARE)["ETag"]
    # Another worker's publication: nothing in this one forgets what it read.
    Version.objects.filter(label="2.0").update(revision=F("revision") + 1)
    assert client.get(COMPARE)["ETag"] == etag
    _the_moment_is_over(monkeypatch)
    assert client.get(COMPARE)["ETag"] != etag


def test_a_period_that_closed_within_the_moment_leaves_the_home_page(client, db):
    version = build_version(standard_slug="soon", label="1.0", criteria=1, status="draft")
    now = timezone.now()
    make_period(version, opens_at=now - dt.timedelta(days=1), closes_at=now + dt.timedelta(hours=1))
    with time_machine.travel(now, tick=False):
        open_page = client.get("/")
    with time_machine.travel(now + dt.timedelta(hours=2), tick=False):
        remembered = client.get("/")
        page_heads.clear()
        read_again = client.get("/")
    assert remembered["ETag"] == read_again["ETag"] != open_page["ETag"]


def test_a_clock_gone_back_reads_the_periods_again(client, db):
    version = build_version(standard_slug="soon", label="1.0", criteria=1, status="draft")
    now = timezone.now()
    make_period(version, opens_at=now - dt.timedelta(days=1), closes_at=now + dt.timedelta(hours=1))
    with time_machine.travel(now + dt.timedelta(hours=2), tick=False):
        closed = client.get("/")
    with time_machine.travel(now, tick=False):
        remembered = client.get("/")
        page_heads.clear()
        read_again = client.get("/")
    assert remembered["ETag"] == read_again["ETag"] != closed["ETag"]
