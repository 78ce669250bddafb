"""Importing PO catalogs of translations: each entry checked against the version it names,
then written through the same path as one translation (``services``), all or nothing."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from standard_versions.errors import InvalidInput, NotFound
from standard_versions.models import Version
from standard_versions.standards.selectors import version_get
from standard_versions.translations.po import (
    STANDARD_HEADER,
    STATUS_HEADER,
    STATUSES,
    VERSION_HEADER,
    ParsedCatalog,
    Problem,
    language_of_header,
)
from standard_versions.translations.selectors import (
    translatable_field_index,
)
from standard_versions.translations.services import (
    WantedTranslation,
    text_problem,
    write_translations,
)


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
) -> tuple[Version | None, list[WantedTranslation], list[Problem]]:
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
        problem = text_problem(text=entry.msgstr, english=entry.msgid)
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
        wanted.append(
            WantedTranslation(ref, target.language, entry.msgstr, entry_status, entry.msgid)
        )
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
        written, kept = write_translations(
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
