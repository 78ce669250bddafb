"""The compare page's records: the diff of two versions as a redline grouped by practice area.

Standard text is escaped before it is wrapped in ``<ins>``/``<del>``; each mark carries a
visually hidden "added:"/"removed:" so a screen reader says what the underline or strike-through
shows. Nothing here queries the database.
"""

from dataclasses import dataclass, field, replace

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from standard_versions.consultation.tracking_ids import grouped
from standard_versions.diff.formats import comments_by_part
from standard_versions.diff.result import CriterionChange, CriterionEntry
from standard_versions.diff.selectors_compare import Comparison
from standard_versions.diff.sentences import (
    practice_area_sentences,
    reconstruction_caveat_sentence,
    requirement_sentences,
    translation_caveat_sentence,
)
from standard_versions.diff.words import DELETE, INSERT, TextOp
from standard_versions.models import Version
from standard_versions.text.rendering import MarkdownTooLong, render_markdown
from standard_versions.web.presenters import version_url


@dataclass(frozen=True)
class VersionOption:
    label: str
    status_display: str


@dataclass(frozen=True)
class CompareForm:
    options: list[VersionOption]
    from_label: str
    to_label: str


def compare_form(versions: list[Version], *, from_label: str, to_label: str) -> CompareForm:
    return CompareForm(
        options=[VersionOption(v.label, v.get_status_display()) for v in versions],
        from_label=from_label,
        to_label=to_label,
    )


@dataclass(frozen=True)
class CommentRef:
    """A public comment behind a change: its tracking id as the receipt shows it, and the
    receipt's page."""

    tracking_id: str
    url: str


@dataclass(frozen=True)
class CommentsBehind:
    """The comments that led to one change, with the sentence that counts them."""

    count_text: str
    comments: list[CommentRef]


@dataclass(frozen=True)
class PartComments:
    label: str
    behind: CommentsBehind


@dataclass(frozen=True)
class RedlineCriterion:
    kind: str  # "added", "removed" or "changed"
    key: str
    code_html: SafeString
    title_html: SafeString
    is_core: bool
    notes: list[SafeString]
    # Added and removed criteria: their Markdown rendered; changed ones: the word redline.
    description_html: SafeString
    description_is_redline: bool
    url: str
    behind: CommentsBehind | None = None


@dataclass(frozen=True)
class AreaGroup:
    key: str
    code: str
    name: str
    status: str  # "kept", "added" or "removed"
    criteria: list[RedlineCriterion]

    @property
    def anchor(self) -> str:
        return f"changes-{self.key}"


@dataclass(frozen=True)
class ComparePage:
    from_label: str
    to_label: str
    from_url: str
    to_url: str
    summary: list[str]
    requirement_sentences: list[SafeString]
    practice_area_sentences: list[SafeString]
    groups: list[AreaGroup]
    is_empty: bool
    # In a translated language: which criteria this comparison may misstate (TranslationCaveat).
    translation_caveat: SafeString | None = None
    reconstruction_caveat: SafeString | None = None
    requirement_comments: CommentsBehind | None = None
    practice_area_comments: list[PartComments] = field(default_factory=list)


class _Marks:
    """``<ins>``/``<del>`` around escaped text, with the hidden words in the page language."""

    def __init__(self):
        self.added = _("added:")
        self.removed = _("removed:")

    @staticmethod
    def _mark(tag: str, hidden_word: str, text: str) -> str:
        return format_html(
            '<{0}><span class="visually-hidden">[{1} </span>{2}<span class="visually-hidden">]'
            "</span></{0}>",
            tag,
            hidden_word,
            text,
        )

    def ins(self, text: str) -> str:
        return self._mark("ins", self.added, text)

    def delete(self, text: str) -> str:
        return self._mark("del", self.removed, text)

    def redline(self, ops: tuple[TextOp, ...]) -> SafeString:
        parts = []
        for op in ops:
            if op.op == INSERT:
                parts.append(self.ins(op.text))
            elif op.op == DELETE:
                parts.append(self.delete(op.text))
            else:
                parts.append(escape(op.text))
        return mark_safe("".join(parts))


