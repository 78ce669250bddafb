"""The criterion history page's records: one criterion, by its permanent key, in every version it
appears in, with the redline from the version before and each recorded change with its reason.

Texts are in the reader's language where both sides of a redline are served in it and neither
translation is stale, otherwise in English (a redline between a translation and an English fallback
would mark every word, and a stale translation can hide what the English changed). Recorded
changes are changes to the English source and are shown in English. Standard text is escaped
before it is wrapped in ``<ins>``/``<del>``. Nothing here queries the database.
"""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from standard_versions.diff.words import text_ops
from standard_versions.models import Criterion
from standard_versions.standards.selectors_criterion_history import CriterionHistory
from standard_versions.translations import i18n
from standard_versions.translations.content import SOURCE_LANGUAGE, ContentText
from standard_versions.web.presenters import (
    Served,
    VersionSummary,
    _html,
    _served,
    _version_summary,
    compare_url,
    version_url,
)
from standard_versions.web.presenters_compare import _Marks


def criterion_history_url(standard_slug: str, key: str) -> str:
    return reverse("web:criterion-history", args=[standard_slug, key])


@dataclass(frozen=True)
class Redline:
    """A title and a description as ``<ins>``/``<del>`` over escaped words, or ``None`` for a
    part that did not change; ``language``: the language of both texts."""

    title: SafeString | None
    description: SafeString | None
    language: str


@dataclass(frozen=True)
class RecordItem:
    changed_at: dt.datetime
    changed_at_display: str
    type: str  # "created", "changed" or "removed"
    type_display: str
    # The account that made the change, as the public history API gives it ("" when the change
    # was loaded from the data files).
    changed_by: str
    reason: str
    notes: list[str]
    redline: Redline | None  # the English title and description, when either changed


@dataclass(frozen=True)
class VersionEntry:
    version: VersionSummary
    anchor: str
    code: str
    title: str
    served: Served
    is_core: bool
    area_code: str
    area_name: str
    area_served: Served
    description_html: SafeString
    url: str
    # The version before (in this list) and what changed from it: "first", "unchanged" or
    # "changed", with sentences (renumbered, moved, core) and the redline of the texts.
    previous_label: str | None
    compare_url: str | None
    change: str
    change_notes: list[str]
    redline: Redline | None
    records: list[RecordItem]


@dataclass(frozen=True)
class CriterionHistoryPage:
    standard_slug: str
    standard_name: str
    standard_served: Served
    key: str
    # The criterion as it is in the newest version.
    code: str
    title: str
    served: Served
    versions: list[VersionEntry]
    api_url: str


_TYPE_LABELS = {
    "created": lambda: pgettext("history record", "Created"),
    "changed": lambda: pgettext("history record", "Changed"),
    "removed": lambda: pgettext("history record", "Removed"),
}


def _redline(old_title: str, new_title: str, old_text: str, new_text: str, *, language: str):
    marks = _Marks()
    return Redline(
        title=marks.redline(text_ops(old_title, new_title)) if old_title != new_title else None,
        description=marks.redline(text_ops(old_text, new_text)) if old_text != new_text else None,
        language=language,
    )


def _core_note(is_core: bool) -> str:
    return _("Made a core criterion.") if is_core else _("No longer a core criterion.")


def _record(entry: dict, *, language: str) -> RecordItem:
    changes = {change["field"]: change for change in entry["changes"]}
    notes, redline = [], None
    if entry["type"] == "changed":
        if "code" in changes:
            notes.append(
                _("Renumbered: %(old)s is now %(new)s.")
                % {"old": changes["code"]["old"], "new": changes["code"]["new"]}
            )
        if "practice_area" in changes:
            notes.append(
                _("Moved from practice area %(old)s to %(new)s.")
                % {"old": changes["practice_area"]["old"], "new": changes["practice_area"]["new"]}
            )
        elif "position" in changes:
            notes.append(
                _("Now number %(new)d in this practice area (was number %(old)d).")
                % {"new": changes["position"]["new"] + 1, "old": changes["position"]["old"] + 1}
            )
        if "is_core" in changes:
            notes.append(_core_note(changes["is_core"]["new"]))
        if "title" in changes or "description" in changes:
            title = changes.get("title", {"old": "", "new": ""})
            text = changes.get("description", {"old": "", "new": ""})
            redline = _redline(
                title["old"] or "",
                title["new"] or "",
                text["old"] or "",
                text["new"] or "",
                language=SOURCE_LANGUAGE,
            )
    label = _TYPE_LABELS.get(entry["type"])
    return RecordItem(
        changed_at=entry["changed_at"],
        changed_at_display=i18n.format_datetime(
            entry["changed_at"], language=language, timezone="UTC"
        ),
        type=entry["type"],
        type_display=label() if label else entry["type"],
        changed_by=entry["changed_by"] or "",
        reason=entry["reason"] or "",
        notes=notes,
        redline=redline,
    )


