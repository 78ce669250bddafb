"""On PostgreSQL a submission without an email is stored by one statement that checks its period
itself (``consultation/comment_one_statement.py``): the row it stores is the one the locked
transaction stores; whatever the statement finds changed, it writes nothing and the locked
transaction decides and says why; in autocommit it is the whole transaction; and a staff change
holding the period's lock is waited for, then obeyed."""

import datetime as dt
import threading

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from standard_versions.consultation import comment_one_statement
from standard_versions.consultation import comments as comment_services
from standard_versions.consultation.periods import close_period_early
from standard_versions.errors import Conflict, Forbidden, InvalidInput
from standard_versions.models import Comment, CommentPeriod, Criterion, IdenticalCommentTally
from tests.comments.conftest import make_period

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

# What differs between two stored copies of one submission.
_OWN = {"id", "tracking_id", "content_sha256", "idempotency_key"}


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("The one statement is PostgreSQL's (a data-modifying WITH query).")


@pytest.fixture
def statements(monkeypatch):
    """How many submissions the one statement stored (not counting its fallbacks)."""
    stored = []
    original = comment_one_statement.insert_if_accepting

    def counted(comment, **kwargs):
        inserted = original(comment, **kwargs)
        stored.append(inserted)
        return inserted

    monkeypatch.setattr(comment_one_statement, "insert_if_accepting", counted)
    return stored


def _submit(period, **fields):
    fields.setdefault("body", "The inventory should be reviewed yearly.")
    return comment_services.submit_comment(period_id=period.pk, now=timezone.now(), **fields)


def _row(comment: Comment) -> dict:
    row = {f.attname: getattr(comment, f.attname) for f in Comment._meta.concrete_fields}
    return {name: value for name, value in row.items() if name not in _OWN}


def test_the_row_and_its_tally_are_those_the_locked_transaction_stores(
    open_period, statements, monkeypatch
):
    fields = {"body": "Yearly.", "criterion_code": "A1.1", "type": "technical", "name": " Ana "}
    now = timezone.now()
    one = comment_services.submit_comment(period_id=open_period.pk, now=now, **fields)
    monkeypatch.setattr(comment_one_statement, "applies", lambda: False)
    locked = comment_services.submit_comment(period_id=open_period.pk, now=now, **fields)
    assert statements == [True]
    stored = {c.tracking_id: c for c in Comment.objects.all()}
    assert _row(stored[one.comment.tracking_id]) == _row(stored[locked.comment.tracking_id])
    assert _row(one.comment) == _row(stored[one.comment.tracking_id])
    assert one.comment.content_sha256 == comment_services.receipt_sha256(one.comment)
    assert stored[one.comment.tracking_id].content_sha256 == one.comment.content_sha256
    tally = IdenticalCommentTally.objects.get()
    assert (tally.count, tally.first_submitted_at, tally.last_submitted_at) == (2, now, now)
    assert tally.example_tracking_id == min(stored)


def test_a_comment_with_an_email_is_stored_by_the_locked_transaction(open_period, statements):
    _submit(open_period, email="ana@example.org")
    assert statements == []
    assert Comment.objects.get().email == "ana@example.org"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ("closed", "comment_period_closed"),
        ("scheduled", "comment_period_not_open"),
        ("not a draft", "version_not_draft"),
    ],
)
def test_a_period_that_does_not_accept_is_refused_by_the_locked_read(
    open_period, statements, change, code
):
    now = timezone.now()
    if change == "closed":
        CommentPeriod.objects.filter(pk=open_period.pk).update(
            closes_at=now - dt.timedelta(hours=1)
        )
    elif change == "scheduled":
        CommentPeriod.objects.filter(pk=open_period.pk).update(opens_at=now + dt.timedelta(hours=1))
    else:
        type(open_period.version).objects.filter(pk=open_period.version_id).update(
            status="published"
        )
    with pytest.raises(Forbidden) as refusal:
        _submit(open_period)
    assert refusal.value.code == code
    assert statements == [False]
    assert not Comment.objects.exists()
    assert not IdenticalCommentTally.objects.exists()


