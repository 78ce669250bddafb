from datetime import date, datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from standard_versions.errors import DomainError
from standard_versions.management.commands._authoring import acting_user, add_user_argument
from standard_versions.standards import selectors
from standard_versions.standards.drafts import publish_version
from standard_versions.translations import i18n


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--effective-from {text!r} is not a date (YYYY-MM-DD).") from None


# Operators read English, with the same formats as the site's English pages.
def _when(moment: datetime) -> str:
    return i18n.format_datetime(moment, language="en", timezone="UTC")


def _day(day: date) -> str:
    return i18n.format_date(day, language="en")


class Command(BaseCommand):
    help = (
        "Publish a draft version (published_at is now); the standard's published version becomes "
        "superseded. A draft with a scheduled or open comment period is refused unless "
        "--close-open-period closes it now with the reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("standard", help="Standard slug, e.g. wwc.")
        parser.add_argument("label", help="Label of the draft to publish.")
        parser.add_argument("--reason", required=True, help="Recorded in the history.")
        parser.add_argument("--effective-from", dest="effective_from", default=None)
        parser.add_argument(
            "--close-open-period",
            dest="close_open_period",
            action="store_true",
            help=(
                "Close the draft's open comment period now (a scheduled one never opens), with "
                "--reason shown publicly in its changes; without it such a draft is refused."
            ),
        )
        add_user_argument(parser)

    def handle(
        self, *args, standard, label, reason, effective_from, close_open_period, user, **options
    ):
        try:
            version = selectors.version_get(standard_slug=standard, label=label)
            version = publish_version(
                version=version,
                user=acting_user(user),
                reason=reason,
                now=timezone.now(),
                effective_from=_date(effective_from) if effective_from else None,
                close_open_period=close_open_period,
            )
        except DomainError as error:
            hint = (
                " Run again with --close-open-period to close it now."
                if error.code == "comment_period_open"
                else ""
            )
            raise CommandError(f"{error.code}: {error.detail}{hint}") from None
        self.stdout.write(
            f"{standard} {version.label}: published at {_when(version.published_at)}"
            + (f", effective from {_day(version.effective_from)}" if version.effective_from else "")
        )
