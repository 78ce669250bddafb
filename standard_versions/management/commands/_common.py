"""Shared parts of the commands that load files: which files a command line names, and how a
refused load or a translation import is reported to the operator (in English, as every command
reports)."""

from collections.abc import Callable, Iterable
from pathlib import Path

from django.core.management.base import CommandError

from standard_versions.errors import DomainError
from standard_versions.translations.importing import ImportReport, import_translation_catalogs


def files_from(paths: list[Path], *, in_folder: Callable[[Path], Iterable[Path]]) -> list[Path]:
    """Each path that is a file, and for each folder the files ``in_folder`` picks from it, sorted
    by name; a path that does not exist ends the command before anything is read."""
    files = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(in_folder(path)))
        elif path.exists():
            files.append(path)
        else:
            raise CommandError(f"{path}: no such file or folder")
    return files


def nothing_loaded(error: DomainError, *, file: Path | None = None) -> CommandError:
    """The error that ends a load a service refused (its transaction rolled back), naming the file
    it refused if there is one."""
    where = f"{file}: " if file is not None else ""
    return CommandError(f"{where}{error.detail} [{error.code}]; nothing was loaded.")


def import_catalogs(
    command, *, refused: Callable[[DomainError], CommandError], **arguments
) -> ImportReport:
    """``import_translation_catalogs(**arguments)`` for ``command``, its warnings written to the
    command's stderr. A refusal writes each problem it lists there, one a line, and ends the
    command with ``refused(error)``."""
    try:
        report = import_translation_catalogs(**arguments)
    except DomainError as error:
        for problem in (error.errors or {}).get("problems", []):
            command.stderr.write(str(problem))
        raise refused(error) from None
    for line in report.warnings:
        command.stderr.write(f"warning: {line}")
    return report


def import_summary(report: ImportReport, *, written: str, kept_hint: str) -> str:
    """One line on what an import did: ``written`` (how the command counts what it wrote), the
    unchanged rows, and the stored translations it kept though the files differ, with
    ``kept_hint`` on how to overwrite them."""
    summary = f"{written}, {report.unchanged} unchanged"
    if report.kept:
        summary += f", {report.kept} differ from the files and are left as they are ({kept_hint})"
    return summary
