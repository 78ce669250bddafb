"""Make sure a clearly labelled demo draft with an open comment period exists (``make run``), so a
newcomer can try the whole comment workflow at once. ``DEMO=0 make run`` skips it."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from standard_versions.consultation.deadlines import deadline_text
from standard_versions.consultation.periods import create_period
from standard_versions.errors import DomainError
from standard_versions.models import CommentPeriod, Translation, Version, VersionStatus
from standard_versions.translations.services import set_translation
from standard_versions.translations.translatable import kind_of

DEMO_LABEL = "demo"
DEMO_TITLE = "DEMO draft — not a real version of the Standard; comments here are for trying out"
DEMO_REASON = "ensure_demo: demo draft for trying the comment workflow"
DEMO_PERIOD_DAYS = 30
DEMO_INSTRUCTIONS = (
    "**This is a demonstration.** The draft is a copy of the published version, made so that you "
    "can try commenting; nothing you write here is read by the Standard's owners."
)
# The demo's own texts in Spanish and Portuguese. Without them a reader of those languages would
# get the title copied from the base version ("... versión 3.0", flagged stale) and no DEMO warning.
DEMO_TRANSLATIONS = {
    "es": {
        "title": (
            "Borrador DEMO — no es una versión real del Estándar; los comentarios aquí son solo "
            "para probar"
        ),
        "instructions": (
            "**Esto es una demostración.** El borrador es una copia de la versión publicada, "
            "hecha para que pueda probar cómo se comenta; los responsables del Estándar no leen "
            "nada de lo que escriba aquí."
        ),
    },
    "pt-BR": {
        "title": (
            "Rascunho DEMO — não é uma versão real do Padrão; os comentários aqui são apenas "
            "para testar"
        ),
        "instructions": (
            "**Isto é uma demonstração.** O rascunho é uma cópia da versão publicada, feita para "
            "que você possa experimentar como se comenta; nada do que você escrever aqui é lido "
            "pelos responsáveis pelo Padrão."
        ),
    },
}


def _as_demo(now: dt.datetime) -> dict:
    """What every write of the demo records in its history: no user, ``DEMO_REASON``, ``now``
    (the reason is also how a translation of the demo is told from a translator's)."""
    return {"user": None, "reason": DEMO_REASON, "now": now}


class DemoNotADraft(Exception):
    """The demo's label names a version staff have published or withdrawn: it is left alone."""


def _written_by_others(*, draft: Version, object_type: str, key: str, field: str, language: str):
    """Whether a translator has written this translation of the demo since ensure_demo did: it is
    then theirs, and start-up leaves it as it is."""
    row = Translation.objects.filter(
        version=draft, object_type=object_type, object_key=key, field=field, language=language
    ).first()
    if row is None:
        return False
    latest = row.history.order_by("-history_date", "-history_id").first()
    return latest is not None and latest.history_change_reason != DEMO_REASON


def translate_demo(*, draft: Version, period: CommentPeriod, now: dt.datetime) -> None:
    """Give the demo's title and instructions their translations (status draft). Each is stored
    as made from the English constants above, so if someone has since edited the demo's English,
    the translation is served flagged stale rather than passed off as current. Writing what is
    already there changes nothing (no history, no revision bump); a translation someone else
    wrote since (an import) is left as it is."""
    texts = [("version", draft.label, "title", DEMO_TITLE)]
    if period.instructions:
        key = kind_of(period).key_of(period)
        texts.append(("comment_period", key, "instructions", DEMO_INSTRUCTIONS))
    for language, translated in DEMO_TRANSLATIONS.items():
        for object_type, key, field, english in texts:
            if _written_by_others(
                draft=draft, object_type=object_type, key=key, field=field, language=language
            ):
                continue
            set_translation(
                version=draft,
                object_type=object_type,
                object_key=key,
                field=field,
                language=language,
                text=translated[field],
                status="draft",
                source_text=english,
                **_as_demo(now),
            )


def ensure_demo(*, standard_slug: str, now: dt.datetime) -> tuple[Version, CommentPeriod, list]:
    """The demo draft and its open period, created as needed; returns what was created."""
    created = []
    with transaction.atomic():
        draft = Version.objects.filter(standard__slug=standard_slug, label=DEMO_LABEL).first()
        if draft is None:
            from standard_versions.standards.drafts import create_draft

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
                based_on=based_on, label=DEMO_LABEL, title=DEMO_TITLE, **_as_demo(now)
            )
            created.append(draft)
        if draft.status != VersionStatus.DRAFT:
            raise DemoNotADraft(
                f"demo: {standard_slug} {DEMO_LABEL} is {draft.status}, not a draft; left as it "
                "is, with no demo period (DEMO=0 make run skips this step)"
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
                **_as_demo(now),
            )
            created.append(period)
        translate_demo(draft=draft, period=period, now=now)
    return draft, period, created


class Command(BaseCommand):
    help = (
        "Make sure the demo draft (label 'demo', a copy of the published version) with an open "
        "comment period exists. Idempotent; a demo that staff published or withdrew is left as "
        "it is, with one line saying so."
    )

    def add_arguments(self, parser):
        parser.add_argument("--standard", default="wwc")

    def handle(self, *args, standard, **options):
        try:
            draft, period, created = ensure_demo(standard_slug=standard, now=timezone.now())
        except DemoNotADraft as left:
            self.stdout.write(str(left))
            return
        except DomainError as error:
            raise CommandError(f"{error.detail} [{error.code}]") from None
        state = "created" if created else "already there"
        self.stdout.write(
            f"demo: {draft.standard.slug} {draft.label} with comment period {period.pk} open "
            f"{deadline_text(period.closes_at, timezone=period.timezone, language='en')} ({state})"
        )
