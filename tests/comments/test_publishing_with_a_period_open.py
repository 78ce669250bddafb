"""A draft with a scheduled or open comment period is published or withdrawn only when the request
closes the period, with a reason recorded in the period's history; no comment is ever accepted on
a version that is not a draft, on any write path."""

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from standard_versions.consultation import comments
from standard_versions.errors import Conflict, Forbidden
from standard_versions.models import Comment, CommentPeriod, Version
from standard_versions.standards import drafts as draft_services
from tests.comments.conftest import DAY, make_period, submit
from tests.web.consultation.conftest import post_comment

pytestmark = pytest.mark.django_db

VERSION_URL = "/api/v1/standards/big/versions/9.0"


@pytest.fixture
def scheduled_period(draft):
    now = timezone.now()
    return make_period(draft, opens_at=now + DAY, closes_at=now + 3 * DAY, tz="America/New_York")


@pytest.mark.parametrize("action", ["publish", "withdraw"])
def test_publishing_or_withdrawing_with_an_open_period_is_refused_naming_it(
    publisher_client, open_period, action
):
    response = publisher_client.post(f"{VERSION_URL}/{action}/", {"reason": "Done"}, format="json")
    assert response.status_code == 409, response.json()
    body = response.json()
    assert body["code"] == "comment_period_open"
    assert f"Comment period {open_period.pk} of version 9.0" in body["detail"]
    assert "is open" in body["detail"]
    assert Version.objects.get(label="9.0").status == "draft"
    open_period.refresh_from_db()
    assert open_period.changes == [] and open_period.status_at(timezone.now()) == "open"


def test_a_scheduled_period_is_in_the_way_too(publisher_client, scheduled_period):
    response = publisher_client.post(f"{VERSION_URL}/publish/", {"reason": "Done"}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "comment_period_open"
    assert "is scheduled" in response.json()["detail"]


def test_closing_the_period_explicitly_needs_a_reason(publisher_client, open_period):
    response = publisher_client.post(
        f"{VERSION_URL}/publish/", {"close_open_period": True}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "reason_required"
    assert Version.objects.get(label="9.0").status == "draft"
    open_period.refresh_from_db()
    assert open_period.changes == []


def test_publishing_with_close_open_period_closes_it_with_the_reason_in_its_history(
    publisher_client, open_period
):
    response = publisher_client.post(
        f"{VERSION_URL}/publish/",
        {"close_open_period": True, "reason": "Approved by the board"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "published"
    open_period.refresh_from_db()
    assert open_period.status_at(timezone.now()) == "closed"
    [change] = open_period.changes
    assert (change["kind"], change["reason"]) == ("closed_early", "Approved by the board")
    record = open_period.history.first()
    assert record.history_change_reason == "Approved by the board"
    assert record.history_user == publisher_client.user
    shown = APIClient().get(f"/api/v1/comment-periods/{open_period.pk}/").json()
    assert shown["status"] == "closed" and shown["changes"][0]["kind"] == "closed_early"


def test_withdrawing_cancels_a_scheduled_period_which_keeps_its_old_opening(
    publisher_client, scheduled_period
):
    opening = scheduled_period.opens_at
    response = publisher_client.post(
        f"{VERSION_URL}/withdraw/",
        {"close_open_period": True, "reason": "Rework"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "withdrawn"
    scheduled_period.refresh_from_db()
    assert scheduled_period.status_at(timezone.now()) == "closed"
    [change] = scheduled_period.changes
    assert change["kind"] == "cancelled" and change["reason"] == "Rework"
    assert dt.datetime.fromisoformat(change["opens_at_before"]) == opening
    shown = APIClient().get(f"/api/v1/comment-periods/{scheduled_period.pk}/").json()
    assert shown["changes"][0]["kind"] == "cancelled"


def test_after_publication_no_comment_is_accepted_on_the_period(publisher_client, open_period):
    publisher_client.post(
        f"{VERSION_URL}/publish/", {"close_open_period": True, "reason": "Go"}, format="json"
    )
    response = submit(APIClient(), open_period, body="Too late.")
    assert response.status_code == 403
    assert response.json()["code"] == "comment_period_closed"
    assert not Comment.objects.exists()


def test_the_home_page_no_longer_invites_comments_once_published(
    client, publisher_client, open_period
):
    assert f"/comment-periods/{open_period.pk}/" in client.get("/").content.decode()
    publisher_client.post(
        f"{VERSION_URL}/publish/", {"close_open_period": True, "reason": "Go"}, format="json"
    )
    assert f"/comment-periods/{open_period.pk}/" not in client.get("/").content.decode()


@pytest.mark.parametrize("status", ["published", "superseded", "withdrawn"])
def test_a_period_left_open_on_a_version_that_is_not_a_draft_accepts_no_comment(
    open_period, status
):
    # Data from before this rule: the version changed while its period stayed open.
    Version.objects.filter(pk=open_period.version_id).update(status=status)
    response = submit(APIClient(), open_period, body="On a finished version.")
    assert response.status_code == 403
    assert response.json()["code"] == "version_not_draft"
    assert not Comment.objects.exists()


def test_the_web_form_refuses_a_comment_on_a_version_that_is_not_a_draft(client, open_period):
    Version.objects.filter(pk=open_period.version_id).update(status="published")
    response = post_comment(client, open_period, criterion="", body="On a published version.")
    assert response.status_code == 403
    assert "comments are accepted only on drafts" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_version_published_just_before_the_submission_reads_it_refuses_the_comment(
    draft, open_period, before_the_period_is_read
):
    """The version is published (closing the period a moment after the submission's ``now``)
    just before the submission's transaction reads the period and its version under the period's
    lock: the check refuses it, as an early close would."""
    submitted_at = timezone.now()
    before_the_period_is_read(
        lambda: draft_services.publish_version(
            version=draft,
            user=None,
            reason="Approved",
            now=submitted_at + dt.timedelta(milliseconds=1),
            close_open_period=True,
        )
    )
    with pytest.raises(Forbidden) as refusal:
        comments.submit_comment(period_id=open_period.pk, body="Race.", now=submitted_at)
    assert refusal.value.code == "version_not_draft"
    assert not Comment.objects.exists()


def test_the_publish_service_refuses_by_default_and_closes_when_asked(draft, open_period):
    now = timezone.now()
    with pytest.raises(Conflict) as refusal:
        draft_services.publish_version(version=draft, user=None, reason="Go", now=now)
    assert refusal.value.code == "comment_period_open"
    draft_services.publish_version(
        version=draft, user=None, reason="Go", now=now, close_open_period=True
    )
    assert CommentPeriod.objects.get().closes_at == now
