"""A clone explains itself: every source document, design note and contract that the docs, the
data and the code cite is in the repository, and nothing points outside it."""

import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "standard_versions" / "data" / "sources"
SHIPPED = sorted((ROOT / "standard_versions" / "data").glob("wwc-*.yaml"))


def _tracked_text_files() -> list[Path]:
    names = subprocess.run(
        ["git", "ls-files", "*.md", "*.py", "*.yaml", "*.html", "*.po", "*.txt", "Makefile"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return [ROOT / name for name in names if (ROOT / name).exists()]


def test_no_tracked_file_points_outside_the_repository():
    this_test = Path(__file__).resolve()
    offenders = [
        str(path.relative_to(ROOT))
        for path in _tracked_text_files()
        if path.resolve() != this_test and "../shared" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_the_design_and_the_api_contract_that_docs_and_data_cite_are_in_docs():
    this_test = Path(__file__).resolve()
    for path in _tracked_text_files():
        text = path.read_text(encoding="utf-8")
        cites = "API-CONTRACT.md" in text or re.search(r"(?<![/\w])DESIGN\.md", text)
        if cites and path.resolve() != this_test:
            raise AssertionError(f"{path.relative_to(ROOT)} cites a file a clone does not have")
    assert "# The external contract" in (ROOT / "docs" / "api-contract.md").read_text()
    assert "## The data we ship" in (ROOT / "docs" / "design.md").read_text()


def test_every_source_the_data_and_docs_cite_is_shipped():
    cited = set()
    for path in [*SHIPPED, *sorted((ROOT / "docs").glob("*.md"))]:
        cited.update(re.findall(r"sources/(\d{3}_[0-9a-f]{16}\.txt)", path.read_text()))
    assert cited, "the data cites its sources by file name"
    assert sorted(cited) == sorted(name for name in cited if (SOURCES / name).is_file())


def test_the_standards_description_is_in_the_words_of_the_sources_it_names():
    """The description joins a phrase of the Chicago release (003) to the Ohio Mayors Alliance
    release's sentence (000), shortened; docs/data.md says so. Each run of words is the source's."""
    ohio = re.sub(r"\s+", " ", (SOURCES / "000_f74e4f238e548bb8.txt").read_text(encoding="utf-8"))
    chicago = re.sub(r"\s+", " ", (SOURCES / "003_6fdf1610f0d49c1a.txt").read_text("utf-8"))
    runs = {
        "standard of excellence for data-informed, well-managed local government": chicago,
        "What Works Cities Certification": ohio,
        "launched in 2017 by Bloomberg Philanthropies and led by Results for America": ohio,
        "city governments for their exceptional use of data and evidence to inform policy "
        "decisions, allocate funding, improve services, evaluate the effectiveness of programs, "
        "and engage their residents.": ohio,
    }
    for path in SHIPPED:
        description = yaml.safe_load(path.read_text())["standard"]["description"]
        for run, source in runs.items():
            assert run in description and run in source, (path.name, run)
    assert "sources/000_f74e4f238e548bb8.txt" in (ROOT / "docs" / "data.md").read_text()