def _markdown(text: str) -> SafeString:
    try:
        # render_markdown escapes everything (no raw HTML), so its output is safe to insert.
        return mark_safe(render_markdown(text))
    except MarkdownTooLong:
        return format_html("<p>{}</p>", text)


def _area_label(code: str, name: str) -> str:
    return f"{code} {name}"


def _entry(kind: str, entry: CriterionEntry, *, url: str) -> RedlineCriterion:
    return RedlineCriterion(
        kind=kind,
        key=entry.key,
        code_html=escape(entry.code),
        title_html=escape(entry.title),
        is_core=entry.is_core,
        notes=[],
        description_html=_markdown(entry.description),
        description_is_redline=False,
        url=url,
    )


def _changed(change: CriterionChange, *, marks: _Marks, url: str, is_core: bool):
    notes = []
    if change.code_change is not None:
        code_html = mark_safe(
            marks.delete(change.code_change.old) + " " + marks.ins(change.code_change.new)
        )
        notes.append(
            format_html(
                "{}",
                _("Renumbered: %(old)s is now %(new)s.")
                % {"old": change.code_change.old, "new": change.code_change.new},
            )
        )
    else:
        code_html = escape(change.code)
    if change.area_change is not None:
        old, new = change.area_change.old, change.area_change.new
        notes.append(
            format_html(
                "{}",
                _("Moved from practice area %(old)s to %(new)s.")
                % {"old": _area_label(old.code, old.name), "new": _area_label(new.code, new.name)},
            )
        )
    elif change.position_change is not None:
        notes.append(
            format_html(
                "{}",
                _("Now number %(new)d in this practice area (was number %(old)d).")
                % {"new": change.position_change.new + 1, "old": change.position_change.old + 1},
            )
        )
    if change.description_change is None:
        notes.append(format_html("{}", _("The description did not change.")))
    return RedlineCriterion(
        kind="changed",
        key=change.key,
        code_html=code_html,
        title_html=(
            marks.redline(change.title_change.ops) if change.title_change else escape(change.title)
        ),
        is_core=is_core,
        notes=notes,
        description_html=(
            marks.redline(change.description_change.ops)
            if change.description_change
            else mark_safe("")
        ),
        description_is_redline=change.description_change is not None,
        url=url,
    )


def _summary(summary: dict) -> list[str]:
    def sentence(count: int, none: str, some: str) -> str:
        return none if count == 0 else some % {"count": count}

    added, removed = summary["added"], summary["removed"]
    renumbered, moved, reworded = summary["renumbered"], summary["moved"], summary["reworded"]
    sentences = [
        sentence(
            added,
            _("No criterion was added."),
            ngettext("%(count)d criterion was added.", "%(count)d criteria were added.", added),
        ),
        sentence(
            removed,
            _("No criterion was removed."),
            ngettext(
                "%(count)d criterion was removed.", "%(count)d criteria were removed.", removed
            ),
        ),
        sentence(
            renumbered,
            _("No criterion was renumbered."),
            ngettext(
                "%(count)d criterion was renumbered.",
                "%(count)d criteria were renumbered.",
                renumbered,
            ),
        ),
        sentence(
            moved,
            _("No criterion moved to another practice area."),
            ngettext(
                "%(count)d criterion moved to another practice area.",
                "%(count)d criteria moved to another practice area.",
                moved,
            ),
        ),
        sentence(
            reworded,
            _("No criterion was reworded."),
            ngettext(
                "%(count)d criterion was reworded.", "%(count)d criteria were reworded.", reworded
            ),
        ),
    ]
    if summary["reordered"]:
        sentences.append(
            ngettext(
                "%(count)d criterion changed place within its practice area.",
                "%(count)d criteria changed place within their practice area.",
                summary["reordered"],
            )
            % {"count": summary["reordered"]}
        )
    if summary["requirements_changed"]:
        sentences.append(_("The certification requirements changed (see below)."))
    else:
        sentences.append(_("The certification requirements did not change."))
    return sentences


