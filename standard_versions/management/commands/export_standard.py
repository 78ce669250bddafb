from django.core.management.base import BaseCommand, CommandError

from standard_versions.errors import NotFound
from standard_versions.standards import selectors
from standard_versions.standards.datafile import dump_document
from standard_versions.standards.loading import export_version_document


class Command(BaseCommand):
    help = "Write one version as a YAML document that load_standard reads back unchanged."

    def add_arguments(self, parser):
        parser.add_argument("standard")
        parser.add_argument("label")
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")

    def handle(self, *args, standard, label, output, **options):
        try:
            version = selectors.version_get(standard_slug=standard, label=label)
        except NotFound as error:
            raise CommandError(f"{error.detail} [{error.code}]") from None
        text = dump_document(export_version_document(version=version))
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            self.stdout.write(text, ending="")
