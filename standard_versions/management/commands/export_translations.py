import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from standard_versions.errors import DomainError
from standard_versions.standards.selectors import version_get
from standard_versions.translations.i18n import TRANSLATED_LANGUAGES, language_from_tag
from standard_versions.translations.selectors import content_catalog


class Command(BaseCommand):
    help = (
        "Write the PO catalog of a version's content in LANG (es or pt-BR) for translators: one "
        "entry per field, msgctxt <type>:<key>:<field>, the current English as msgid, stale "
        "translations marked fuzzy with the English they were made from."
    )

    def add_arguments(self, parser):
        parser.add_argument("standard")
        parser.add_argument("label")
        parser.add_argument("language")
        parser.add_argument("-o", "--output", type=Path, help="File to write (default: stdout).")

    def handle(self, *args, standard, label, language, output, **options):
        code = language_from_tag(language)
        if code not in TRANSLATED_LANGUAGES:
            raise CommandError(f"{language}: translations are kept in es and pt-BR")
        try:
            version = version_get(standard_slug=standard, label=label)
        except DomainError as error:
            raise CommandError(str(error.detail)) from None
        data = content_catalog(version=version, language=code)
        if output is None:
            sys.stdout.flush()
            self.stdout.write(data.decode("utf-8"), ending="")
        else:
            output.write_bytes(data)
            self.stderr.write(f"wrote {output}")
