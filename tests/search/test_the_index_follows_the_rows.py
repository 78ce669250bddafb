"""The index is kept by the database itself (a generated column on PostgreSQL, triggers on
SQLite): a new comment is found at once, a changed text by its new words only, a deleted one no
more, and moderation, which saves the whole row, leaves the index sound."""

import pytest
from django.db import connection
from django.utils import timezone

from standard_versions.consultation.moderation import moderate_comment, respond_to_comment
from standard_versions.consultation.search import search_comments
from standard_versions.consultation.search_schema import FTS_TABLE
from standard_versions.models import Comment
from tests.search.conftest import make_comment

pytestmark = pytest.mark.django_db


def _found(query: str) -> list[Comment]:
    return list(search_comments(Comment.objects.all(), query=query))


def _index_is_sound() -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # Raises "database disk image is malformed" when the index and the table differ.
            cursor.execute(
                f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)"
            )


def test_a_new_comment_is_found_at_once(open_period):
    comment = make_comment(open_period, "Participatory budgeting works.")
    assert _found("budgeting") == [comment]
    _index_is_sound()


def test_comments_created_in_bulk_are_found(open_period):
    template = make_comment(open_period, "Seed.")
    Comment.objects.bulk_create(
        Comment(
            period=open_period,
            tracking_id=f"{template.tracking_id[:-2]}{n:02d}"[:26],
            submitted_at=template.submitted_at,
            body=f"Bulk row {n} about libraries.",
            content_sha256="0" * 64,
            normalized_hash="0" * 64,
        )
        for n in range(3)
    )
    assert len(_found("libraries")) == 3


def test_moderation_and_responses_keep_the_index(open_period):
    comment = make_comment(open_period, "Street lighting data.")
    now = timezone.now()
    moderate_comment(tracking_id=comment.tracking_id, state="published", user=None, now=now)
    respond_to_comment(
        tracking_id=comment.tracking_id,
        disposition="accepted",
        response="Thanks, added to the lighting criterion.",
        user=None,
        now=now,
    )
    _index_is_sound()
    assert _found("lighting") == [comment]
    assert _found("thanks") == []  # the response is staff's text, not the comment's


def test_a_changed_text_is_found_by_its_new_words_only(open_period):
    comment = make_comment(open_period, "Old wording about parks.")
    comment.body = "New wording about museums."
    comment.organization = "Museum Friends"
    comment.save()
    _index_is_sound()
    assert _found("parks") == []
    assert _found("museums friends") == [comment]


def test_a_deleted_comment_is_not_found(open_period):
    comment = make_comment(open_period, "Ephemeral remark.")
    Comment.objects.filter(pk=comment.pk).delete()
    _index_is_sound()
    assert _found("ephemeral") == []
