"""The staff admin: edits go through the services with a reason; published versions are
read-only."""

import pytest
from django.test import Client

from standard_versions.models import Criterion, Version
from standard_versions.roles import EDITORS
from tests.staff import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_editor(db):
    user = make_user("sam", EDITORS)
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def admin_client(staff_editor) -> Client:
    client = Client()
    assert client.login(username="sam", password="pw-sam-long!")
    return client


@pytest.fixture
def admin_draft(shipped_data, admin_client):
    source = Version.objects.get(label="3.0")
    response = admin_client.post(
        "/admin/standard_versions/version/add/",
        {
            "label": "3.1",
            "title": "Version 3.1",
            "based_on": source.pk,
            "change_reason": "Drafted in admin",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return Version.objects.get(label="3.1")


def _criterion_form(criterion, **changes):
    data = {
        "practice_area": criterion.practice_area_id,
        "code": criterion.code,
        "title": criterion.title,
        "description": criterion.description,
        "position": criterion.position,
        "change_reason": "",
    }
    if criterion.is_core:
        data["is_core"] = "on"
    data.update(changes)
    return data


def _change_url(criterion):
    return f"/admin/standard_versions/criterion/{criterion.pk}/change/"


def test_creating_a_draft_in_the_admin_copies_the_version(admin_draft):
    assert admin_draft.status == "draft" and admin_draft.criteria.count() == 42
    assert admin_draft.history.first().history_change_reason == "Drafted in admin"


def test_a_draft_criterion_is_changed_with_a_reason(admin_draft, admin_client, staff_editor):
    criterion = Criterion.objects.get(version=admin_draft, code="DM7")
    revision = Version.objects.get(pk=admin_draft.pk).revision
    response = admin_client.post(
        _change_url(criterion),
        _criterion_form(criterion, title="Changed in admin", change_reason="Admin edit"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    criterion.refresh_from_db()
    assert criterion.title == "Changed in admin" and criterion.revision == 2
    record = criterion.history.first()
    assert (record.history_user, record.history_change_reason) == (staff_editor, "Admin edit")
    assert Version.objects.get(pk=admin_draft.pk).revision == revision + 1


def test_a_change_without_a_reason_is_refused(admin_draft, admin_client):
    criterion = Criterion.objects.get(version=admin_draft, code="DM7")
    response = admin_client.post(_change_url(criterion), _criterion_form(criterion, title="No"))
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    criterion.refresh_from_db()
    assert criterion.title != "No" and criterion.revision == 1


def test_a_duplicate_code_is_refused_with_the_services_message(admin_draft, admin_client):
    criterion = Criterion.objects.get(version=admin_draft, code="DM7")
    response = admin_client.post(
        _change_url(criterion),
        _criterion_form(criterion, code="DM1", change_reason="Clash"),
        follow=True,
    )
    assert response.redirect_chain[-1][0] == _change_url(criterion)
    assert "already has a criterion DM1" in response.content.decode()
    criterion.refresh_from_db()
    assert criterion.code == "DM7"


def test_a_practice_area_of_another_version_is_not_offered(admin_draft, admin_client):
    criterion = Criterion.objects.get(version=admin_draft, code="DM7")
    foreign = Criterion.objects.get(version__label="3.0", code="DM7").practice_area
    response = admin_client.post(
        _change_url(criterion),
        _criterion_form(criterion, practice_area=foreign.pk, change_reason="Move"),
    )
    assert response.status_code == 200
    criterion.refresh_from_db()
    assert criterion.practice_area.version_id == admin_draft.pk


def test_a_published_criterion_is_read_only(shipped_data, admin_client):
    criterion = Criterion.objects.get(version__label="3.0", code="DM7")
    page = admin_client.get(_change_url(criterion))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="title"' not in html and 'name="_save"' not in html
    refused = admin_client.post(
        _change_url(criterion), _criterion_form(criterion, title="Hacked", change_reason="x")
    )
    assert refused.status_code == 403
    criterion.refresh_from_db()
    assert criterion.title != "Hacked"


def test_the_history_view_shows_reasons(admin_draft, admin_client):
    criterion = Criterion.objects.get(version=admin_draft, code="DM7")
    response = admin_client.get(f"/admin/standard_versions/criterion/{criterion.pk}/history/")
    assert response.status_code == 200 and "Drafted in admin" in response.content.decode()


def test_a_user_without_a_role_cannot_use_the_admin(shipped_data):
    user = make_user("nobody")
    user.is_staff = True
    user.save()
    client = Client()
    client.force_login(user)
    criterion = Criterion.objects.get(version__label="3.0", code="DM7")
    assert client.get(_change_url(criterion)).status_code == 403


def test_every_admin_page_renders(admin_draft, admin_client):
    criterion = Criterion.objects.get(version=admin_draft, code="DM7")
    for path in [
        "/admin/",
        "/admin/standard_versions/version/",
        f"/admin/standard_versions/version/{admin_draft.pk}/change/",
        "/admin/standard_versions/version/add/",
        "/admin/standard_versions/criterion/",
        "/admin/standard_versions/criterion/add/",
        "/admin/standard_versions/practicearea/",
        f"/admin/standard_versions/practicearea/{criterion.practice_area_id}/change/",
        "/admin/standard_versions/practicearea/add/",
        "/admin/standard_versions/standard/",
        f"/admin/standard_versions/version/{admin_draft.pk}/history/",
    ]:
        assert admin_client.get(path).status_code == 200, path


def test_clearing_a_drafts_effective_date_in_the_admin_clears_it(admin_draft, admin_client):
    url = f"/admin/standard_versions/version/{admin_draft.pk}/change/"
    form = {"title": "Version 3.1", "provenance": "", "change_reason": ""}
    set_date = admin_client.post(
        url, {**form, "effective_from": "2027-01-01", "change_reason": "Planned date"}
    )
    assert set_date.status_code == 302, set_date.content.decode()[:3000]
    assert str(Version.objects.get(pk=admin_draft.pk).effective_from) == "2027-01-01"
    cleared = admin_client.post(url, {**form, "effective_from": "", "change_reason": "Not known"})
    assert cleared.status_code == 302, cleared.content.decode()[:3000]
    assert Version.objects.get(pk=admin_draft.pk).effective_from is None
