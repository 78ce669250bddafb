from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from standard_versions.errors import DomainError
from standard_versions.management.commands._common import files_from, nothing_loaded
from standard_versions.standards.datafile import DocumentInvalid, read_document
from standard_versions.standards.loading import load_version_document

SHIPPED_DATA = Path(__file__).resolve().parents[2] / "data"
DOCUMENT_SUFFIXES = {".yaml", ".yml", ".json"}


def _documents_in(folder: Path):
    return (path for path in folder.iterdir() if path.suffix in DOCUMENT_SUFFIXES)


class Command(BaseCommand):
    help = (
        "Load version documents (YAML or JSON) into the database. PATH may be a file or a folder; "
        "with none, loads the shipped data. Every file is validated before anything is written; "
        "loading unchanged files changes nothing. A version that is no longer a draft, or a draft "
        "edited since it was loaded, is left as it is when its file differs (one line says so), "
        "so that a load never stops start-up; --strict refuses such files instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path)
        parser.add_argument("--reason", default="", help="Change reason recorded in history.")
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Refuse (exit status 1, nothing loaded) a file that differs from a version that "
            "is no longer a draft; make a draft match its file even if it was edited since.",
        )

    def handle(self, *args, paths, reason, strict, **options):
        files = files_from(paths or [SHIPPED_DATA], in_folder=_documents_in)

        documents, problems = [], []
        for file in files:
            try:
                documents.append((file, read_document(file)))
            except DocumentInvalid as error:
                problems.extend(error.problems)
        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(problems)} problem(s); nothing was loaded.")

        ordered = _based_on_first(documents)
        now = timezone.now()
        try:
            with transaction.atomic():
                for file, document in ordered:
                    result = load_version_document(
                        document=document,
                        reason=f"load_standard {file.name}" + (f": {reason}" if reason else ""),
                        now=now,
                        strict=strict,
                    )
                    if result.left:
                        self.stdout.write(f"{file.name}: {result.left}; left as it is")
                        continue
                    if result.created:
                        summary = "created"
                    elif result.changes:
                        summary = f"updated ({len(result.changes)} changes)"
                    else:
                        summary = "unchanged"
                    self.stdout.write(f"{result.standard} {result.label}: {summary}")
                    for change in result.changes if not result.created else []:
                        self.stdout.write(f"  {change}")
        except DomainError as error:
            raise nothing_loaded(error, file=file) from None


def _based_on_first(documents):
    labels = {(doc.standard_slug, doc.label) for _, doc in documents}
    done, ordered = set(), []
    pending = list(documents)
    while pending:
        progressed = False
        for item in list(pending):
            document = item[1]
            parent = (document.standard_slug, document.based_on)
            if document.based_on is None or parent not in labels or parent in done:
                ordered.append(item)
                done.add((document.standard_slug, document.label))
                pending.remove(item)
                progressed = True
        if not progressed:
            raise CommandError("The files' based_on references form a cycle.")
    return ordered
