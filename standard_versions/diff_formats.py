"""A version diff (its JSON form) for people: a Markdown changelog and an HTML redline.

Both read only the dictionary ``VersionDiff.to_dict()`` returns, so the API, the CLI and any
stored diff render the same way. Every piece of Standard text is escaped before it is wrapped in
markup; headings and sentences are translatable.
"""

import re

from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Characters with a meaning in Markdown inline text (raw HTML included).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>~|#])")


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _quote(text: str, markup=_md) -> str:
    return f"“{markup(text)}”"


def _join(items: list[str]) -> str:
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


def word_changes(change: dict, markup=_md) -> str:
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


def _criterion(item: dict) -> str:
    return "**{code}** {title}".format(code=_md(item["code"]), title=_md(item["title"]))


def _area(ref: dict) -> str:
    return "{name} ({code})".format(name=_md(ref["name"]), code=_md(ref["code"]))


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
    sentence = _join(parts)
    return sentence[0].upper() + sentence[1:] + "."


def _title(data: dict) -> str:
    return _("Changes from version %(old)s to version %(new)s") % {
        "old": data["from"]["label"],
        "new": data["to"]["label"],
    }


def _is_empty(data: dict) -> bool:
    summary = data["summary"]
    return not any(value for name, value in summary.items())


# --- requirements, in sentences ---------------------------------------------------------------


def requirement_sentences(data: dict, *, markup=_md, strong=None) -> list[str]:
    """Each change of the certification requirements as one sentence."""
    strong = strong or (lambda text: f"**{text}**")
    requirements = data["requirements"]
    sentences = []
    core = requirements["core_criteria"]
    if core["added"]:
        codes = [strong(markup(ref["code"])) for ref in core["added"]]
        sentences.append(
            ngettext(
                "%(codes)s is now a core criterion: a city must meet it to be certified.",
                "%(codes)s are now core criteria: a city must meet them to be certified.",
                len(codes),
            )
            % {"codes": _join(codes)}
        )
    if core["removed"]:
        codes = [strong(markup(ref["code"])) for ref in core["removed"]]
        sentences.append(
            ngettext(
                "%(codes)s is no longer a core criterion.",
                "%(codes)s are no longer core criteria.",
                len(codes),
            )
            % {"codes": _join(codes)}
        )
    levels = requirements["levels"]
    for level in levels["added"]:
        sentences.append(
            _("New level %(name)s, from %(percent)d %% of the criteria.")
            % {"name": strong(markup(level["name"])), "percent": level["min_percent"]}
        )
    for level in levels["changed"]:
        name = strong(markup(level["name"]))
        if "min_percent" in level["changes"]:
            change = level["changes"]["min_percent"]
            sentences.append(
                _("%(name)s now starts at %(new)d %% of the criteria (was %(old)d %%).")
                % {"name": name, "new": change["new"], "old": change["old"]}
            )
        if "name" in level["changes"]:
            change = level["changes"]["name"]
            sentences.append(
                _("The level %(old)s is now called %(new)s.")
                % {"old": strong(markup(change["old"])), "new": name}
            )
    for level in levels["removed"]:
        sentences.append(
            _("The level %(name)s (from %(percent)d %%) was removed.")
            % {"name": strong(markup(level["name"])), "percent": level["min_percent"]}
        )
    outcomes = requirements["outcome_areas"]
    if outcomes["added"]:
        names = [strong(markup(area["name"])) for area in outcomes["added"]]
        sentences.append(
            ngettext("New outcome area: %(names)s.", "New outcome areas: %(names)s.", len(names))
            % {"names": _join(names)}
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
            % {"names": _join(names)}
        )
    minimum = requirements["min_outcome_areas"]
    if minimum is not None:
        if minimum["new"]:
            sentence = ngettext(
                "A city must now show progress in at least %(new)d outcome area",
                "A city must now show progress in at least %(new)d outcome areas",
                minimum["new"],
            ) % {"new": minimum["new"]}
        else:
            sentence = _("A city no longer has to show progress in an outcome area")
        if minimum["old"]:
            sentence += _(" (was %(old)d).") % {"old": minimum["old"]}
        else:
            sentence += _(" (no outcome was required before).")
        sentences.append(sentence)
    return sentences


