"""Staff link a response to the change it led to: found by permanent key across a renumbering,
recorded in the link's and the comment's history, and refused with a code when it cannot be."""

import datetime as dt

import pytest
from django.utils import timezone

from standard_versions.consultation.response_links import unlink_response_change
from standard_versions.errors import Conflict, InvalidInput, NotFound
from standard_versions.models import Comment, ResponseLink
from tests.factories import build_version
from tests.response_links.conftest import answered, comment_on, later_version, link

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 5, 4, 12, 0, tzinfo=dt.UTC)


def test_a_criterion_renumbered_since_the_comment_is_found_by_its_key(
    api_client, period, later, editor
):
    tracking_id = comment_on(api_client, period, criterion="A0.0")
    found = link(tracking_id, later, key="k0", user=editor, now=NOW)
    assert (found.version, found.target, found.target_key) == (later, "criterion", "k0")
    assert found.change_class == "substantive" and found.created_at == NOW


def test_the_commented_draft_itself_may_hold_the_change(api_client, period, editor):
    tracking_id = comment_on(api_client, period)
    found = link(tracking_id, period.version, key="k1", user=editor)
    assert found.version == period.version


def test_a_practice_area_and_the_requirements_may_be_named(api_client, period, later, editor):
    tracking_id = comment_on(api_client, period)
    area = link(tracking_id, later, target="practice_area", key="a1", change_class="editorial")
    whole = link(tracking_id, later, target="requirements", key="")
    assert (area.target_key, whole.target_key) == ("a1", "")


def test_the_link_and_the_comment_record_who_why_and_when(api_client, period, later, editor):
    tracking_id = comment_on(api_client, period)
    found = link(tracking_id, later, user=editor, now=NOW, reason="fixed in 9.1")
    record = found.history.get()
    assert (record.history_user, record.history_change_reason, record.history_date) == (
        editor,
        "fixed in 9.1",
        NOW,
    )
    comment = Comment.objects.get(tracking_id=tracking_id)
    latest = comment.history.order_by("-history_id").first()
    assert (latest.history_user, latest.history_change_reason, latest.history_date) == (
        editor,
        "fixed in 9.1",
        NOW,
    )


def test_without_a_reason_the_history_says_what_was_linked(api_client, period, later, editor):
    tracking_id = comment_on(api_client, period)
    link(tracking_id, later, user=editor, now=NOW)
    latest = Comment.objects.get(tracking_id=tracking_id).history.order_by("-history_id").first()
    assert latest.history_change_reason == "response link: added criterion k0 in 9.1"


def test_removing_a_link_is_recorded_on_both(api_client, period, later, editor):
    tracking_id = comment_on(api_client, period)
    found = link(tracking_id, later, user=editor, now=NOW)
    later_now = NOW + dt.timedelta(hours=1)
    unlink_response_change(link_id=found.pk, user=editor, now=later_now, reason="wrong change")
    assert not ResponseLink.objects.exists()
    deletion = ResponseLink.history.filter(history_type="-").get()
    assert (deletion.history_user, deletion.history_change_reason, deletion.history_date) == (
        editor,
        "wrong change",
        later_now,
    )
    latest = Comment.objects.get(tracking_id=tracking_id).history.order_by("-history_id").first()
    assert (latest.history_change_reason, latest.history_date) == ("wrong change", later_now)


def test_a_version_of_another_standard_is_refused(api_client, period, editor):
    tracking_id = comment_on(api_client, period)
    other = build_version(standard_slug="other", label="9.5", criteria=2, areas=1)
    with pytest.raises(InvalidInput) as refused:
        link(tracking_id, other, key="k0", user=editor)
    assert refused.value.code == "version_of_another_standard"


def test_an_unknown_key_is_refused(api_client, period, later, editor):
    tracking_id = comment_on(api_client, period)
    with pytest.raises(InvalidInput) as refused:
        link(tracking_id, later, key="k99", user=editor)
    assert refused.value.code == "target_not_found"
    with pytest.raises(InvalidInput) as refused:
        link(tracking_id, later, target="practice_area", key="k0", user=editor)
    assert refused.value.code == "target_not_found"


def test_an_earlier_version_is_refused(api_client, draft, editor):
    from tests.response_links.conftest import make_period

    newer = later_version(draft, label="9.2")
    tracking_id = comment_on(api_client, make_period(newer), criterion="A1.1")
    with pytest.raises(InvalidInput) as refused:
        link(tracking_id, draft, key="k0", user=editor)
    assert refused.value.code == "version_before_comment"


def test_an_exact_duplicate_is_a_conflict(api_client, period, later, editor):
    tracking_id = comment_on(api_client, period)
    link(tracking_id, later, user=editor)
    with pytest.raises(Conflict) as refused:
        link(tracking_id, later, user=editor, change_class="editorial")
    assert refused.value.code == "response_link_exists"
    assert ResponseLink.objects.count() == 1


@pytest.mark.parametrize(
    ("target", "key", "code"),
    [
        ("requirements", "k0", "target_key_not_expected"),
        ("criterion", "", "target_key_required"),
        ("section", "k0", "invalid_target"),
    ],
)
def test_a_malformed_target_is_refused(api_client, period, later, editor, target, key, code):
    tracking_id = comment_on(api_client, period)
    with pytest.raises(InvalidInput) as refused:
        link(tracking_id, later, target=target, key=key, user=editor)
    assert refused.value.code == code


def test_an_unknown_comment_or_version_is_not_found(api_client, period, later, editor):
    with pytest.raises(NotFound) as refused:
        link("zzzzzzzzzzzzzzzzzzzzzzzzzz", later, user=editor)
    assert refused.value.code == "comment_not_found"
    tracking_id = comment_on(api_client, period)
    later.label = "7.7"  # not stored: the lookup is by label
    with pytest.raises(NotFound) as refused:
        link(tracking_id, later, user=editor)
    assert refused.value.code == "version_not_found"


def test_a_response_after_linking_keeps_the_link(api_client, period, later, editor):
    tracking_id = comment_on(api_client, period)
    link(tracking_id, later, user=editor, now=timezone.now())
    answered(tracking_id, user=editor)
    assert ResponseLink.objects.filter(comment__tracking_id=tracking_id).count() == 1
