"""`manage.py start_up` (what `make run` runs before serving): every loading step in one process,
runnable again on a database staff have used, the demo skipped with --no-demo."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from standard_versions.models import CommentPeriod, Translation, Version
from standard_versions.standards.drafts import create_draft, publish_version

pytestmark = pytest.mark.django_db


def _start_up(*arguments) -> str:
    out = io.StringIO()
    call_command("start_up", *arguments, stdout=out, stderr=out)
    return out.getvalue()


def test_start_up_loads_everything_make_run_serves():
    output = _start_up()
    for step in ("migrate", "load_standard", "import_translations", "load_comment_periods"):
        assert f"-- {step}" in output
    assert set(Version.objects.values_list("label", flat=True)) == {"2.0", "3.0", "demo"}
    assert Translation.objects.filter(version__label="3.0", language="es").exists()
    assert CommentPeriod.objects.filter(reference="wwc-3.0-2022").exists()


def test_start_up_after_a_publish_runs_and_says_what_it_left():
    _start_up()
    now = timezone.now()
    draft = create_draft(
        based_on=Version.objects.get(label="3.0"),
        label="3.1",
        title="3.1",
        user=None,
        reason="Start",
        now=now,
    )
    publish_version(version=draft, user=None, reason="Approved", now=now)
    output = _start_up()
    assert "wwc-3.0.yaml: 3.0 is superseded (published 3.1 since); left as it is" in output
    assert "(already there)" in output
    assert dict(Version.objects.values_list("label", "status"))["3.1"] == "published"


def test_start_up_with_no_demo_makes_no_demo():
    output = _start_up("--no-demo")
    assert "-- ensure_demo" not in output
    assert not Version.objects.filter(label="demo").exists()