# --- Markdown ---------------------------------------------------------------------------------


def _section(lines: list[str], heading: str, items: list[str]) -> None:
    if items:
        lines += ["", "## " + heading, "", *items]


def diff_to_markdown(data: dict) -> str:
    """Release notes: what was added, removed, renumbered, moved, reordered and reworded, and how
    the certification requirements changed."""
    lines = ["# " + _title(data), "", summary_sentence(data)]
    if _is_empty(data):
        return "\n".join([*lines, ""])

    added = []
    for index, item in enumerate(data["added"]):
        area = item["practice_area"]
        if index == 0 or data["added"][index - 1]["practice_area"]["key"] != area["key"]:
            added += ["" if added else None, "### " + _area(area), ""]
        added.append(
            "- {criterion}: {description}".format(
                criterion=_criterion(item), description=_md(item["description"])
            )
        )
    _section(lines, _("Added criteria"), [line for line in added if line is not None])
    _section(
        lines,
        _("Removed criteria"),
        [
            "- {criterion} _({area})_".format(
                criterion=_criterion(item), area=_area(item["practice_area"])
            )
            for item in data["removed"]
        ],
    )
    changed = data["changed"]
    _section(
        lines,
        _("Renumbered criteria"),
        [
            _("- **%(old)s** is now **%(new)s**: %(title)s")
            % {"old": _md(item["old_code"]), "new": _md(item["code"]), "title": _md(item["title"])}
            for item in changed
            if "code" in item["changes"] and "practice_area" not in item["changes"]
        ],
    )
    _section(
        lines,
        _("Moved criteria"),
        [
            _("- **%(old)s** %(title)s moved from %(from)s to %(to)s, now **%(new)s**.")
            % {
                "old": _md(item["old_code"]),
                "new": _md(item["code"]),
                "title": _md(item["title"]),
                "from": _area(item["changes"]["practice_area"]["old"]),
                "to": _area(item["changes"]["practice_area"]["new"]),
            }
            for item in changed
            if "practice_area" in item["changes"]
        ],
    )
    _section(
        lines,
        _("Reordered criteria"),
        [
            _("- %(criterion)s is now number %(new)d in %(area)s (was number %(old)d).")
            % {
                "criterion": _criterion(item),
                "new": item["changes"]["position"]["new"] + 1,
                "old": item["changes"]["position"]["old"] + 1,
                "area": _area(item["practice_area"]),
            }
            for item in changed
            if "position" in item["changes"] and "practice_area" not in item["changes"]
        ],
    )
    reworded = []
    for item in changed:
        if "title" not in item["changes"] and "description" not in item["changes"]:
            continue
        reworded.append("- " + _criterion(item))
        if "title" in item["changes"]:
            title = item["changes"]["title"]
            reworded.append(
                _("  - Title: %(old)s is now %(new)s")
                % {"old": _quote(title["old"]), "new": _quote(title["new"])}
            )
        if "description" in item["changes"]:
            reworded.append(
                _("  - Description: %(changes)s")
                % {"changes": word_changes(item["changes"]["description"])}
            )
    _section(lines, _("Reworded criteria"), reworded)
    _section(lines, _("Practice areas"), ["- " + s for s in practice_area_sentences(data)])
    _section(
        lines, _("Certification requirements"), ["- " + s for s in requirement_sentences(data)]
    )
    return "\n".join([*lines, ""])


def practice_area_sentences(data: dict, *, markup=_md) -> list[str]:
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
                    "old": _quote(changes["name"]["old"], markup),
                    "new": _quote(changes["name"]["new"], markup),
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


# --- HTML redline -----------------------------------------------------------------------------


def redline(ops: list[dict]) -> str:
    """Escaped text with deletions in ``<del>`` and insertions in ``<ins>``."""
    tags = {"equal": "%s", "delete": "<del>%s</del>", "insert": "<ins>%s</ins>"}
    return "".join(tags[op["op"]] % escape(op["text"]) for op in ops)


