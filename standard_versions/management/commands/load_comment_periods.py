"""Load the shipped history of comment periods (standard_versions/data/periods/*.yaml) and the
translations of their instructions (``<name>.<es|pt_BR>.po`` beside each file)."""

import datetime as dt
from pathlib import Path

import yaml
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from standard_versions.consultation.periods import record_past_period
from standard_versions.errors import DomainError
from standard_versions.management.commands._common import (
    files_from,
    import_catalogs,
    import_summary,
    nothing_loaded,
)
from standard_versions.translations.po import parse_content_catalog

SHIPPED_PERIODS = Path(__file__).resolve().parents[2] / "data" / "periods"
FIELDS = {"reference", "standard", "version", "timezone", "opens_at", "closes_at"}
OPTIONAL = {"criteria", "instructions"}


def _instant(document: dict, field: str, file: Path) -> dt.datetime:
    value = document[field]
    try:
        instant = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise CommandError(f"{file}: {field} is not an ISO 8601 date-time: {value!r}") from None
    if instant.tzinfo is None:
        raise CommandError(f"{file}: {field} needs a UTC offset, e.g. 2022-04-14T00:00:00-04:00")
    return instant


def read_period_file(file: Path) -> dict:
    try:
        document = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise CommandError(f"{file}: {error}") from None
    if not isinstance(document, dict):
        raise CommandError(f"{file}: expected a mapping")
    missing = sorted(FIELDS - set(document))
    unknown = sorted(set(document) - FIELDS - OPTIONAL)
    if missing or unknown:
        raise CommandError(
            f"{file}: missing {missing or 'nothing'}; unknown {unknown or 'nothing'}"
        )
    criteria = document.get("criteria")
    if criteria is not None and not (
        isinstance(criteria, list) and all(isinstance(code, str) for code in criteria)
    ):
        raise CommandError(f"{file}: criteria must be null or a list of codes")
    return {
        "reference": str(document["reference"]),
        "standard_slug": str(document["standard"]),
        "label": str(document["version"]),
        "timezone": str(document["timezone"]),
        "opens_at": _instant(document, "opens_at", file),
        "closes_at": _instant(document, "closes_at", file),
        "criteria": criteria,
        "instructions": str(document.get("instructions") or "").strip(),
    }


def translation_files(file: Path) -> list[Path]:
    """The PO catalogs of a period file's instructions, ``<name>.<es|pt_BR>.po`` beside it: they
    can only be imported once the period exists, so they are loaded here, not by
    ``import_translations`` of the Standard's own catalogs (which runs before the periods)."""
    return sorted(file.parent.glob(f"{file.stem}.*.po"))


class Command(BaseCommand):
    help = (
        "Load recorded (past, closed) comment periods from YAML files, and the translations of "
        "their instructions from <name>.<es|pt_BR>.po beside each; with no PATH, the shipped "
        "ones. Loading unchanged files changes nothing; a translation stored since (a translator's "
        "import) is left as it is. Run after load_standard."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path)

    def handle(self, *args, paths, **options):
        files = files_from(
            paths or [SHIPPED_PERIODS], in_folder=lambda folder: folder.glob("*.yaml")
        )
        documents = [(file, read_period_file(file)) for file in files]
        catalogs = [
            parse_content_catalog(po.read_bytes(), name=str(po))
            for file in files
            for po in translation_files(file)
        ]
        now = timezone.now()
        try:
            with transaction.atomic():
                for file, document in documents:
                    period, changed = record_past_period(
                        **document, user=None, reason=f"load_comment_periods {file.name}", now=now
                    )
                    summary = "loaded" if changed else "unchanged"
                    self.stdout.write(f"comment period {period.reference}: {summary}")
                if catalogs:
                    self._import_translations(catalogs, now=now)
        except DomainError as error:
            raise nothing_loaded(error, file=file) from None

    def _import_translations(self, catalogs, *, now) -> None:
        report = import_catalogs(
            self,
            refused=nothing_loaded,
            catalogs=catalogs,
            user=None,
            reason="load_comment_periods: translations of the instructions",
            now=now,
            keep_existing=True,
        )
        self.stdout.write(
            import_summary(
                report,
                written=f"translations of the instructions: {report.written} written",
                kept_hint="import_translations FILE overwrites them",
            )
        )
