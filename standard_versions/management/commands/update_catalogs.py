from django.core.management.base import BaseCommand

from standard_versions.translations.catalogs import catalog_path, update_catalogs


class Command(BaseCommand):
    help = (
        "Re-extract the interface messages (Python and templates, with Babel) and merge them into "
        "locale/es and locale/pt_BR (no fuzzy matching). `make messages` runs this."
    )

    def handle(self, *args, **options):
        for locale, untranslated in update_catalogs().items():
            self.stdout.write(f"{catalog_path(locale)}: {untranslated} untranslated")