def _text_html(item: dict, field: str, current: str) -> str:
    change = item.get("changes", {}).get(field)
    return redline(change["ops"]) if change else escape(current)


def _criterion_html(item: dict, kind: str) -> str:
    code, title, description = escape(item["code"]), escape(item["title"]), ""
    notes = []
    if kind == "added":
        heading = f"<ins>{code} {title}</ins>"
        description = "<ins>{}</ins>".format(escape(item["description"]))
    elif kind == "removed":
        heading = f"<del>{code} {title}</del>"
        description = "<del>{}</del>".format(escape(item["description"]))
    else:
        changes = item["changes"]
        if "code" in changes:
            code = "<del>{}</del> <ins>{}</ins>".format(
                escape(item["old_code"]), escape(item["code"])
            )
        heading = "{} {}".format(code, _text_html(item, "title", item["title"]))
        if "description" in changes:
            description = redline(changes["description"]["ops"])
        if "practice_area" in changes:
            old = changes["practice_area"]["old"]
            notes.append(
                _("Moved here from %(area)s.")
                % {"area": escape("{} {}".format(old["code"], old["name"]))}
            )
        elif "position" in changes:
            notes.append(
                _("Now number %(new)d in this practice area (was number %(old)d).")
                % {"new": changes["position"]["new"] + 1, "old": changes["position"]["old"] + 1}
            )
    parts = [
        '<article class="diff-criterion diff-{}" id="diff-{}">'.format(kind, escape(item["key"])),
        f"<h4>{heading}</h4>",
        *[f'<p class="diff-note">{note}</p>' for note in notes],
    ]
    if description:
        parts.append(f'<p class="diff-text">{description}</p>')
    parts.append("</article>")
    return "\n".join(parts)


def diff_to_html(data: dict) -> str:
    """A redline fragment: one section per practice area with its added, changed and removed
    criteria, then the practice-area and requirement changes."""
    groups: dict[str, dict] = {}
    for kind, items in (("added", data["added"]), ("changed", data["changed"])):
        for item in items:
            group = groups.setdefault(item["practice_area"]["key"], {"ref": item["practice_area"]})
            group.setdefault(kind, []).append(item)
    for item in data["removed"]:
        group = groups.setdefault(item["practice_area"]["key"], {"ref": item["practice_area"]})
        group.setdefault("removed", []).append(item)

    parts = [
        '<div class="diff" data-from="{}" data-to="{}">'.format(
            escape(data["from"]["label"]), escape(data["to"]["label"])
        ),
        f"<h2>{escape(_title(data))}</h2>",
        f'<p class="diff-summary">{escape(summary_sentence(data))}</p>',
    ]
    for key, group in groups.items():
        ref = group["ref"]
        parts.append(f'<section class="diff-area" id="diff-area-{escape(key)}">')
        parts.append("<h3>{} {}</h3>".format(escape(ref["code"]), escape(ref["name"])))
        for kind in ("added", "changed", "removed"):
            parts += [_criterion_html(item, kind) for item in group.get(kind, [])]
        parts.append("</section>")
    area_sentences = practice_area_sentences(data, markup=escape)
    if area_sentences:
        parts.append('<section class="diff-practice-areas">')
        parts.append("<h3>{}</h3>".format(escape(_("Practice areas"))))
        parts.append("<ul>{}</ul>".format("".join(f"<li>{s}</li>" for s in area_sentences)))
        parts.append("</section>")
    sentences = requirement_sentences(
        data, markup=escape, strong=lambda text: f"<strong>{text}</strong>"
    )
    if sentences:
        parts.append('<section class="diff-requirements">')
        parts.append("<h3>{}</h3>".format(escape(_("Certification requirements"))))
        parts.append("<ul>{}</ul>".format("".join(f"<li>{s}</li>" for s in sentences)))
        parts.append("</section>")
    parts.append("</div>")
    return "\n".join(parts) + "\n"
