from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from standard_versions.management.commands._common import import_catalogs, import_summary
from standard_versions.translations.po import parse_content_catalog


class Command(BaseCommand):
    help = (
        "Import PO catalogs of content translations. FILE may be a folder (its *.po files). The "
        "version comes from --standard/--version, the X-Standard/X-Standard-Version headers or the "
        "file name <standard>-<label>.<es|pt_BR>.po. Every file is checked before anything is "
        "written; importing an unchanged file changes nothing. With --keep-existing (make run) "
        "only missing translations are added and every stored one is left as it is."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        # --version names the Standard's version here, not this program's.
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--standard")
        parser.add_argument("--version", dest="label", help="The version's label, e.g. 3.0.")
        parser.add_argument("--language", help="Expected language (checked against the header).")
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Refuse entries whose msgid is not the current English (default: stale).",
        )
        parser.add_argument(
            "--keep-existing",
            action="store_true",
            help="Add only missing translations; leave stored ones (a translator's later import) "
            "as they are even where the file differs.",
        )
        parser.add_argument("--reason", default="", help="Change reason recorded in history.")

    def handle(
        self, *args, paths, standard, label, language, strict, keep_existing, reason, **options
    ):
        files = []
        for path in paths:
            if path.is_dir():
                files.extend(sorted(path.glob("*.po")))
            elif path.is_file():
                files.append(path)
            else:
                raise CommandError(f"{path}: no such file or folder")
        if not files:
            self.stdout.write("no PO files: nothing to import")
            return
        catalogs = [parse_content_catalog(file.read_bytes(), name=str(file)) for file in files]
        report = import_catalogs(
            self,
            refused=lambda error: CommandError(str(error.detail)),
            catalogs=catalogs,
            user=None,
            reason=reason or "import_translations " + " ".join(f.name for f in files),
            now=timezone.now(),
            standard=standard,
            label=label,
            language=language,
            strict=strict,
            keep_existing=keep_existing,
        )
        for line in report.skipped:
            self.stdout.write(f"skipped: {line}")
        self.stdout.write(
            import_summary(
                report,
                written=f"{len(files)} file(s): {report.written} translation(s) written",
                kept_hint="import without --keep-existing to overwrite them",
            )
        )
