"""Export jobs hold contact details: only staff (editors) request, read or download them; an
unknown job is a 404, a file not ready a 409 with a code, and reading a job costs fixed queries."""

import pytest

from standard_versions.consultation.tasks import run_export
from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _exports_in_a_folder_of_their_own(settings, tmp_path):
    settings.VAR_DIR = tmp_path


@pytest.fixture
def job_id(editor_client, api_client, open_period):
    submit(api_client, open_period, body="A comment.")
    url = f"/api/v1/comment-periods/{open_period.pk}/exports/"
    return editor_client.post(url, {"format": "csv"}, format="json").json()["id"]


def test_anonymous_callers_and_non_staff_are_refused(
    api_client, nobody_client, open_period, job_id
):
    run_export(job_id)
    for client, statuses in ((api_client, {401, 403}), (nobody_client, {403})):
        create = client.post(
            f"/api/v1/comment-periods/{open_period.pk}/exports/", {"format": "csv"}, format="json"
        )
        assert create.status_code in statuses
        for url in (f"/api/v1/exports/{job_id}/", f"/api/v1/exports/{job_id}/download/"):
            response = client.get(url)
            assert response.status_code in statuses, url
            assert response["Content-Type"] == "application/json"
        assert client.delete(f"/api/v1/exports/{job_id}/").status_code in statuses


def test_a_publisher_may_use_them_too(publisher_client, job_id):
    assert publisher_client.get(f"/api/v1/exports/{job_id}/").status_code == 200


def test_a_download_before_the_job_is_done_is_a_409_with_a_code(editor_client, job_id):
    response = editor_client.get(f"/api/v1/exports/{job_id}/download/", HTTP_ACCEPT="text/csv")
    assert response.status_code == 409
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "export_not_ready"


def test_an_unknown_job_is_a_404_with_a_code(editor_client, job_id):
    for url in ("/api/v1/exports/999999/", "/api/v1/exports/999999/download/"):
        response = editor_client.get(url)
        assert (response.status_code, response.json()["code"]) == (404, "export_not_found")
    assert editor_client.get("/api/v1/exports/abc/").status_code == 404


def test_an_unknown_period_or_format_is_refused(editor_client, open_period):
    missing = editor_client.post(
        "/api/v1/comment-periods/999999/exports/", {"format": "csv"}, format="json"
    )
    assert missing.status_code == 404
    url = f"/api/v1/comment-periods/{open_period.pk}/exports/"
    wrong = editor_client.post(url, {"format": "xml"}, format="json")
    assert (wrong.status_code, wrong.json()["code"]) == (400, "invalid")
    assert "format" in wrong.json()["errors"]


def test_reading_a_job_costs_fixed_queries(editor_client, job_id, django_assert_num_queries):
    # The token with its user, the user's roles, the job.
    with django_assert_num_queries(3):
        assert editor_client.get(f"/api/v1/exports/{job_id}/").status_code == 200
    run_export(job_id)
    with django_assert_num_queries(3):
        assert editor_client.get(f"/api/v1/exports/{job_id}/").json()["status"] == "done"
