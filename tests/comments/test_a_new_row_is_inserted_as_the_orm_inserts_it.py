"""A submission's INSERTs (their SQL built once, ``row_insert``) store the rows that the ORM's
``save(force_insert=True)`` stores, every column alike but the ones that identify them, and leave
the instance as saved: the comment (nothing goes into its history) and its receipt event."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from standard_versions.models import Comment, Event, EventKind
from standard_versions.row_insert import insert_new

pytestmark = pytest.mark.django_db

SUBMITTED_AT = dt.datetime(2022, 4, 20, 9, 30, 15, 123456, tzinfo=dt.UTC)
IDENTIFYING = {"id", "tracking_id", "idempotency_key"}


def _comment(period, n: int) -> Comment:
    return Comment(
        period=period,
        tracking_id=f"tracking{n:018d}",
        submitted_at=SUBMITTED_AT,
        criterion_key="k-dm7",
        criterion_code="DM7",
        criterion_revision=3,
        criterion_title="Data inventory",
        criterion_description="The city keeps an inventory — «com acentos», ñ.",
        body="Please say how often the inventory is reviewed.\n\nAnd by whom.",
        proposed_text="... at least once a year ...",
        type="technical",
        language="pt-BR",
        name="Ana Silva",
        organization="City of Somewhere",
        identity_public=True,
        email="ana@example.org",
        content_sha256="c" * 64,
        normalized_hash="n" * 40,
        idempotency_key=f"key-{n}",
        request_sha256="r" * 64,
    )


def test_the_row_is_the_orms_row(open_period):
    by_orm = _comment(open_period, 1)
    by_orm.skip_history_when_saving = True
    by_orm.save(force_insert=True)
    ours = _comment(open_period, 2)
    insert_new(ours)

    assert ours.pk is not None and ours.pk != by_orm.pk
    assert not ours._state.adding and ours._state.db == "default"
    rows = {row["id"]: row for row in Comment.objects.values()}
    assert set(rows) == {by_orm.pk, ours.pk}
    mine, theirs = rows[ours.pk], rows[by_orm.pk]
    assert {k: v for k, v in mine.items() if k not in IDENTIFYING} == {
        k: v for k, v in theirs.items() if k not in IDENTIFYING
    }
    assert mine["submitted_at"] == SUBMITTED_AT
    assert Comment.objects.get(pk=ours.pk).moderation_state == by_orm.moderation_state


def test_nothing_is_written_to_the_comments_history(open_period):
    insert_new(_comment(open_period, 3))
    assert Comment.history.count() == 0


def _event(comment: Comment, **fields) -> Event:
    return Event(
        kind=EventKind.COMMENT_RECEIVED,
        occurred_at=SUBMITTED_AT,
        period_id=comment.period_id,
        criterion_key=comment.criterion_key,
        comment=comment,
        payload={"language": "pt-BR", "nested": {"list": [1, "dois", None]}},
        **fields,
    )


def test_the_receipt_event_is_the_orms_event(open_period):
    comment = _comment(open_period, 4)
    insert_new(comment)
    by_orm = _event(comment)
    by_orm.save(force_insert=True)
    ours = _event(comment, dedupe_key="once")
    insert_new(ours)

    assert ours.pk is not None and ours.pk != by_orm.pk
    assert not ours._state.adding and ours._state.db == "default"
    rows = {row["id"]: row for row in Event.objects.values()}
    assert set(rows) == {by_orm.pk, ours.pk}
    identifying = {"id", "event_id", "dedupe_key"}
    mine, theirs = rows[ours.pk], rows[by_orm.pk]
    assert {k: v for k, v in mine.items() if k not in identifying} == {
        k: v for k, v in theirs.items() if k not in identifying
    }
    assert mine["event_id"] == ours.event_id and mine["event_id"] != theirs["event_id"]
    assert mine["payload"] == {"language": "pt-BR", "nested": {"list": [1, "dois", None]}}
    assert mine["dedupe_key"] == "once" and mine["fanned_out_at"] is None


def test_a_second_event_with_the_same_dedupe_key_is_refused_by_the_database(open_period):
    comment = _comment(open_period, 5)
    insert_new(comment)
    insert_new(_event(comment, dedupe_key="period-7-opened"))
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_new(_event(comment, dedupe_key="period-7-opened"))
    assert Event.objects.filter(dedupe_key="period-7-opened").count() == 1