def _texts(criterion: Criterion, content: ContentText) -> tuple[str, str, str]:
    """(title, description, language) as the reader is served them."""
    return (
        content.text(criterion, "title"),
        content.text(criterion, "description"),
        content.language_of(criterion),
    )


def _heading(criterion: Criterion, content: ContentText) -> dict:
    """A criterion's code and title as the reader gets it, with the language it is served in."""
    return {
        "code": criterion.code,
        "title": content.text(criterion, "title"),
        "served": _served(content, criterion),
    }


def _change_from(previous: Criterion, criterion: Criterion, *, content: ContentText):
    """What changed from ``previous`` (the same key in the version before): sentences and the
    redline, or ``("unchanged", [], None)``."""
    notes = []
    if previous.code != criterion.code:
        notes.append(
            _("Renumbered: %(old)s is now %(new)s.") % {"old": previous.code, "new": criterion.code}
        )
    if previous.practice_area.key != criterion.practice_area.key:
        notes.append(
            _("Moved from practice area %(old)s to %(new)s.")
            % {"old": previous.practice_area.code, "new": criterion.practice_area.code}
        )
    if previous.is_core != criterion.is_core:
        notes.append(_core_note(criterion.is_core))
    old, new = _texts(previous, content), _texts(criterion, content)
    stale = "stale" in (content.status(previous), content.status(criterion))
    if old[2] != new[2] or stale:
        # A translation against English would mark every word, and a stale translation may not
        # show a change the English made: compare the English of both.
        old = (previous.title, previous.description, SOURCE_LANGUAGE)
        new = (criterion.title, criterion.description, SOURCE_LANGUAGE)
    redline = None
    if old[:2] != new[:2]:
        redline = _redline(old[0], new[0], old[1], new[1], language=new[2])
    changed = bool(notes) or redline is not None
    return ("changed" if changed else "unchanged"), notes, redline


def criterion_history_page(
    history: CriterionHistory, *, standard_slug: str, content: ContentText, language: str
) -> CriterionHistoryPage:
    entries: list[VersionEntry] = []
    previous = None
    for criterion in history.criteria:
        version = criterion.version
        if previous is None:
            change, notes, redline = "first", [], None
        else:
            change, notes, redline = _change_from(previous, criterion, content=content)
        area = criterion.practice_area
        entries.append(
            VersionEntry(
                version=_version_summary(version, standard_slug=standard_slug, content=content),
                anchor=f"version-{version.label}",
                **_heading(criterion, content),
                is_core=criterion.is_core,
                area_code=area.code,
                area_name=content.text(area, "name"),
                area_served=_served(content, area),
                description_html=_html(content, criterion, "description"),
                url=f"{version_url(standard_slug, version.label)}#{criterion.code}",
                previous_label=previous.version.label if previous is not None else None,
                compare_url=(
                    compare_url(
                        standard_slug, from_label=previous.version.label, to_label=version.label
                    )
                    if previous is not None
                    else None
                ),
                change=change,
                change_notes=notes,
                redline=redline,
                records=[
                    _record(entry, language=language) for entry in history.records[criterion.pk]
                ],
            )
        )
        previous = criterion
    newest = history.criteria[-1]
    standard = newest.version.standard
    return CriterionHistoryPage(
        standard_slug=standard_slug,
        standard_name=content.text(standard, "name"),
        standard_served=_served(content, standard),
        key=newest.key,
        **_heading(newest, content),
        versions=entries,
        api_url=reverse("criterion-timeline", args=[standard_slug, newest.key]),
    )
