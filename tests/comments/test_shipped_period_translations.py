"""The instructions of the shipped 2022 period come with Spanish and Portuguese translations
(standard_versions/data/periods/wwc-3.0-2022.<es|pt_BR>.po), loaded by `load_comment_periods`
with the period, idempotently."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from standard_versions.management.commands.load_comment_periods import SHIPPED_PERIODS
from standard_versions.models import CommentPeriod, Translation

pytestmark = pytest.mark.django_db

SPANISH_START = "What Works Cities publicó el borrador"
PORTUGUESE_START = "A What Works Cities divulgou o rascunho"


def _load(*paths) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("load_comment_periods", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def shipped_period(shipped_translations):
    """As `make run` loads it: the Standard's translations, then the periods."""
    _load()
    return CommentPeriod.objects.get(reference="wwc-3.0-2022")


@pytest.mark.parametrize(
    ("language", "start"), [("es", SPANISH_START), ("pt-BR", PORTUGUESE_START)]
)
def test_the_2022_instructions_are_served_translated(api_client, shipped_period, language, start):
    body = api_client.get(f"/api/v1/comment-periods/{shipped_period.pk}/?lang={language}").json()
    assert body["instructions"].startswith(start)
    assert "EVAL4, OD2, SI2" in body["instructions"]
    assert (body["language"], body["translation_status"]) == (language, "draft")


def test_the_shipped_translations_are_of_the_current_english(shipped_data):
    out, err = _load()
    assert "translations of the instructions: 2 written, 0 unchanged" in out
    assert err == ""  # no "not the current English: imported as stale" warning
    call_command(
        "import_translations",
        *map(str, sorted(SHIPPED_PERIODS.glob("*.po"))),
        "--strict",
        stdout=io.StringIO(),
    )


def test_loading_the_periods_again_writes_no_translation(shipped_period):
    history = Translation.history.count()
    revision = shipped_period.version.revision
    out, _err = _load()
    assert "translations of the instructions: 0 written, 2 unchanged" in out
    shipped_period.version.refresh_from_db()
    assert (Translation.history.count(), shipped_period.version.revision) == (history, revision)


@pytest.mark.parametrize(
    ("language", "start", "not_translated"),
    [("es", SPANISH_START, "Aún no traducido"), ("pt-BR", PORTUGUESE_START, "Ainda não traduzido")],
)
def test_the_2022_consultation_page_has_no_english_instructions(
    client, shipped_period, language, start, not_translated
):
    html = client.get(f"/comment-periods/{shipped_period.pk}/?lang={language}").text
    assert start in html
    assert "This period is recorded for history" not in html
    assert not_translated not in html


def test_a_period_file_with_a_broken_translation_loads_nothing(shipped_data, tmp_path):
    shipped = SHIPPED_PERIODS / "wwc-3.0-2022.yaml"
    (tmp_path / shipped.name).write_text(shipped.read_text())
    broken = Path(SHIPPED_PERIODS / "wwc-3.0-2022.es.po").read_text()
    broken = broken.replace("comment_period:wwc-3.0-2022:", "comment_period:no-such-period:")
    (tmp_path / "wwc-3.0-2022.es.po").write_text(broken)
    with pytest.raises(CommandError, match="nothing was loaded"):
        _load(tmp_path / shipped.name)
    assert not CommentPeriod.objects.exists()
    assert not Translation.objects.filter(object_type="comment_period").exists()
