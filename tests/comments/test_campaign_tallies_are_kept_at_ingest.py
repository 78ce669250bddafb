"""The campaigns list reads tallies kept by each submission: they always equal a count of the
comments themselves, and a rebuild from the comments gives the same rows."""

import pytest

from standard_versions.consultation import tallies
from standard_versions.consultation.comment_text import campaign_hash
from standard_versions.models import Comment, IdenticalCommentTally
from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db

LETTER = "Dear WWC, please keep DM7 as it is!"
OTHER = "Please make OD2 a core criterion."


def _tallies(period) -> dict[str, tuple]:
    return {
        t.normalized_hash: (
            t.count,
            t.first_submitted_at,
            t.last_submitted_at,
            t.example_tracking_id,
        )
        for t in IdenticalCommentTally.objects.filter(period=period)
    }


def _counted_from_the_comments(period) -> dict[str, tuple]:
    groups: dict[str, list[Comment]] = {}
    for comment in Comment.objects.filter(period=period):
        groups.setdefault(comment.normalized_hash, []).append(comment)
    return {
        key: (
            len(members),
            min(c.submitted_at for c in members),
            max(c.submitted_at for c in members),
            min(c.tracking_id for c in members),
        )
        for key, members in groups.items()
    }


def test_each_submission_adds_to_its_campaigns_tally(api_client, open_period):
    for body in [LETTER, LETTER.upper(), OTHER, LETTER + "!"]:
        assert submit(api_client, open_period, body=body).status_code == 201
    assert _tallies(open_period) == _counted_from_the_comments(open_period)
    assert _tallies(open_period)[campaign_hash(LETTER)][0] == 3


def test_a_repeated_idempotency_key_is_not_counted_twice(api_client, open_period):
    for _ in range(3):
        response = submit(api_client, open_period, body=LETTER, HTTP_IDEMPOTENCY_KEY="same-key")
        assert response.status_code in (200, 201)
    assert Comment.objects.filter(period=open_period).count() == 1
    assert _tallies(open_period)[campaign_hash(LETTER)][0] == 1


def test_a_refused_submission_counts_nothing(api_client, open_period):
    assert submit(api_client, open_period, body="").status_code == 400
    assert IdenticalCommentTally.objects.filter(period=open_period).count() == 0


def test_a_rebuild_from_the_comments_gives_the_same_tallies(api_client, open_period):
    for body in [LETTER, OTHER, LETTER.lower()]:
        submit(api_client, open_period, body=body)
    kept = _tallies(open_period)
    IdenticalCommentTally.objects.filter(period=open_period).update(count=99)
    assert tallies.recount_tallies(period=open_period) == 2
    assert _tallies(open_period) == kept


def test_the_campaigns_list_costs_the_same_queries_however_many_comments(
    api_client, editor_client, open_period, django_assert_num_queries
):
    url = f"/api/v1/comment-periods/{open_period.pk}/campaigns/"
    for _ in range(2):
        submit(api_client, open_period, body=LETTER)
    editor_client.get(url)  # warms the session and role look-ups
    with django_assert_num_queries(5):
        assert editor_client.get(url).json()["results"][0]["count"] == 2
    for _ in range(8):
        submit(api_client, open_period, body=LETTER)
    with django_assert_num_queries(5):
        assert editor_client.get(url).json()["results"][0]["count"] == 10


def test_the_recount_command_rebuilds_every_period(api_client, open_period):
    from io import StringIO

    from django.core.management import call_command

    submit(api_client, open_period, body=LETTER)
    IdenticalCommentTally.objects.all().delete()
    out = StringIO()
    call_command("recount_campaigns", stdout=out)
    assert f"period {open_period.pk}: 1 groups" in out.getvalue()
    assert _tallies(open_period) == _counted_from_the_comments(open_period)