def test_a_criterion_out_of_the_periods_scope_is_refused(draft, statements):
    period = make_period(draft, criteria=["A0.0"])
    _submit(period, criterion_code="A0.0")
    with pytest.raises(InvalidInput) as refusal:
        _submit(period, criterion_code="A1.1")
    assert refusal.value.code == "criterion_not_in_scope"
    assert statements == [True, False]
    assert Comment.objects.get().criterion_code == "A0.0"


def test_a_criterion_unknown_or_changed_since_it_was_read_goes_to_the_locked_transaction(
    open_period, statements, monkeypatch
):
    with pytest.raises(InvalidInput) as refusal:
        _submit(open_period, criterion_code="Z9.9")
    assert refusal.value.code == "criterion_not_in_scope"
    assert statements == []
    criterion = Criterion.objects.get(version=open_period.version, code="A1.1")
    original = comment_one_statement.criterion_of

    def read_then_edited(**kwargs):
        read = original(**kwargs)
        Criterion.objects.filter(pk=criterion.pk).update(title="Edited", revision=7)
        return read

    monkeypatch.setattr(comment_one_statement, "criterion_of", read_then_edited)
    stored = _submit(open_period, criterion_code="A1.1").comment
    assert statements == [False]
    assert (stored.criterion_title, stored.criterion_revision) == ("Edited", 7)
    assert Comment.objects.get().criterion_revision == 7


def test_a_text_the_checks_refuse_is_refused_as_before_after_the_periods_checks(
    open_period, statements
):
    with pytest.raises(InvalidInput) as refusal:
        _submit(open_period, body="   ")
    assert refusal.value.code == "comment_body_empty"
    CommentPeriod.objects.filter(pk=open_period.pk).update(
        closes_at=timezone.now() - dt.timedelta(hours=1)
    )
    with pytest.raises(Forbidden) as refusal:
        _submit(open_period, body="x" * 20_001)
    assert refusal.value.code == "comment_period_closed"
    assert statements == []


@pytest.mark.django_db(transaction=True)
def test_in_autocommit_the_statement_is_the_whole_transaction(draft):
    period = make_period(draft)
    with CaptureQueriesContext(connection) as captured:
        result = _submit(period, idempotency_key="k-1")
    assert [q["sql"].split(" ", 1)[0] for q in captured] == ["WITH"]
    assert connection.get_autocommit()
    assert Comment.objects.get().tracking_id == result.comment.tracking_id
    replay = _submit(period, idempotency_key="k-1")
    assert replay.replayed and replay.comment.tracking_id == result.comment.tracking_id
    with pytest.raises(Conflict) as refusal:
        _submit(period, idempotency_key="k-1", body="Another comment.")
    assert refusal.value.code == "idempotency_key_reused"
    assert Comment.objects.count() == 1
    assert IdenticalCommentTally.objects.get().count == 1


@pytest.mark.django_db(transaction=True)
def test_a_close_holding_the_periods_lock_is_waited_for_then_obeyed(draft):
    period = make_period(draft)
    submitted_at = timezone.now()
    locked, release = threading.Event(), threading.Event()
    outcome: dict = {}

    def staff_closes():
        try:
            with transaction.atomic():
                close_period_early(
                    period_id=period.pk,
                    user=None,
                    reason="Closed early",
                    now=submitted_at - dt.timedelta(seconds=1),
                )
                locked.set()
                release.wait(10)
        finally:
            connection.close()

    def commenter():
        try:
            comment_services.submit_comment(
                period_id=period.pk, body="Just in time?", now=submitted_at
            )
            outcome["stored"] = True
        except Forbidden as refusal:
            outcome["refused"] = refusal.code
        finally:
            connection.close()

    staff = threading.Thread(target=staff_closes)
    staff.start()
    assert locked.wait(10)
    submission = threading.Thread(target=commenter)
    submission.start()
    submission.join(0.5)
    # Still waiting on the period's row lock: the close has not committed.
    assert submission.is_alive()
    release.set()
    staff.join(10)
    submission.join(10)
    assert outcome == {"refused": "comment_period_closed"}
    assert not Comment.objects.exists()
