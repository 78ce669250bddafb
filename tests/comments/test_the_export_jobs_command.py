"""`manage.py export_jobs` runs queued jobs (a lost message, no worker) and deletes old ones with
their files."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from standard_versions.consultation import exports
from standard_versions.models import ExportJob

pytestmark = pytest.mark.django_db


def test_it_runs_the_queued_jobs_then_deletes_the_old_ones_with_their_files(
    open_period, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.VAR_DIR = tmp_path
    long_ago = timezone.now() - dt.timedelta(days=40)
    old = exports.request_export(period=open_period, format="csv", user=None, now=long_ago)
    new = exports.request_export(period=open_period, format="jsonl", user=None, now=timezone.now())
    out = io.StringIO()
    call_command("export_jobs", "--run-queued", stdout=out)
    assert set(ExportJob.objects.values_list("status", flat=True)) == {"done"}
    assert len(list((tmp_path / "exports").iterdir())) == 2
    with django_capture_on_commit_callbacks(execute=True):
        call_command("export_jobs", "--delete-older-than", "30", stdout=out)
    assert list(ExportJob.objects.values_list("pk", flat=True)) == [new.pk]
    assert [path.name for path in (tmp_path / "exports").iterdir()] == [
        ExportJob.objects.get().file_name
    ]
    assert f"export job {old.pk}: done" in out.getvalue()
