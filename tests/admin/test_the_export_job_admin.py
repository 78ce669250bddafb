"""The admin lists export jobs read-only, for editors, with their progress and a link to a done
job's file; deleting a job there deletes its file; the list costs fixed queries."""

import pytest
from django.utils import timezone

from standard_versions.consultation import exports
from standard_versions.models import ExportJob
from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db
LIST = "/admin/standard_versions/exportjob/"


@pytest.fixture(autouse=True)
def _exports_in_a_folder_of_their_own(settings, tmp_path):
    settings.VAR_DIR = tmp_path


def _job(period) -> ExportJob:
    return exports.request_export(period=period, format="csv", user=None, now=timezone.now())


def test_the_list_shows_progress_and_a_download_link_when_done(
    editor_admin, open_period, api_client
):
    submit(api_client, open_period, body="A comment.")
    running = _job(open_period)
    ExportJob.objects.filter(pk=running.pk).update(
        status="running", rows_written=1234, rows_expected=10000
    )
    done = _job(open_period)
    exports.run_export(job_id=done.pk, now=timezone.now())
    page = editor_admin.get(LIST).content.decode()
    assert "1,234 of 10,000 (12%)" in page
    assert "1 of 1 (100%)" in page
    assert f'href="/api/v1/exports/{done.pk}/download/"' in page
    assert f'href="/api/v1/exports/{running.pk}/download/"' not in page
    # The admin's session may download it.
    download = editor_admin.get(f"/api/v1/exports/{done.pk}/download/")
    assert download.status_code == 200
    assert b"#end_of_export,1" in b"".join(download.streaming_content)


def test_the_list_costs_fixed_queries(editor_admin, open_period, django_assert_max_num_queries):
    for _ in range(3):
        _job(open_period)
    editor_admin.get(LIST)
    with django_assert_max_num_queries(10) as few:
        assert editor_admin.get(LIST).status_code == 200
    for _ in range(10):
        _job(open_period)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert editor_admin.get(LIST).status_code == 200


def test_a_job_is_read_only_and_deleting_it_deletes_its_file(
    editor_admin, open_period, settings, django_capture_on_commit_callbacks
):
    job = _job(open_period)
    exports.run_export(job_id=job.pk, now=timezone.now())
    folder = settings.VAR_DIR / "exports"
    assert len(list(folder.iterdir())) == 1
    assert editor_admin.get(f"{LIST}add/").status_code == 403
    assert b'name="format"' not in editor_admin.get(f"{LIST}{job.pk}/change/").content
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_admin.post(f"{LIST}{job.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not ExportJob.objects.exists()
    assert list(folder.iterdir()) == []


def test_anonymous_visitors_are_sent_to_log_in_and_publishers_see_it(publisher_admin, client, db):
    assert client.get(LIST).status_code == 302  # to the login page
    assert publisher_admin.get(LIST).status_code == 200  # publishers rank above editors
