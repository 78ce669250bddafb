"""The consultation of docs/operations.md ("The workflow in the admin"), clicked through the real
admin in chromium with the same steps `make screenshots` takes (tests/e2e/admin_walkthrough.py),
checking what is stored after each step, so the documented walkthrough cannot silently break."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from standard_versions.models import Comment, CommentPeriod, Criterion, Version
from tests.e2e.admin_walkthrough import (
    DRAFT_LABEL,
    EDIT_REASON,
    EDITED_CODE,
    RESPONSE,
    WITHHELD_REASON,
    Walkthrough,
)

PASSWORD = "walkthrough-password-1"


@pytest.fixture
def staff(site):
    return User.objects.create_superuser("ana", "ana@example.org", PASSWORD)


def test_a_whole_consultation_clicked_through_the_admin(site, new_page, staff):
    walk = Walkthrough(page=new_page(), base=site)
    today = dt.datetime.now(ZoneInfo("America/New_York")).date()

    walk.sign_in("ana", PASSWORD)
    walk.create_draft()
    draft = Version.objects.get(standard__slug="wwc", label=DRAFT_LABEL)
    assert draft.status == "draft" and draft.based_on.label == "3.0"
    assert draft.history.first().history_user == staff

    walk.edit_criterion()
    criterion = Criterion.objects.get(version=draft, code=EDITED_CODE)
    assert "external stakeholders " in criterion.description
    assert criterion.history.first().history_change_reason == EDIT_REASON

    period_id = walk.open_period(
        opens=today.isoformat(), closes=(today + dt.timedelta(days=14)).isoformat()
    )
    period = CommentPeriod.objects.get(pk=period_id)
    assert period.version_id == draft.pk and period.timezone == "America/New_York"
    assert period.status_at(timezone.now()) == "open"
    assert period.closes_at == dt.datetime.combine(
        today + dt.timedelta(days=14), dt.time(), tzinfo=ZoneInfo("America/New_York")
    )

    ids = walk.comments_arrive(period_id)
    assert set(
        Comment.objects.filter(period=period).values_list("tracking_id", "moderation_state")
    ) == {(ids["kept"], "received"), (ids["withheld"], "received")}

    walk.moderate(ids["kept"], state="published")
    walk.moderate(ids["withheld"], state="withheld", reason=WITHHELD_REASON)
    kept, withheld = (Comment.objects.get(tracking_id=ids[name]) for name in ("kept", "withheld"))
    assert kept.moderation_state == "published"
    assert (withheld.moderation_state, withheld.moderation_reason) == ("withheld", WITHHELD_REASON)

    walk.extend(period_id, closes=(today + dt.timedelta(days=28)).isoformat())
    period.refresh_from_db()
    assert period.closes_at.astimezone(ZoneInfo("America/New_York")).date() == (
        today + dt.timedelta(days=28)
    )
    walk.close_early(period_id)
    period.refresh_from_db()
    assert period.status_at(timezone.now()) == "closed"
    assert [change["kind"] for change in period.changes] == ["extended", "closed_early"]
    assert period.changes[1]["reason"] == "The board meets earlier than planned."

    walk.respond(ids["kept"], disposition="noted", response=RESPONSE)
    kept.refresh_from_db()
    assert (kept.disposition, kept.response) == ("noted", RESPONSE)
    walk.public_report()
    assert RESPONSE in walk.page.content() and WITHHELD_REASON not in walk.page.content()

    walk.publish(effective_from=f"{today.year + 1}-01-01")
    draft.refresh_from_db()
    assert draft.status == "published" and draft.effective_from.year == today.year + 1
    assert Version.objects.get(standard__slug="wwc", label="3.0").status == "superseded"
    assert draft.history.first().history_change_reason == (
        "Approved by the board after the consultation."
    )
    assert walk.page.get_by_text("published", exact=True).first.is_visible()
