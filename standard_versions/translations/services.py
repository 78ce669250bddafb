"""Writes of translations: set one, carry a version's translations into a new draft (PO imports:
``importing``).

Every write records history (user, reason, time) and bumps the revision of each version whose
served text it changes, so ETags and cached bodies follow. Writing a row that is already exactly
as wanted does nothing at all, which makes imports idempotent.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history

from standard_versions.errors import InvalidInput, NotFound
from standard_versions.history import save_with_history
from standard_versions.models import Translation, Version
from standard_versions.models.translations import source_hash
from standard_versions.standards.revisions import bump_version_revision
from standard_versions.translations.i18n import TRANSLATED_LANGUAGES
from standard_versions.translations.po import (
    STATUSES,
    placeholders,
)
from standard_versions.translations.selectors import (
    FieldRef,
    translatable_field_index,
    translation_rows,
)
from standard_versions.translations.translatable import context_of


@dataclass(frozen=True)
class WantedTranslation:
    ref: FieldRef
    language: str
    text: str
    status: str
    source_text: str


def text_problem(*, text: str, english: str) -> str | None:
    if not text.strip():
        return _("The translation is empty.")
    if len(text) > settings.MARKDOWN_MAX_CHARS:
        return _("The translation is longer than %(limit)s characters.") % {
            "limit": settings.MARKDOWN_MAX_CHARS
        }
    if placeholders(text) != placeholders(english):
        return _("The placeholders of the translation (%(found)s) differ from the English.") % {
            "found": ", ".join(placeholders(text)) or "-"
        }
    return None


def write_translations(
    *,
    version: Version,
    wanted: list[WantedTranslation],
    user,
    reason: str,
    now,
    keep_existing=False,
) -> tuple[int, int]:
    """Create or update the rows of ``wanted``; returns how many changed and how many differ but
    were kept. With ``keep_existing`` only missing rows are created: a row that exists is left as
    it is, whatever it says."""
    rows = translation_rows(version=version, languages={w.language for w in wanted})
    changed_standard_text = False
    changed = kept = 0
    for item in wanted:
        digest = source_hash(item.source_text)
        row = rows.get((item.language, *item.ref.row_key))
        if row is not None and (row.text, row.status, row.source_hash, row.source_text) == (
            item.text,
            item.status,
            digest,
            item.source_text,
        ):
            continue
        if row is not None and keep_existing:
            kept += 1
            continue
        if row is None:
            row = Translation(
                standard_id=version.standard_id,
                version_id=item.ref.version_id,
                object_type=item.ref.kind.object_type,
                object_key=item.ref.key,
                field=item.ref.field,
                language=item.language,
            )
        row.text, row.status = item.text, item.status
        row.source_text, row.source_hash = item.source_text, digest
        row.updated_at = now
        save_with_history(row, user=user, reason=reason, now=now)
        changed += 1
        changed_standard_text |= row.version_id is None
    if changed:
        bump_version_revision(version=version)
    if changed_standard_text:
        # The standard's own text belongs to every version of it.
        for other in Version.objects.filter(standard_id=version.standard_id).exclude(pk=version.pk):
            bump_version_revision(version=other)
    return changed, kept


@transaction.atomic
def set_translation(
    *,
    version: Version,
    object_type: str,
    object_key: str,
    field: str,
    language: str,
    text: str,
    status: str,
    user,
    reason: str,
    now,
    source_text: str | None = None,
) -> Translation:
    """Translate one field of one object of ``version`` (the standard's own text: any version of
    it). ``source_text`` is the English it was made from, the current English by default."""
    if language not in TRANSLATED_LANGUAGES:
        raise InvalidInput(
            _("Translations are kept in es and pt-BR, not %(language)s.") % {"language": language},
            code="translation_language_unsupported",
        )
    if status not in STATUSES:
        raise InvalidInput(
            _("A translation is draft or reviewed, not %(status)s.") % {"status": status},
            code="translation_status_invalid",
        )
    context = context_of(object_type, object_key, field)
    ref = translatable_field_index(version=version).get(context)
    if ref is None:
        raise NotFound(
            _("Version %(label)s has no translatable text %(context)s.")
            % {"label": version.label, "context": context},
            code="translation_target_not_found",
        )
    if not ref.english:
        raise InvalidInput(
            _("The English text of %(context)s is empty: there is nothing to translate.")
            % {"context": context},
            code="translation_source_empty",
        )
    problem = text_problem(text=text, english=source_text or ref.english)
    if problem is not None:
        raise InvalidInput(problem, code="translation_invalid")
    wanted = WantedTranslation(ref, language, text, status, source_text or ref.english)
    write_translations(version=version, wanted=[wanted], user=user, reason=reason, now=now)
    return Translation.objects.get(
        language=language,
        version_id=ref.version_id,
        standard_id=version.standard_id,
        object_type=object_type,
        object_key=object_key,
        field=field,
    )


@transaction.atomic
def copy_translations(*, source_version: Version, target_version: Version, user, reason, now):
    """Give ``target_version`` the translations of ``source_version`` for every object it has with
    the same key (the version's own title follows to the new label). Each copy keeps the English
    it was made from, so it is current where the English is unchanged and stale where it differs.
    Returns how many rows were created or changed."""
    index = translatable_field_index(version=target_version)
    existing = translation_rows(version=target_version, languages=TRANSLATED_LANGUAGES)
    to_create, to_update = [], []
    for row in Translation.objects.filter(version=source_version):
        key = target_version.label if row.object_type == "version" else row.object_key
        ref = index.get(context_of(row.object_type, key, row.field))
        if ref is None or not ref.english:
            continue
        values = {
            "text": row.text,
            "status": row.status,
            "source_text": row.source_text,
            "source_hash": row.source_hash,
        }
        current = existing.get((row.language, *ref.row_key))
        if current is None:
            to_create.append(
                Translation(
                    standard_id=target_version.standard_id,
                    version=target_version,
                    object_type=row.object_type,
                    object_key=key,
                    field=row.field,
                    language=row.language,
                    updated_at=now,
                    **values,
                )
            )
        elif any(getattr(current, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(current, name, value)
            current.updated_at = now
            to_update.append(current)
    if to_create:
        bulk_create_with_history(
            to_create,
            Translation,
            default_user=user,
            default_change_reason=reason,
            default_date=now,
        )
    for row in to_update:
        save_with_history(row, user=user, reason=reason, now=now)
    if to_create or to_update:
        bump_version_revision(version=target_version)
    return len(to_create) + len(to_update)