def _behind(comments: list[dict] | None) -> CommentsBehind | None:
    if not comments:
        return None
    count = len(comments)
    return CommentsBehind(
        count_text=ngettext(
            "Changed in response to %(count)d public comment:",
            "Changed in response to %(count)d public comments:",
            count,
        )
        % {"count": count},
        comments=[CommentRef(grouped(c["tracking_id"]), c["receipt_path"]) for c in comments],
    )


def compare_page(comparison: Comparison, *, standard_slug: str) -> ComparePage:
    diff, old, new = comparison.diff, comparison.old, comparison.new
    marks = _Marks()
    old_url, new_url = version_url(standard_slug, old.label), version_url(standard_slug, new.label)
    core_now = {criterion.key for _area, criterion in new.criteria() if criterion.is_core}
    shown: dict[str, RedlineCriterion] = {}
    for entry in diff.criteria.added:
        shown[entry.key] = _entry("added", entry, url=f"{new_url}#{entry.code}")
    for change in diff.criteria.changed:
        shown[change.key] = _changed(
            change, marks=marks, url=f"{new_url}#{change.code}", is_core=change.key in core_now
        )
    removed_by_area: dict[str, list[RedlineCriterion]] = {}
    for entry in diff.criteria.removed:
        removed_by_area.setdefault(entry.practice_area.key, []).append(
            _entry("removed", entry, url=f"{old_url}#{entry.code}")
        )

    added_areas = {area.key for area in diff.practice_areas.added}
    groups = []
    for area in new.practice_areas:
        items = [shown[c.key] for c in area.criteria if c.key in shown]
        items += removed_by_area.pop(area.key, [])
        if items:
            status = "added" if area.key in added_areas else "kept"
            groups.append(AreaGroup(area.key, area.code, area.name, status, items))
    for area in old.practice_areas:
        if area.key in removed_by_area:
            groups.append(
                AreaGroup(area.key, area.code, area.name, "removed", removed_by_area.pop(area.key))
            )

    data = replace(diff, comments=comparison.comments).to_dict()
    behind = comments_by_part(data)
    groups = [
        replace(
            group,
            criteria=[
                replace(item, behind=_behind(behind.get(("criterion", item.key))))
                for item in group.criteria
            ],
        )
        for group in groups
    ]
    area_comments = [
        PartComments(_area_label(area.code, area.name), found)
        for area in [*diff.practice_areas.added, *diff.practice_areas.changed]
        if (found := _behind(behind.get(("practice_area", area.key))))
    ]
    strong = lambda text: f"<strong>{text}</strong>"  # noqa: E731 (the sentences' markup hook)
    return ComparePage(
        from_label=old.label,
        to_label=new.label,
        from_url=old_url,
        to_url=new_url,
        summary=_summary(data["summary"]),
        # Both escape every piece of Standard text they insert (markup=escape).
        requirement_sentences=[
            mark_safe(s) for s in requirement_sentences(data, markup=escape, strong=strong)
        ],
        practice_area_sentences=[
            mark_safe(s) for s in practice_area_sentences(data, markup=escape)
        ],
        groups=groups,
        is_empty=diff.is_empty,
        translation_caveat=mark_safe(caveat)
        if (caveat := translation_caveat_sentence(data, markup=escape))
        else None,
        reconstruction_caveat=mark_safe(note)
        if (note := reconstruction_caveat_sentence(data, markup=escape))
        else None,
        requirement_comments=_behind(behind.get(("requirements", ""))),
        practice_area_comments=area_comments,
    )
