"""Publishers publish and withdraw a draft on the admin's own pages: each asks for its reason,
calls the same service as the staff API, and shows its refusal (a comment period in the way, a
version that is no longer a draft) as a message on the page, storing nothing."""

import datetime as dt

import pytest
from django.utils import timezone
from django.utils.html import escape

from standard_versions.models import CommentPeriod, Version
from tests.admin.conftest import make_period

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


def _url(version, step: str = "") -> str:
    return f"/admin/standard_versions/version/{version.pk}/{step + '/' if step else 'change/'}"


def test_the_publish_page_asks_for_a_reason_and_names_the_period_in_its_way(
    publisher_admin, open_period, draft
):
    response = publisher_admin.get(_url(draft, "publish"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="reason"' in html and 'name="close_open_period"' in html
    assert "Publish version 9.0" in html
    assert escape(str(open_period)) in html


def test_publishing_without_a_reason_is_refused_on_the_form(publisher_admin, draft):
    response = publisher_admin.post(_url(draft, "publish"), {"reason": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert Version.objects.get(pk=draft.pk).status == "draft"


def test_publishing_with_the_period_open_shows_the_services_refusal(
    publisher_admin, open_period, draft
):
    response = publisher_admin.post(_url(draft, "publish"), {"reason": "Approved"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Comment period {open_period.pk} of version 9.0" in html
    assert "before the version is published" in html
    assert Version.objects.get(pk=draft.pk).status == "draft"
    open_period.refresh_from_db()
    assert open_period.changes == []


def test_publishing_and_closing_the_period_records_the_user_and_reason(
    publisher_admin, open_period, draft
):
    response = publisher_admin.post(
        _url(draft, "publish"),
        {"reason": "Approved by the board", "close_open_period": "on", "effective_from": ""},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == _url(draft)
    assert "Version 9.0 is published." in response.content.decode()
    version = Version.objects.get(pk=draft.pk)
    assert version.status == "published" and version.published_at is not None
    record = version.history.first()
    assert (record.history_user, record.history_change_reason) == (
        publisher_admin.user,
        "Approved by the board",
    )
    period = CommentPeriod.objects.get(pk=open_period.pk)
    assert period.status_at(timezone.now()) == "closed"
    assert period.changes[-1]["kind"] == "closed_early"
    assert period.changes[-1]["reason"] == "Approved by the board"
    period_record = period.history.first()
    assert period_record.history_user == publisher_admin.user


def test_withdrawing_cancels_a_scheduled_period_when_asked(publisher_admin, draft):
    now = timezone.now()
    period = make_period(draft, opens_at=now + DAY, closes_at=now + 2 * DAY)
    refused = publisher_admin.post(_url(draft, "withdraw"), {"reason": "Rework"})
    assert "before the draft is withdrawn" in refused.content.decode()
    assert Version.objects.get(pk=draft.pk).status == "draft"
    response = publisher_admin.post(
        _url(draft, "withdraw"), {"reason": "Rework", "close_open_period": "on"}, follow=True
    )
    assert "Version 9.0 is withdrawn." in response.content.decode()
    assert Version.objects.get(pk=draft.pk).status == "withdrawn"
    period.refresh_from_db()
    assert period.changes[-1]["kind"] == "cancelled"
    assert period.history.first().history_change_reason == "Rework"


def test_a_version_that_is_no_longer_a_draft_is_refused_with_the_services_message(
    publisher_admin, draft
):
    Version.objects.filter(pk=draft.pk).update(status="published")
    response = publisher_admin.post(_url(draft, "withdraw"), {"reason": "Again"})
    assert "Version 9.0 is published; only drafts can be changed." in response.content.decode()
    assert Version.objects.get(pk=draft.pk).status == "published"


def test_the_draft_page_links_to_publish_and_withdraw_for_publishers_only(
    publisher_admin, editor_admin, draft
):
    html = publisher_admin.get(_url(draft)).content.decode()
    assert f'href="{_url(draft, "publish")}"' in html
    assert f'href="{_url(draft, "withdraw")}"' in html
    assert _url(draft, "publish") not in editor_admin.get(_url(draft)).content.decode()
    assert editor_admin.get(_url(draft, "publish")).status_code == 403
    assert editor_admin.post(_url(draft, "publish"), {"reason": "x"}).status_code == 403
    assert Version.objects.get(pk=draft.pk).status == "draft"


def test_a_published_version_has_no_publish_link(publisher_admin, draft):
    Version.objects.filter(pk=draft.pk).update(status="published")
    assert _url(draft, "publish") not in publisher_admin.get(_url(draft)).content.decode()
