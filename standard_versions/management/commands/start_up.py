"""What `make run` does before serving, in one process: migrate, load the shipped data (versions,
their translations, the recorded comment periods) and make sure the demo exists.

Each step is the command of the same name, so each adds what is missing and leaves what staff
have changed since, with one line saying so: a database staff have used always starts. One
process instead of five saves Django's start-up four times on every `make run`.
"""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

SHIPPED_TRANSLATIONS = Path(__file__).resolve().parents[2] / "data" / "translations"


class Command(BaseCommand):
    help = (
        "Migrate, then load_standard, import_translations --keep-existing of the shipped "
        "catalogs, load_comment_periods and ensure_demo (not with --no-demo): `make run`'s steps."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-demo", action="store_true", help="Skip ensure_demo (DEMO=0).")

    def handle(self, *args, no_demo, **options):
        steps = [
            ("migrate", ["--noinput"], {"verbosity": min(options["verbosity"], 1)}),
            ("load_standard", [], {}),
            ("import_translations", ["--keep-existing", str(SHIPPED_TRANSLATIONS)], {}),
            ("load_comment_periods", [], {}),
        ]
        if not no_demo:
            steps.append(("ensure_demo", [], {}))
        for name, arguments, extra in steps:
            self.stdout.write(f"-- {name}")
            call_command(name, *arguments, stdout=self.stdout, stderr=self.stderr, **extra)
