"""Service-level rules that the API cannot reach directly."""

from datetime import UTC, datetime

import pytest

from standard_versions.errors import InvalidInput
from standard_versions.models import Criterion, PracticeArea, Version
from standard_versions.standards import criteria as criterion_services
from standard_versions.standards import drafts as draft_services

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def draft(shipped_data, editor):
    return draft_services.create_draft(
        based_on=Version.objects.get(label="3.0"),
        label="3.1",
        title="Version 3.1",
        user=editor,
        reason="Next version",
        now=NOW,
    )


def test_moving_a_criterion_to_a_practice_area_of_another_version_is_refused(draft, editor):
    foreign = PracticeArea.objects.get(version__label="3.0", code="PA")
    with pytest.raises(InvalidInput) as refused:
        criterion_services.update_criterion(
            version=draft, code="DM7", practice_area=foreign, user=editor, reason="Move", now=NOW
        )
    assert refused.value.code == "practice_area_in_other_version"
    assert Criterion.objects.get(version=draft, code="DM7").practice_area.code == "DM"


def test_history_records_user_reason_and_the_given_time(draft, editor):
    criterion_services.update_criterion(
        version=draft, code="DM7", title="New", user=editor, reason="Retitle", now=NOW
    )
    record = Criterion.history.filter(version_id=draft.pk, code="DM7").first()
    assert (record.history_user, record.history_change_reason, record.history_date) == (
        editor,
        "Retitle",
        NOW,
    )


def test_every_write_bumps_the_version_revision(draft, editor):
    revision = draft.revision
    criterion_services.update_criterion(
        version=draft, code="DM7", title="New", user=editor, reason="Retitle", now=NOW
    )
    draft.refresh_from_db()
    assert draft.revision == revision + 1


def test_an_edit_that_changes_nothing_records_nothing(draft, editor):
    count = Criterion.history.count()
    current = Criterion.objects.get(version=draft, code="DM7")
    criterion_services.update_criterion(
        version=draft, code="DM7", title=current.title, user=editor, reason="Same", now=NOW
    )
    assert Criterion.history.count() == count


def test_a_new_criterion_never_reuses_a_key_used_before_in_the_standard(draft, editor):
    criterion_services.remove_criterion(
        version=draft, code="DM7", user=editor, reason="Drop", now=NOW
    )
    area = PracticeArea.objects.get(version=draft, code="DM")
    added = criterion_services.add_criterion(
        version=draft,
        practice_area=area,
        code="DM7",
        title="Another",
        description="Different",
        user=editor,
        reason="New",
        now=NOW,
    )
    old_key = Criterion.objects.get(version__label="3.0", code="DM7").key
    assert added.key != old_key and added.key.startswith("dm7")


def test_publishing_sets_published_at_from_now(draft, publisher):
    version = draft_services.publish_version(version=draft, user=publisher, reason="Go", now=NOW)
    assert version.published_at == NOW and version.status == "published"
    assert Version.objects.filter(standard=draft.standard, status="published").count() == 1
