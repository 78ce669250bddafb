"""The steps of `make run` after `load_standard` (load_comment_periods, ensure_demo) against a
database staff have used: a publish and staff edits of the demo draft never stop start-up, and
what staff changed stays as they left it."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from standard_versions.management.commands.ensure_demo import DEMO_REASON, DEMO_TRANSLATIONS
from standard_versions.models import CommentPeriod, Criterion, Translation, Version
from standard_versions.standards.criteria import update_criterion
from standard_versions.standards.drafts import create_draft, publish_version
from standard_versions.translations.services import set_translation

pytestmark = pytest.mark.django_db


def _run(command: str) -> str:
    out = io.StringIO()
    call_command(command, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def started(shipped_data):
    """A database as the first `make run` leaves it."""
    call_command(
        "import_translations",
        "--keep-existing",
        "standard_versions/data/translations",
        stdout=io.StringIO(),
    )
    _run("load_comment_periods")
    _run("ensure_demo")


def test_after_staff_publish_3_1_every_step_runs_again_and_changes_nothing(started):
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
    before = (
        Translation.history.count(),
        CommentPeriod.history.count(),
        list(Version.objects.order_by("label").values_list("label", "status", "revision")),
    )
    assert "wwc-3.0-2022: unchanged" in _run("load_comment_periods")
    assert "(already there)" in _run("ensure_demo")
    after = (
        Translation.history.count(),
        CommentPeriod.history.count(),
        list(Version.objects.order_by("label").values_list("label", "status", "revision")),
    )
    assert after == before


def test_staff_edits_of_the_demo_draft_survive_ensure_demo(started):
    demo = Version.objects.get(label="demo")
    now = timezone.now()
    update_criterion(
        version=demo,
        code="DM1",
        title="Edited in the demo",
        user=None,
        reason="Trying the editor",
        now=now,
    )
    set_translation(
        version=demo,
        object_type="version",
        object_key="demo",
        field="title",
        language="es",
        text="Borrador de prueba, retitulado por una traductora",
        status="reviewed",
        user=None,
        reason="A translator's import",
        now=now,
    )
    assert "(already there)" in _run("ensure_demo")
    assert Criterion.objects.get(version=demo, code="DM1").title == "Edited in the demo"
    spanish = Translation.objects.get(version=demo, object_type="version", language="es")
    assert spanish.text == "Borrador de prueba, retitulado por una traductora"
    portuguese = Translation.objects.get(version=demo, object_type="version", language="pt-BR")
    assert portuguese.text == DEMO_TRANSLATIONS["pt-BR"]["title"]
    assert portuguese.history.first().history_change_reason == DEMO_REASON
