"""Modules stay under 400 lines (docs/architecture.md, "Which way data flows"): a module that
grows past it is split by what its parts do, as tests/bench/comment_load.py and backend/settings.py
were. Migrations are generated and left out."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("backend", "standard_versions", "tests")
MAX_LINES = 400


def python_modules() -> list[Path]:
    modules = [ROOT / "manage.py"]
    for package in PACKAGES:
        modules += (ROOT / package).rglob("*.py")
    return [path for path in modules if "migrations" not in path.relative_to(ROOT).parts]


def test_no_module_outside_the_migrations_is_over_400_lines():
    modules = python_modules()
    assert len(modules) > 300, "the modules were found"
    lengths = {str(path.relative_to(ROOT)): len(path.read_text().splitlines()) for path in modules}
    assert {name: n for name, n in lengths.items() if n > MAX_LINES} == {}
