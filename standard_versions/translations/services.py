"""Writes of translations: set one, carry a version's translations into a new draft, import PO.

Every write records history (user, reason, time) and bumps the revision of each version whose
served text it changes, so ETags and cached bodies follow. Writing a row that is already exactly
as wanted does nothing at all, which makes imports idempotent.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history

from standard_versions.errors import InvalidInput, NotFound
from standard_versions.history import save_with_history
from standard_versions.models import Translation, Version
from standard_versions.models.translations import source_hash
from standard_versions.standards.revisions import bump_version_revision
from standard_versions.standards.selectors import version_get
from standard_versions.translations.i18n import TRANSLATED_LANGUAGES
from standard_versions.translations.po import (
    STANDARD_HEADER,
    STATUS_HEADER,
    STATUSES,
    VERSION_HEADER,
    ParsedCatalog,
    Problem,
    language_of_header,
    placeholders,
)
from standard_versions.translations.selectors import (
    FieldRef,
    translatable_field_index,
    translation_rows,
)
from standard_versions.translations.translatable import context_of


@dataclass(frozen=True)
class _Wanted:
    ref: FieldRef
    language: str
    text: str
    status: str
    source_text: str


def _text_problem(*, text: str, english: str) -> str | None:
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


def _write(
    *, version: Version, wanted: list[_Wanted], user, reason: str, now, keep_existing=False
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
    problem = _text_problem(text=text, english=source_text or ref.english)
    if problem is not None:
        raise InvalidInput(problem, code="translation_invalid")
    wanted = _Wanted(ref, language, text, status, source_text or ref.english)
    _write(version=version, wanted=[wanted], user=user, reason=reason, now=now)
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


@dataclass
class ImportReport:
    written: int = 0
    unchanged: int = 0
    # Rows that differ from the catalog but were left as they are (``keep_existing``).
    kept: int = 0
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Target:
    standard: str | None
    label: str | None
    language: str | None


def _target_of(parsed: ParsedCatalog, *, standard, label, language) -> _Target:
    from_name = parsed.filename_parts or {}
    header_language = parsed.headers.get("language")
    return _Target(
        standard=standard
        or parsed.headers.get(STANDARD_HEADER.lower())
        or from_name.get("standard"),
        label=label or parsed.headers.get(VERSION_HEADER.lower()) or from_name.get("label"),
        language=language_of_header(header_language) if header_language else None,
    )


def _check_catalog(
    parsed: ParsedCatalog, *, standard, label, language, strict: bool, report: ImportReport
) -> tuple[Version | None, list[_Wanted], list[Problem]]:
    problems = list(parsed.problems)
    if problems:
        return None, [], problems
    target = _target_of(parsed, standard=standard, label=label, language=language)
    name = parsed.name
    header_language = parsed.headers.get("language")
    if target.language is None:
        problems.append(
            Problem(
                name,
                _("The Language header (%(value)s) is not es or pt_BR.")
                % {"value": header_language or "-"},
            )
        )
    for source, expected in (
        (_("the --language option"), language),
        (_("the file name"), (parsed.filename_parts or {}).get("language")),
    ):
        if expected and target.language and language_of_header(expected) != target.language:
            problems.append(
                Problem(
                    name,
                    _("The Language header (%(header)s) contradicts %(source)s (%(expected)s).")
                    % {"header": header_language, "source": source, "expected": expected},
                )
            )
    status = parsed.headers.get(STATUS_HEADER.lower(), "draft")
    if status not in STATUSES:
        problems.append(
            Problem(
                name,
                _("%(header)s is %(value)s; use draft or reviewed.")
                % {"header": STATUS_HEADER, "value": status},
            )
        )
    if not target.standard or not target.label:
        problems.append(
            Problem(
                name,
                _(
                    "Which version is this for? Give --standard and --version, the %(std)s and "
                    "%(ver)s headers, or name the file <standard>-<label>.<language>.po."
                )
                % {"std": STANDARD_HEADER, "ver": VERSION_HEADER},
            )
        )
    if problems:
        return None, [], problems
    try:
        version = version_get(standard_slug=target.standard, label=target.label)
    except NotFound as error:
        return None, [], [Problem(name, str(error.detail))]

    index = translatable_field_index(version=version)
    seen: dict[str, int | None] = {}
    wanted = []
    for entry in parsed.entries:
        where = f"{name}:{entry.line}" if entry.line is not None else name
        if entry.context is None:
            problems.append(Problem(where, _("The entry has no msgctxt.")))
            continue
        if entry.context in seen:
            problems.append(
                Problem(
                    where,
                    _("%(context)s appears twice (also at line %(line)s).")
                    % {"context": entry.context, "line": seen[entry.context]},
                )
            )
            continue
        seen[entry.context] = entry.line
        ref = index.get(entry.context)
        if ref is None:
            problems.append(
                Problem(
                    where,
                    _("Version %(label)s has no translatable text %(context)s.")
                    % {"label": version.label, "context": entry.context},
                )
            )
            continue
        if entry.plural:
            problems.append(Problem(where, _("Content entries have no plural forms.")))
            continue
        if not entry.msgstr:
            continue
        if "fuzzy" in entry.flags:
            report.skipped.append(
                str(
                    Problem(
                        where, _("%(context)s is fuzzy: not imported.") % {"context": entry.context}
                    )
                )
            )
            continue
        if not ref.english:
            report.skipped.append(
                str(
                    Problem(
                        where,
                        _("The English of %(context)s is now empty: not imported.")
                        % {"context": entry.context},
                    )
                )
            )
            continue
        problem = _text_problem(text=entry.msgstr, english=entry.msgid)
        if problem is not None:
            problems.append(Problem(where, problem))
            continue
        if entry.msgid != ref.english:
            message = _(
                "The msgid of %(context)s is not the current English: imported as stale."
            ) % {"context": entry.context}
            if strict:
                problems.append(Problem(where, message))
                continue
            report.warnings.append(str(Problem(where, message)))
        entry_status = next((flag for flag in STATUSES if flag in entry.flags), status)
        wanted.append(_Wanted(ref, target.language, entry.msgstr, entry_status, entry.msgid))
    return version, wanted, problems


@transaction.atomic
def import_translation_catalogs(
    *,
    catalogs: list[ParsedCatalog],
    user,
    reason: str,
    now,
    standard: str | None = None,
    label: str | None = None,
    language: str | None = None,
    strict: bool = False,
    keep_existing: bool = False,
) -> ImportReport:
    """Import PO catalogs of content translations. Every file is checked against its version
    before anything is written; any problem refuses the whole import.

    A msgid that is not the current English is imported as a stale translation of that English
    (refused with ``strict``); fuzzy and untranslated entries are skipped; nothing is deleted.
    With ``keep_existing`` (start-up's load of the shipped catalogs) only missing translations are
    added: one that exists and differs (a translator's import, a demo edited by staff) is kept.
    """
    report = ImportReport()
    plans, problems = [], []
    for parsed in catalogs:
        version, wanted, found = _check_catalog(
            parsed, standard=standard, label=label, language=language, strict=strict, report=report
        )
        problems.extend(found)
        plans.append((version, wanted))
    if problems:
        raise InvalidInput(
            _("The translation catalog has problems; nothing was imported."),
            code="translation_catalog_invalid",
            errors={"problems": [str(problem) for problem in problems]},
        )
    for version, wanted in plans:
        written, kept = _write(
            version=version,
            wanted=wanted,
            user=user,
            reason=reason,
            now=now,
            keep_existing=keep_existing,
        )
        report.written += written
        report.kept += kept
        report.unchanged += len(wanted) - written - kept
    return report
