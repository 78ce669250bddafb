"""A submission's INSERT (its SQL built once, ``comment_insert``) stores the row that the ORM's
``save(force_insert=True)`` stores, every column alike but the ones that identify it, and leaves the
instance as saved; nothing goes into the comment's history."""

import datetime as dt

import pytest

from standard_versions.consultation.comment_insert import insert_comment
from standard_versions.models import Comment

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
    insert_comment(ours)

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
    insert_comment(_comment(open_period, 3))
    assert Comment.history.count() == 0
