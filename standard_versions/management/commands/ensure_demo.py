"""Make sure a clearly labelled demo draft with an open comment period exists (``make run``), so a
newcomer can try the whole comment workflow at once. ``DEMO=0 make run`` skips it."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from standard_versions.errors import DomainError
from standard_versions.models import CommentPeriod, Version, VersionStatus
from standard_versions.services.periods import create_period

DEMO_LABEL = "demo"
DEMO_TITLE = "DEMO draft — not a real version of the Standard; comments here are for trying out"
DEMO_REASON = "ensure_demo: demo draft for trying the comment workflow"
DEMO_PERIOD_DAYS = 30
DEMO_INSTRUCTIONS = (
    "**This is a demonstration.** The draft is a copy of the published version, made so that you "
    "can try commenting; nothing you write here is read by the Standard's owners."
)


def ensure_demo(*, standard_slug: str, now: dt.datetime) -> tuple[Version, CommentPeriod, list]:
    """The demo draft and its open period, created as needed; returns what was created."""
    created = []
    with transaction.atomic():
        draft = Version.objects.filter(standard__slug=standard_slug, label=DEMO_LABEL).first()
        if draft is None:
            from standard_versions.services.authoring import create_draft

            based_on = (
                Version.objects.filter(
                    standard__slug=standard_slug, status=VersionStatus.PUBLISHED
                ).first()
                or Version.objects.filter(standard__slug=standard_slug)
                .order_by("-created_at")
                .first()
            )
            if based_on is None:
                raise CommandError(f"Standard {standard_slug} has no version; run load_standard.")
            draft = create_draft(
                based_on=based_on,
                label=DEMO_LABEL,
                title=DEMO_TITLE,
                user=None,
                reason=DEMO_REASON,
                now=now,
            )
            created.append(draft)
        if draft.status != VersionStatus.DRAFT:
            raise CommandError(
                f"{standard_slug} {DEMO_LABEL} exists and is {draft.status}, not a draft; "
                "remove it or run with DEMO=0."
            )
        period = (
            CommentPeriod.objects.filter(version=draft, opens_at__lte=now, closes_at__gt=now)
            .order_by("-closes_at")
            .first()
        )
        if period is None:
            period = create_period(
                standard_slug=standard_slug,
                label=DEMO_LABEL,
                opens_at=now,
                closes_at=now + dt.timedelta(days=DEMO_PERIOD_DAYS),
                timezone="America/New_York",
                criteria=None,
                instructions=DEMO_INSTRUCTIONS,
                user=None,
                reason=DEMO_REASON,
                now=now,
            )
            created.append(period)
    return draft, period, created


class Command(BaseCommand):
    help = (
        "Make sure the demo draft (label 'demo', a copy of the published version) with an open "
        "comment period exists. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--standard", default="wwc")

    def handle(self, *args, standard, **options):
        try:
            draft, period, created = ensure_demo(standard_slug=standard, now=timezone.now())
        except ImportError as error:
            # Until services.authoring exists the server still starts, without the demo.
            self.stderr.write(f"demo: not created, the authoring service is missing ({error})")
            return
        except DomainError as error:
            raise CommandError(f"{error.detail} [{error.code}]") from None
        state = "created" if created else "already there"
        self.stdout.write(
            f"demo: {draft.standard.slug} {draft.label} with comment period {period.pk} open "
            f"until {period.closes_at.isoformat()} ({state})"
        )
