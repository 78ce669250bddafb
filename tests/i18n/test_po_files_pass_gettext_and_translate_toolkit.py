"""Every PO file we write or ship is read by translators' tools as we meant it: GNU gettext
(``msgfmt -c``, ``msgcat``) accepts it without an error, translate-toolkit (which Weblate uses)
finds nothing wrong with its checks for content, and reads, saves and reads it again unchanged.

The content exports include a draft with stale (fuzzy) entries whose previous English spans
several lines, which Babel's ``write_po`` wrote as broken ``#|`` comments."""

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from translate.storage.pypo import pofile

from standard_versions.models import Version
from standard_versions.standards.criteria import update_criterion
from standard_versions.standards.drafts import create_draft
from standard_versions.translations.po import (
    ExportEntry,
    parse_content_catalog,
    write_content_catalog,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "standard_versions" / "data"
SHIPPED_CONTENT = sorted([*(DATA / "translations").glob("*.po"), *(DATA / "periods").glob("*.po")])
INTERFACE = sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po"))
LANGUAGES = ["es", "pt-BR"]

# translate-toolkit's checks that find real defects in translated content: placeholders and
# format strings kept (printf, pythonbraceformat, variables), links, e-mail addresses and any tag
# kept (urls, emails, xmltags), numbers kept ("at least 3"), escapes and tabs, the leading and
# trailing whitespace Markdown gives meaning to (indented code, a hard line break), plural forms,
# blank or compendium-conflicting translations and pure punctuation. Left out, because they judge
# style or would flag good translations: capitals, punctuation and quoting (Spanish ¿...?, «»),
# acronyms, brackets (a translation may add a gloss), lengths and sentence counts, spelling,
# doubled words or spaces, "unchanged" (names stay as they are), newlines (Markdown prose is
# soft-wrapped where each language's lines fall), untranslated and fuzzy (missing or stale
# translations are allowed: readers get the English or the stale text marked so), and checks meant
# for program text (accelerators, file paths, functions, options, KDE comments, credits).
# Fuzzy entries are read (a malformed one is an error) but not judged: their translation was made
# from the previous English, so it may rightly differ from the current one ("Version 3.0" in a
# 3.1 draft) until a translator updates it; gettext and the round trip check their form.
CONTENT_CHECKS = [
    "blank",
    "compendiumconflicts",
    "emails",
    "endwhitespace",
    "escapes",
    "nplurals",
    "numbers",
    "printf",
    "purepunc",
    "pythonbraceformat",
    "startwhitespace",
    "tabs",
    "urls",
    "variables",
    "xmltags",
]
# The interface catalogs name things for the reader, "<standard>-<label>.<language>.po", in
# angle brackets that are translated on purpose; everything else applies to them as well.
INTERFACE_CHECKS = [check for check in CONTENT_CHECKS if check != "xmltags"]


def _tool(name: str) -> str:
    path = shutil.which(name) or (name if Path(name).is_file() else None)
    if path is None:
        pytest.fail(
            f"{name} is not installed: the PO checks need GNU gettext (apt-get install gettext) "
            "and translate-toolkit (make venv); CI has both.",
            pytrace=False,
        )
    return path


POFILTER = str(Path(sys.executable).with_name("pofilter"))


def _run(*command) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def assert_gettext_accepts(path: Path) -> None:
    checked = _run(_tool("msgfmt"), "-c", "--check-format", "-o", "/dev/null", str(path))
    assert checked.returncode == 0, f"msgfmt -c {path}:\n{checked.stderr}"
    assert "error" not in checked.stderr, checked.stderr
    concatenated = _run(_tool("msgcat"), str(path), "-o", "/dev/null")
    assert concatenated.returncode == 0, f"msgcat {path}:\n{concatenated.stderr}"
    assert "error" not in concatenated.stderr, concatenated.stderr


def assert_pofilter_finds_nothing(path: Path, checks: list[str], tmp_path: Path) -> None:
    report = tmp_path / f"pofilter-{path.parent.name}-{path.name}"
    tests = [argument for check in checks for argument in ("-t", check)]
    filtered = _run(
        _tool(POFILTER), "--progress=none", "--errorlevel=traceback", "--nofuzzy", *tests,
        "-i", str(path), "-o", str(report),
    )  # fmt: skip
    assert filtered.returncode == 0, f"pofilter {path}:\n{filtered.stderr}"
    assert "Error" not in filtered.stderr, filtered.stderr
    # pofilter writes only the entries that failed a check, and no file when none did.
    failures = report.read_text() if report.exists() else ""
    assert "(pofilter)" not in failures, f"pofilter {path}:\n{failures}"


def _units(store) -> list[tuple]:
    return [
        (u.getcontext(), u.source, u.target, u.prev_source, u.isfuzzy(), u.getnotes("developer"))
        for u in store.units
        if not u.isheader()
    ]


def assert_translate_toolkit_reads_what_we_wrote(data: bytes, tmp_path: Path) -> None:
    """translate-toolkit reads the entries our own reader reads, previous English included, and
    its save of the file is read the same by it, by us, and by gettext."""
    store = pofile(data)
    ours = parse_content_catalog(data, name="export.po")
    assert not ours.problems
    assert [(u[0], u[1], u[2], u[3] or None, u[4]) for u in _units(store)] == [
        (e.context, e.msgid, e.msgstr, e.previous_msgid, "fuzzy" in e.flags) for e in ours.entries
    ]
    saved = bytes(store)
    assert _units(pofile(saved)) == _units(store)
    again = parse_content_catalog(saved, name="export.po")
    assert [(e.context, e.msgid, e.msgstr, e.previous_msgid, e.flags) for e in again.entries] == [
        (e.context, e.msgid, e.msgstr, e.previous_msgid, e.flags) for e in ours.entries
    ]
    for name in ("language", "x-standard", "x-standard-version", "x-translation-status"):
        assert again.headers.get(name) == ours.headers.get(name), name
    path = tmp_path / "saved-by-translate-toolkit.po"
    path.write_bytes(saved)
    assert_gettext_accepts(path)


DRAFT_DESCRIPTION = (
    "Your local government maintains a documented list of data strategy and governance "
    "responsibilities and meets regularly to carry out those responsibilities.\n\n"
    "The list names who holds each responsibility."
)


@pytest.fixture
def exports(shipped_data, tmp_path) -> dict[str, list[Path]]:
    """Every shipped version's content catalog in es and pt-BR, with the shipped translations
    and comment period, and those of a draft 3.1 whose DM1 description was edited, so its
    translations are stale."""
    call_command("import_translations", str(DATA / "translations"), stdout=io.StringIO())
    # The 2022 period of 3.0, its instructions (Markdown over several lines) translated.
    call_command("load_comment_periods", stdout=io.StringIO())
    now = timezone.now()
    draft = create_draft(
        based_on=Version.objects.get(label="3.0"),
        label="3.1",
        title="WWC Standard, Version 3.1",
        user=None,
        reason="Test: a draft with stale translations",
        now=now,
    )
    update_criterion(
        version=draft,
        code="DM1",
        description=DRAFT_DESCRIPTION,
        user=None,
        reason="Test: the English changes",
        now=now,
    )
    written = {}
    for language in LANGUAGES:
        written[language] = []
        for label in Version.objects.order_by("label").values_list("label", flat=True):
            path = tmp_path / f"wwc-{label}.{language.replace('-', '_')}.po"
            call_command(
                "export_translations", "wwc", label, language, "-o", str(path), stderr=io.StringIO()
            )
            written[language].append(path)
    return written


def _stale_entry(path: Path) -> str:
    text = path.read_text()
    return text.split('\nmsgctxt "criterion:dm1:description"')[0].rsplit("\n\n", 1)[1]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_content_export_stale_entries_included_passes_gettext_and_pofilter(
    exports, language, tmp_path
):
    paths = exports[language]
    assert [path.name.split(".")[0] for path in paths] == ["wwc-2", "wwc-3", "wwc-3"]
    assert 'msgctxt "comment_period:wwc-3.0-2022:instructions"' in paths[1].read_text()
    for path in paths:
        assert_gettext_accepts(path)
        assert_pofilter_finds_nothing(path, CONTENT_CHECKS, tmp_path)
        assert path.read_bytes().split(b"\n\n", 1)[0].endswith(b'\\n"')  # the header's last line
    # The case that broke: a fuzzy entry whose previous English is written over several lines.
    stale = _stale_entry(next(path for path in paths if "-3.1." in path.name))
    assert "#, fuzzy" in stale
    assert '#| msgctxt "criterion:dm1:description"\n#| msgid ""\n#| "Your local government' in stale


@pytest.mark.django_db
def test_translate_toolkit_reads_a_stale_export_as_written_and_saves_it_valid(exports, tmp_path):
    for path in exports["es"] + exports["pt-BR"]:
        assert_translate_toolkit_reads_what_we_wrote(path.read_bytes(), tmp_path)
    [draft] = [path for path in exports["es"] if "-3.1." in path.name]
    [unit] = [
        u for u in pofile(draft.read_bytes()).units if u.getcontext().endswith("dm1:description")
    ]
    assert unit.isfuzzy()
    assert unit.prev_source == (
        "Your local government maintains a documented list of data strategy and governance "
        "responsibilities and meets at least quarterly to carry out those responsibilities."
    )
    assert unit.source == DRAFT_DESCRIPTION


def test_previous_english_of_several_paragraphs_and_quotes_is_read_back_exactly(tmp_path):
    previous = 'First "paragraph", long enough to be wrapped: ' + "word " * 40 + "end.\n\nSecond.\n"
    data = write_content_catalog(
        entries=[
            ExportEntry(
                context="criterion:k0:description",
                english="New English.\n\nIn two paragraphs.",
                text="Texto antiguo.\n\nSegundo.",
                status="draft",
                stale_source=previous,
                comment="criterion A0.0, description (Markdown)",
            ),
            ExportEntry(
                context="criterion:k0:title", english="Title", text="Título", status="reviewed"
            ),
        ],
        language="es",
        standard="big",
        label="1.0",
    )
    path = tmp_path / "big-1.0.es.po"
    path.write_bytes(data)
    assert_gettext_accepts(path)
    assert_pofilter_finds_nothing(path, CONTENT_CHECKS, tmp_path)
    assert_translate_toolkit_reads_what_we_wrote(data, tmp_path)
    [entry, _] = parse_content_catalog(data, name=path.name).entries
    assert entry.previous_msgid == previous
    assert pofile(data).units[1].prev_source == previous


@pytest.mark.parametrize("path", SHIPPED_CONTENT, ids=lambda path: path.name)
def test_every_shipped_content_catalog_passes_gettext_and_pofilter(path, tmp_path):
    assert_gettext_accepts(path)
    assert_pofilter_finds_nothing(path, CONTENT_CHECKS, tmp_path)
    assert_translate_toolkit_reads_what_we_wrote(path.read_bytes(), tmp_path)


@pytest.mark.parametrize("path", INTERFACE, ids=lambda path: path.parts[-3])
def test_every_interface_catalog_passes_gettext_and_pofilter(path, tmp_path):
    assert_gettext_accepts(path)
    assert_pofilter_finds_nothing(path, INTERFACE_CHECKS, tmp_path)
    store = pofile(path.read_bytes())
    assert _units(pofile(bytes(store))) == _units(store)


def test_the_shipped_and_interface_catalogs_are_all_found():
    assert len(SHIPPED_CONTENT) >= 6
    assert {path.parts[-3] for path in INTERFACE} == {"es", "pt_BR"}
