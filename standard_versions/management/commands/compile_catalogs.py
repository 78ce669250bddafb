from django.core.management.base import BaseCommand

from standard_versions.translations.catalogs import compile_catalogs


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/django.po to .mo with Babel (no GNU gettext needed)."

    def handle(self, *args, **options):
        for path in compile_catalogs():
            self.stdout.write(f"compiled {path}")
