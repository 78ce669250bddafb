"""Staff find, moderate and answer comments in the Django admin, through the same services as the
staff API: a refused change stores nothing, and comments are never added or deleted there."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from rest_framework.test import APIClient

from standard_versions.models import Comment
from standard_versions.roles import EDITORS
from tests.comments.conftest import submit
from tests.staff import make_user

pytestmark = pytest.mark.django_db


def _staff(username: str, *roles: str) -> Client:
    user = make_user(username, *roles)
    user.is_staff = True
    user.save()
    client = Client()
    assert client.login(username=username, password=f"pw-{username}-long!")
    return client


@pytest.fixture
def moderator() -> Client:
    return _staff("mo", EDITORS)


@pytest.fixture
def comments(open_period) -> list[Comment]:
    public = APIClient()
    for number in range(3):
        response = submit(public, open_period, body=f"Comment number {number}.", email="a@b.org")
        assert response.status_code == 201
    return list(Comment.objects.order_by("submitted_at"))


def _change(client, comment, **fields):
    data = {
        "moderation_state": comment.moderation_state,
        "moderation_reason": comment.moderation_reason,
        "disposition": comment.disposition or "",
        "response": comment.response,
        "change_reason": "",
        **fields,
    }
    return client.post(f"/admin/standard_versions/comment/{comment.pk}/change/", data)


def test_the_list_finds_a_comment_by_its_tracking_id(moderator, comments):
    wanted = comments[1]
    response = moderator.get("/admin/standard_versions/comment/", {"q": wanted.tracking_id})
    html = response.content.decode()
    assert response.status_code == 200
    assert wanted.tracking_id in html
    assert comments[0].tracking_id not in html


def test_a_comment_is_published_and_answered_in_one_save_with_history(moderator, comments):
    comment = comments[0]
    response = _change(
        moderator,
        comment,
        moderation_state="published",
        disposition="accepted",
        response="We added this to DM7.",
        change_reason="Committee meeting of 3 May",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    comment.refresh_from_db()
    assert comment.moderation_state == "published"
    assert (comment.disposition, comment.response) == ("accepted", "We added this to DM7.")
    assert comment.responded_at is not None
    latest = comment.history.first()
    assert latest.history_user == User.objects.get(username="mo")
    assert latest.history_change_reason == "Committee meeting of 3 May"


def test_withholding_without_a_reason_is_refused_and_nothing_is_stored(moderator, comments):
    comment = comments[0]
    response = _change(
        moderator,
        comment,
        moderation_state="withheld",
        moderation_reason="",
        disposition="noted",
        response="Thanks.",
    )
    assert response.status_code == 302
    page = moderator.get(response["Location"]).content.decode()
    assert "Say why the comment is withheld." in page
    comment.refresh_from_db()
    assert comment.moderation_state == "received"
    assert comment.disposition is None or comment.disposition == ""
    assert comment.response == ""


def test_a_response_that_fails_undoes_the_moderation_in_the_same_save(moderator, comments):
    comment = comments[0]
    _change(moderator, comment, moderation_state="published", disposition="noted", response="")
    comment.refresh_from_db()
    assert comment.moderation_state == "received"


def test_the_publish_action_publishes_every_selected_comment(moderator, comments):
    response = moderator.post(
        "/admin/standard_versions/comment/",
        {"action": "publish_selected", "_selected_action": [c.pk for c in comments[:2]]},
    )
    assert response.status_code == 302
    states = list(
        Comment.objects.order_by("submitted_at").values_list("moderation_state", flat=True)
    )
    assert states == ["published", "published", "received"]


def test_comments_cannot_be_added_or_deleted_in_the_admin(moderator, comments):
    assert moderator.get("/admin/standard_versions/comment/add/").status_code == 403
    delete = f"/admin/standard_versions/comment/{comments[0].pk}/delete/"
    assert moderator.get(delete).status_code == 403
    assert Comment.objects.count() == 3


def test_staff_without_a_role_do_not_see_comments(comments):
    outsider = _staff("out")
    assert outsider.get("/admin/standard_versions/comment/").status_code == 403


def test_the_change_page_shows_the_comment_and_its_private_email_to_staff(moderator, comments):
    comment = comments[2]
    response = moderator.get(f"/admin/standard_versions/comment/{comment.pk}/change/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Comment number 2." in html
    assert "a@b.org" in html
    assert 'name="moderation_state"' in html and 'name="response"' in html
    assert 'name="body"' not in html
