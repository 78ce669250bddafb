"""Editing a draft's practice area, criterion and version in the admin changes what the form
changed, through the service, with the reason; a new code is stored as the new code."""

import pytest

from standard_versions.models import Criterion, PracticeArea, Version

pytestmark = pytest.mark.django_db


def _post(client, obj, data):
    url = f"/admin/standard_versions/{obj._meta.model_name}/{obj.pk}/change/"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_a_practice_area_gets_its_new_code_and_name(editor_admin, draft):
    area = PracticeArea.objects.filter(version=draft).order_by("position").first()
    old_code = area.code
    data = {
        "code": "NEW",
        "name": "Renamed",
        "description": area.description,
        "position": area.position,
        "change_reason": "Renumbered",
    }
    _post(editor_admin, area, data)
    area.refresh_from_db()
    assert (area.code, area.name) == ("NEW", "Renamed")
    assert not PracticeArea.objects.filter(version=draft, code=old_code).exists()
    assert area.history.first().history_change_reason == "Renumbered"


def test_a_criterion_gets_its_new_code_and_nothing_else_changes(editor_admin, draft):
    criterion = Criterion.objects.filter(version=draft).order_by("code").first()
    before = Criterion.objects.get(pk=criterion.pk)
    data = {
        "practice_area": criterion.practice_area_id,
        "code": "Z9.9",
        "title": criterion.title,
        "description": criterion.description,
        "position": criterion.position,
        "change_reason": "Renumbered",
    }
    if criterion.is_core:
        data["is_core"] = "on"
    _post(editor_admin, criterion, data)
    criterion.refresh_from_db()
    assert criterion.code == "Z9.9" and criterion.key == before.key
    assert (criterion.title, criterion.description) == (before.title, before.description)
    assert criterion.history.first().history_change_reason == "Renumbered"


def test_a_versions_title_is_changed_and_its_label_is_not(editor_admin, draft):
    _post(
        editor_admin,
        draft,
        {
            "title": "A new title",
            "provenance": draft.provenance,
            "effective_from": "",
            "change_reason": "Retitled",
        },
    )
    version = Version.objects.get(pk=draft.pk)
    assert (version.title, version.label) == ("A new title", draft.label)
    assert version.history.first().history_change_reason == "Retitled"
