"""Export jobs run on the task queue: the file is the streamed export's bytes, progress is
recorded while it runs, a failure is recorded and leaves no file, and XLSX stops at a sheet's
rows. The tests run the worker's task themselves (NOTIFY_NUDGE is off in tests)."""

import io

import openpyxl
import pytest
from django.http import StreamingHttpResponse
from django.utils import timezone

from standard_versions.consultation import export_files, exports
from standard_versions.consultation.selectors_comments import EXPORT_FIELDS
from standard_versions.consultation.tasks import run_export
from standard_versions.models import ExportJob
from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _exports_in_a_folder_of_their_own(settings, tmp_path):
    settings.VAR_DIR = tmp_path


@pytest.fixture
def five(api_client, open_period):
    return [
        submit(api_client, open_period, body=f'Comment {n}, "quoted"\nline two').json()[
            "tracking_id"
        ]
        for n in range(5)
    ]


def _request(client, period, fmt):
    return client.post(f"/api/v1/comment-periods/{period.pk}/exports/", {"format": fmt}, "json")


def _body(response) -> bytes:
    if isinstance(response, StreamingHttpResponse) or response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _files(settings) -> list[str]:
    folder = settings.VAR_DIR / "exports"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_job_runs_to_done_and_its_file_is_the_streamed_export(
    editor_client, open_period, five, fmt
):
    response = _request(editor_client, open_period, fmt)
    assert response.status_code == 202
    job = response.json()
    assert response["Location"].endswith(f"/api/v1/exports/{job['id']}/")
    assert (job["status"], job["format"], job["rows_expected"]) == ("queued", fmt, 5)
    assert (job["rows_written"], job["progress"], job["download"]) == (0, 0.0, None)

    run_export(job["id"])

    done = editor_client.get(f"/api/v1/exports/{job['id']}/").json()
    assert (done["status"], done["rows_written"], done["progress"]) == ("done", 5, 1.0)
    assert done["error"] == "" and done["finished_at"] >= done["started_at"]
    assert done["download"].endswith(f"/api/v1/exports/{job['id']}/download/")
    download = editor_client.get(done["download"])
    assert download.status_code == 200
    assert download["Content-Type"] == export_files.MEDIA_TYPES[fmt]
    assert download["Content-Disposition"] == (
        f'attachment; filename="comment-period-{open_period.pk}-comments.{fmt}"'
    )
    streamed = editor_client.get(f"/api/v1/comment-periods/{open_period.pk}/export/?format={fmt}")
    assert _body(download) == _body(streamed)


def test_an_xlsx_job_writes_a_sheet_of_every_comment(editor_client, open_period, five):
    job = _request(editor_client, open_period, "xlsx").json()
    run_export(job["id"])
    download = editor_client.get(f"/api/v1/exports/{job['id']}/download/")
    assert download["Content-Type"] == export_files.MEDIA_TYPES["xlsx"]
    rows = list(openpyxl.load_workbook(io.BytesIO(_body(download))).active.values)
    assert rows[0] == EXPORT_FIELDS
    assert [row[0] for row in rows[1:]] == five


def test_progress_is_recorded_while_the_job_runs(editor_client, open_period, five, monkeypatch):
    monkeypatch.setattr(exports, "PROGRESS_EVERY_ROWS", 2)
    job_id = _request(editor_client, open_period, "jsonl").json()["id"]
    real_rows, seen = exports.export_rows, []

    def watched(*, period):
        for row in real_rows(period=period):
            job = ExportJob.objects.get(pk=job_id)
            seen.append((job.status, job.rows_written))
            yield row

    monkeypatch.setattr(exports, "export_rows", watched)
    run_export(job_id)
    assert seen == [("running", n) for n in (0, 0, 2, 2, 4)]
    assert ExportJob.objects.get(pk=job_id).rows_written == 5


def test_a_failure_is_recorded_and_leaves_no_file(
    editor_client, open_period, five, monkeypatch, settings
):
    job_id = _request(editor_client, open_period, "csv").json()["id"]
    real_rows = exports.export_rows

    def failing(*, period):
        yield from list(real_rows(period=period))[:2]
        raise RuntimeError("the database went away")

    monkeypatch.setattr(exports, "export_rows", failing)
    run_export(job_id)
    job = editor_client.get(f"/api/v1/exports/{job_id}/").json()
    assert (job["status"], job["rows_written"], job["download"]) == ("failed", 2, None)
    assert job["error"] == "RuntimeError: the database went away"
    assert job["finished_at"] is not None
    assert _files(settings) == []  # neither the final name nor the temporary one
    refused = editor_client.get(f"/api/v1/exports/{job_id}/download/")
    assert (refused.status_code, refused.json()["code"]) == (409, "export_not_ready")


def test_a_job_already_done_is_not_run_again(editor_client, open_period, five, settings):
    job_id = _request(editor_client, open_period, "csv").json()["id"]
    run_export(job_id)
    finished = ExportJob.objects.get(pk=job_id).finished_at
    run_export(job_id)  # a redelivered message
    assert ExportJob.objects.get(pk=job_id).finished_at == finished
    assert _files(settings) == [f"comment-period-{open_period.pk}-export-{job_id}.csv"]


def test_xlsx_over_a_sheets_rows_is_refused_when_asked(
    editor_client, open_period, five, monkeypatch
):
    monkeypatch.setattr(export_files, "XLSX_MAX_DATA_ROWS", 4)
    response = _request(editor_client, open_period, "xlsx")
    assert (response.status_code, response.json()["code"]) == (400, "export_too_large_for_xlsx")
    assert not ExportJob.objects.exists()
    assert _request(editor_client, open_period, "csv").status_code == 202


def test_xlsx_that_grew_past_a_sheets_rows_fails_with_a_clear_message(
    editor_client, open_period, five, monkeypatch, settings
):
    job_id = _request(editor_client, open_period, "xlsx").json()["id"]
    monkeypatch.setattr(export_files, "XLSX_MAX_DATA_ROWS", 4)  # as if comments kept coming
    run_export(job_id)
    job = ExportJob.objects.get(pk=job_id)
    assert job.status == "failed"
    assert "more rows than a spreadsheet can hold" in job.error
    assert _files(settings) == []


def test_deleting_a_job_removes_its_file_once_committed(
    editor_client, open_period, five, settings, django_capture_on_commit_callbacks
):
    job_id = _request(editor_client, open_period, "csv").json()["id"]
    exports.run_export(job_id=job_id, now=timezone.now())
    assert len(_files(settings)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.delete(f"/api/v1/exports/{job_id}/")
    assert response.status_code == 204
    assert not ExportJob.objects.filter(pk=job_id).exists()
    assert _files(settings) == []
