"""Sentences about a version diff (its JSON form), shared by the changelog and the redline.

Each function takes ``markup`` (how Standard text is escaped: Markdown by default, ``escape`` for
HTML) so no text from the Standard reaches the output unescaped. Sentences are translatable.
"""

import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from standard_versions.translations import i18n

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>~|#])")


def md_escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def quote(text: str, markup=md_escape) -> str:
    return f"“{markup(text)}”"


def percent(value: int) -> str:
    """A percentage in the active language: "51%", "51 %" (Spanish)."""
    return i18n.format_percent(value, language=i18n.current_language())


def join_words(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


CONTEXT_WORDS = 2
_PIECES = re.compile(r"\S+|\s+")


def _hunks(ops: list[dict]) -> list[tuple[str, str, str, str]]:
    """(text before, deleted, inserted, text after) for each run of changes."""
    hunks = []
    index = 0
    while index < len(ops):
        if ops[index]["op"] == "equal":
            index += 1
            continue
        before = ops[index - 1]["text"] if index else ""
        deleted = inserted = ""
        while index < len(ops) and ops[index]["op"] != "equal":
            if ops[index]["op"] == "delete":
                deleted += ops[index]["text"]
            else:
                inserted += ops[index]["text"]
            index += 1
        after = ops[index]["text"] if index < len(ops) else ""
        hunks.append((before, deleted, inserted, after))
    return hunks


def _edge(text: str, *, last: bool) -> tuple[str, bool]:
    """The last (or first) few words of ``text``, and whether anything was left out."""
    pieces = _PIECES.findall(text)
    if last:
        pieces.reverse()
    kept, words = [], 0
    for piece in pieces:
        if not piece.isspace():
            if words == CONTEXT_WORDS:
                break
            words += 1
        kept.append(piece)
    if last:
        kept.reverse()
    return "".join(kept), len(kept) < len(pieces)


def word_changes(change: dict, markup=md_escape) -> str:
    """Each run of changed words with a little context: “…on key citywide…” → “…on all
    citywide…”."""
    parts = []
    for before, deleted, inserted, after in _hunks(change["ops"]):
        lead, cut_lead = _edge(before, last=True)
        trail, cut_trail = _edge(after, last=False)
        if not (deleted + inserted).strip():
            parts.append(_("spacing changed"))
            continue

        def snippet(middle: str, lead=lead, trail=trail, cut_lead=cut_lead, cut_trail=cut_trail):
            text = markup(" ".join((lead + middle + trail).split()))
            return "“{}{}{}”".format("…" if cut_lead else "", text, "…" if cut_trail else "")

        parts.append(f"{snippet(deleted)} → {snippet(inserted)}")
    return "; ".join(parts)


def md_criterion(item: dict) -> str:
    return "**{code}** {title}".format(code=md_escape(item["code"]), title=md_escape(item["title"]))


def md_area(ref: dict) -> str:
    return "{name} ({code})".format(name=md_escape(ref["name"]), code=md_escape(ref["code"]))


def summary_sentence(data: dict) -> str:
    """The counts that are not zero, in one sentence."""
    summary = data["summary"]
    counts = [
        (ngettext("%(n)d criterion added", "%(n)d criteria added", summary["added"]), "added"),
        (
            ngettext("%(n)d criterion removed", "%(n)d criteria removed", summary["removed"]),
            "removed",
        ),
        (
            ngettext(
                "%(n)d criterion renumbered", "%(n)d criteria renumbered", summary["renumbered"]
            ),
            "renumbered",
        ),
        (ngettext("%(n)d criterion moved", "%(n)d criteria moved", summary["moved"]), "moved"),
        (
            ngettext("%(n)d criterion reworded", "%(n)d criteria reworded", summary["reworded"]),
            "reworded",
        ),
        (
            ngettext("%(n)d criterion reordered", "%(n)d criteria reordered", summary["reordered"]),
            "reordered",
        ),
        (
            ngettext(
                "%(n)d practice area changed",
                "%(n)d practice areas changed",
                summary["practice_areas_changed"],
            ),
            "practice_areas_changed",
        ),
        (
            ngettext(
                "%(n)d change to the certification requirements",
                "%(n)d changes to the certification requirements",
                summary["requirements_changed"],
            ),
            "requirements_changed",
        ),
    ]
    parts = [text % {"n": summary[name]} for text, name in counts if summary[name]]
    if summary["practice_areas_added"] or summary["practice_areas_removed"]:
        parts.append(_("practice areas added or removed"))
    if not parts:
        return _("No changes.")
    sentence = join_words(parts)
    return sentence[0].upper() + sentence[1:] + "."


def diff_title(data: dict) -> str:
    return _("Changes from version %(old)s to version %(new)s") % {
        "old": data["from"]["label"],
        "new": data["to"]["label"],
    }


def translation_caveat_sentence(data: dict, *, markup=md_escape) -> str | None:
    """The warning of a translated diff whose comparison of some criteria cannot be trusted
    (``translation_caveats``), or None."""
    codes = [markup(caveat["code"]) for caveat in data.get("translation_caveats", ())]
    if not codes:
        return None
    return ngettext(
        "The English of %(codes)s changed, but its translation is missing or out of date in one "
        "of the versions: this comparison may not show that change.",
        "The English of %(codes)s changed, but their translations are missing or out of date in "
        "one of the versions: this comparison may not show those changes.",
        len(codes),
    ) % {"codes": join_words(codes)}


def reconstruction_caveat_sentence(data: dict, *, markup=md_escape) -> str | None:
    """The warning of a diff with a reconstructed version on either side (its texts and figures
    are inferred, so what the diff shows of it is not a record), or None."""
    labels = [
        markup(data[side]["label"]) for side in ("from", "to") if data[side].get("reconstructed")
    ]
    if not labels:
        return None
    return ngettext(
        "Version %(labels)s is a reconstruction, not the published text: its criteria and figures, "
        "such as its level bands, are inferred from later sources. What this comparison shows of "
        "it is an inference, not a record of what it said.",
        "Versions %(labels)s are reconstructions, not the published texts: their criteria and "
        "figures, such as their level bands, are inferred from later sources. What this comparison "
        "shows of them is an inference, not a record of what they said.",
        len(labels),
    ) % {"labels": join_words(labels)}


def is_empty_diff(data: dict) -> bool:
    summary = data["summary"]
    return not any(value for name, value in summary.items())


# --- requirements, in sentences ---------------------------------------------------------------


def requirement_sentences(data: dict, *, markup=md_escape, strong=None) -> list[str]:
    """Each change of the certification requirements as one sentence."""
    strong = strong or (lambda text: f"**{text}**")
    requirements = data["requirements"]
    sentences = []
    core = requirements["core_criteria"]
    for refs, sentence in (
        (
            core["added"],
            lambda count: ngettext(
                "%(codes)s is now a core criterion: a city must meet it to be certified.",
                "%(codes)s are now core criteria: a city must meet them to be certified.",
                count,
            ),
        ),
        (
            core["removed"],
            lambda count: ngettext(
                "%(codes)s is no longer a core criterion.",
                "%(codes)s are no longer core criteria.",
                count,
            ),
        ),
    ):
        if refs:
            codes = [strong(markup(ref["code"])) for ref in refs]
            sentences.append(sentence(len(codes)) % {"codes": join_words(codes)})
    levels = requirements["levels"]
    for level in levels["added"]:
        sentences.append(
            _("New level %(name)s, from %(percent)s of the criteria.")
            % {"name": strong(markup(level["name"])), "percent": percent(level["min_percent"])}
        )
    for level in levels["changed"]:
        name = strong(markup(level["name"]))
        if "min_percent" in level["changes"]:
            change = level["changes"]["min_percent"]
            values = {"name": name, "new": percent(change["new"]), "old": percent(change["old"])}
            # A reconstructed version's figures are inferred: never state them as what it said.
            if data["from"].get("reconstructed"):
                sentence = _(
                    "%(name)s now starts at %(new)s of the criteria (the reconstructed version "
                    "%(label)s has %(old)s, an inferred figure)."
                )
                values["label"] = markup(data["from"]["label"])
            elif data["to"].get("reconstructed"):
                sentence = _(
                    "%(name)s starts at %(new)s of the criteria in the reconstructed version "
                    "%(label)s, an inferred figure (was %(old)s)."
                )
                values["label"] = markup(data["to"]["label"])
            else:
                sentence = _("%(name)s now starts at %(new)s of the criteria (was %(old)s).")
            sentences.append(sentence % values)
        if "name" in level["changes"]:
            change = level["changes"]["name"]
            sentences.append(
                _("The level %(old)s is now called %(new)s.")
                % {"old": strong(markup(change["old"])), "new": name}
            )
    for level in levels["removed"]:
        sentences.append(
            _("The level %(name)s (from %(percent)s) was removed.")
            % {"name": strong(markup(level["name"])), "percent": percent(level["min_percent"])}
        )
    outcomes = requirements["outcome_areas"]
    if outcomes["added"]:
        names = [strong(markup(area["name"])) for area in outcomes["added"]]
        sentences.append(
            ngettext("New outcome area: %(names)s.", "New outcome areas: %(names)s.", len(names))
            % {"names": join_words(names)}
        )
    for area in outcomes["changed"]:
        field_names = {"name": _("name"), "description": _("description")}
        details = [
            _("%(field)s: %(changes)s")
            % {"field": label, "changes": word_changes(area["changes"][field], markup)}
            for field, label in field_names.items()
            if field in area["changes"]
        ]
        if details:
            sentences.append(
                _("Outcome area %(name)s reworded (%(details)s).")
                % {"name": strong(markup(area["name"])), "details": "; ".join(details)}
            )
    if outcomes["removed"]:
        names = [strong(markup(area["name"])) for area in outcomes["removed"]]
        sentences.append(
            ngettext(
                "Outcome area removed: %(names)s.", "Outcome areas removed: %(names)s.", len(names)
            )
            % {"names": join_words(names)}
        )
    minimum = requirements["min_outcome_areas"]
    if minimum is not None:
        if minimum["new"]:
            sentence = ngettext(
                "A city must now meet at least %(new)d outcome requirement",
                "A city must now meet at least %(new)d outcome requirements",
                minimum["new"],
            ) % {"new": minimum["new"]}
        else:
            sentence = _("A city no longer has to meet an outcome requirement")
        if minimum["old"]:
            sentence += _(" (was %(old)d).") % {"old": minimum["old"]}
        else:
            sentence += _(" (no outcome was required before).")
        sentences.append(sentence)
    return sentences


def practice_area_sentences(data: dict, *, markup=md_escape) -> list[str]:
    areas = data["practice_areas"]
    sentences = [
        _("New practice area %(area)s.")
        % {"area": "{} {}".format(markup(area["code"]), markup(area["name"]))}
        for area in areas["added"]
    ]
    for area in areas["changed"]:
        changes = area["changes"]
        label = "{} {}".format(markup(area["code"]), markup(area["name"]))
        if "code" in changes:
            sentences.append(
                _("Practice area %(old)s is now %(new)s.")
                % {"old": markup(changes["code"]["old"]), "new": markup(changes["code"]["new"])}
            )
        if "name" in changes:
            sentences.append(
                _("Practice area %(code)s renamed from %(old)s to %(new)s.")
                % {
                    "code": markup(area["code"]),
                    "old": quote(changes["name"]["old"], markup),
                    "new": quote(changes["name"]["new"], markup),
                }
            )
        if "description" in changes:
            sentences.append(
                _("Description of %(area)s: %(changes)s")
                % {"area": label, "changes": word_changes(changes["description"], markup)}
            )
        if "position" in changes:
            sentences.append(
                _("%(area)s is now practice area number %(new)d (was %(old)d).")
                % {
                    "area": label,
                    "new": changes["position"]["new"] + 1,
                    "old": changes["position"]["old"] + 1,
                }
            )
    sentences += [
        _("Practice area %(area)s was removed.")
        % {"area": "{} {}".format(markup(area["code"]), markup(area["name"]))}
        for area in areas["removed"]
    ]
    return sentences
