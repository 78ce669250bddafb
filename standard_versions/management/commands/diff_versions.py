from django.core.management.base import BaseCommand, CommandError
from rest_framework.renderers import JSONRenderer

from standard_versions.diff import selectors as selectors_diff
from standard_versions.diff.formats import diff_to_html, diff_to_markdown
from standard_versions.errors import DomainError


class Command(BaseCommand):
    help = (
        "What changed between two versions of a standard, as JSON (the API's body, byte for "
        "byte), a Markdown changelog or an HTML redline."
    )

    def add_arguments(self, parser):
        parser.add_argument("standard")
        parser.add_argument("from_label", metavar="FROM")
        parser.add_argument("to_label", metavar="TO")
        parser.add_argument("--format", choices=["json", "markdown", "html"], default="json")

    def handle(self, *args, standard, from_label, to_label, format, **options):
        try:
            old, new = selectors_diff.version_pair_get(
                standard_slug=standard, from_label=from_label, to_label=to_label
            )
        except DomainError as error:
            raise CommandError(f"{error.detail} [{error.code}]") from None
        data = selectors_diff.version_diff_document(
            old=old, new=new, with_comments=new.links_head is not None
        )
        if format == "json":
            body = JSONRenderer().render(data)
        elif format == "markdown":
            body = diff_to_markdown(data).encode("utf-8")
        else:
            body = diff_to_html(data).encode("utf-8")
        # Exactly the body, with no newline added, so the JSON equals the API's byte for byte.
        self.stdout.write(body.decode("utf-8"), ending="")
