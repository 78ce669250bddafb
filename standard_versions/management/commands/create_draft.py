from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from standard_versions.errors import DomainError
from standard_versions.management.commands._authoring import acting_user, add_user_argument
from standard_versions.standards import selectors
from standard_versions.standards.drafts import create_draft


class Command(BaseCommand):
    help = (
        "Draft a new version of a standard as a copy of another version (practice areas, "
        "criteria and requirements, keys kept)."
    )

    def add_arguments(self, parser):
        parser.add_argument("standard", help="Standard slug, e.g. wwc.")
        parser.add_argument("based_on", help="Label of the version to copy, e.g. 3.0.")
        parser.add_argument("label", help="Label of the new draft, e.g. 3.1.")
        parser.add_argument("--title", required=True)
        parser.add_argument("--reason", required=True, help="Recorded in the history.")
        add_user_argument(parser)

    def handle(self, *args, standard, based_on, label, title, reason, user, **options):
        try:
            source = selectors.version_get(standard_slug=standard, label=based_on)
            draft = create_draft(
                based_on=source,
                label=label,
                title=title,
                user=acting_user(user),
                reason=reason,
                now=timezone.now(),
            )
        except DomainError as error:
            raise CommandError(f"{error.code}: {error.detail}") from None
        self.stdout.write(
            f"{standard} {draft.label}: draft created from {source.label} "
            f"({draft.criteria.count()} criteria)"
        )
