"""A version diff (its JSON form) for people: a Markdown changelog and an HTML redline.

Both read only the dictionary ``VersionDiff.to_dict()`` returns, so the API, the CLI and any
stored diff render the same way. Every piece of Standard text is escaped before it is wrapped in
markup; headings and sentences are translatable.
"""

from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from standard_versions.diff.sentences import (
    diff_title,
    is_empty_diff,
    md_area,
    md_criterion,
    md_escape,
    practice_area_sentences,
    quote,
    reconstruction_caveat_sentence,
    requirement_sentences,
    summary_sentence,
    translation_caveat_sentence,
    word_changes,
)

# --- the comments behind the changes -------------------------------------------------------------


def comments_by_part(data: dict) -> dict[tuple[str, str], list[dict]]:
    """The diff's ``comments`` grouped by the part they led to: (target, key) -> comments, each
    comment once per part (two links of one comment to one part, in two versions, count once)."""
    grouped: dict[tuple[str, str], list[dict]] = {}
    for comment in data.get("comments", ()):
        group = grouped.setdefault((comment["target"], comment["key"]), [])
        if all(other["tracking_id"] != comment["tracking_id"] for other in group):
            group.append(comment)
    return grouped


def _part_names(data: dict) -> dict[tuple[str, str], str]:
    """How the Markdown names each changed part: "**C1.2** Title", "Practice area (PA1)"."""
    names = {("requirements", ""): _("Certification requirements")}
    for item in [*data["added"], *data["changed"]]:
        names[("criterion", item["key"])] = md_criterion(item)
    areas = data["practice_areas"]
    for area in [*areas["added"], *areas["changed"]]:
        names[("practice_area", area["key"])] = md_area(area)
    return names


def _md_comment_links(comments: list[dict], base_url: str) -> str:
    return ", ".join(
        "[{id}]({url})".format(id=md_escape(c["tracking_id"]), url=base_url + c["receipt_path"])
        for c in comments
    )


def _comments_section(lines: list[str], data: dict, base_url: str) -> None:
    names = _part_names(data)
    items = [
        _("- %(part)s: %(count)s, %(links)s")
        % {
            "part": names.get(part, md_escape(part[1])),
            "count": comment_count(len(comments)),
            "links": _md_comment_links(comments, base_url),
        }
        for part, comments in comments_by_part(data).items()
    ]
    _section(lines, _("The comments behind these changes"), items)


def comment_count(count: int) -> str:
    return ngettext("%(count)d comment", "%(count)d comments", count) % {"count": count}


# --- Markdown ---------------------------------------------------------------------------------


def _section(lines: list[str], heading: str, items: list[str]) -> None:
    if items:
        lines += ["", "## " + heading, "", *items]


def _codes_and_title(item: dict) -> dict:
    """A changed criterion's old and new codes and its title, escaped for Markdown."""
    return {
        "old": md_escape(item["old_code"]),
        "new": md_escape(item["code"]),
        "title": md_escape(item["title"]),
    }


def diff_to_markdown(data: dict, *, base_url: str = "") -> str:
    """Release notes: what was added, removed, renumbered, moved, reordered and reworded, how the
    certification requirements changed, and the public comments that led to those changes, each
    a link to its receipt (``base_url``, the site's origin, makes the links absolute)."""
    lines = ["# " + diff_title(data), "", summary_sentence(data)]
    for caveat in (reconstruction_caveat_sentence(data), translation_caveat_sentence(data)):
        if caveat:
            lines += ["", "> " + caveat]
    if is_empty_diff(data):
        return "\n".join([*lines, ""])

    added = []
    for index, item in enumerate(data["added"]):
        area = item["practice_area"]
        if index == 0 or data["added"][index - 1]["practice_area"]["key"] != area["key"]:
            added += ["" if added else None, "### " + md_area(area), ""]
        added.append(
            "- {criterion}: {description}".format(
                criterion=md_criterion(item), description=md_escape(item["description"])
            )
        )
    _section(lines, _("Added criteria"), [line for line in added if line is not None])
    _section(
        lines,
        _("Removed criteria"),
        [
            "- {criterion} _({area})_".format(
                criterion=md_criterion(item), area=md_area(item["practice_area"])
            )
            for item in data["removed"]
        ],
    )
    changed = data["changed"]
    _section(
        lines,
        _("Renumbered criteria"),
        [
            _("- **%(old)s** is now **%(new)s**: %(title)s") % _codes_and_title(item)
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
                **_codes_and_title(item),
                "from": md_area(item["changes"]["practice_area"]["old"]),
                "to": md_area(item["changes"]["practice_area"]["new"]),
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
                "criterion": md_criterion(item),
                "new": item["changes"]["position"]["new"] + 1,
                "old": item["changes"]["position"]["old"] + 1,
                "area": md_area(item["practice_area"]),
            }
            for item in changed
            if "position" in item["changes"] and "practice_area" not in item["changes"]
        ],
    )
    reworded = []
    for item in changed:
        if "title" not in item["changes"] and "description" not in item["changes"]:
            continue
        reworded.append("- " + md_criterion(item))
        if "title" in item["changes"]:
            title = item["changes"]["title"]
            reworded.append(
                _("  - Title: %(old)s is now %(new)s")
                % {"old": quote(title["old"]), "new": quote(title["new"])}
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
    _comments_section(lines, data, base_url)
    return "\n".join([*lines, ""])


# --- HTML redline -----------------------------------------------------------------------------


def redline(ops: list[dict]) -> str:
    """Escaped text with deletions in ``<del>`` and insertions in ``<ins>``."""
    tags = {"equal": "%s", "delete": "<del>%s</del>", "insert": "<ins>%s</ins>"}
    return "".join(tags[op["op"]] % escape(op["text"]) for op in ops)


def _text_html(item: dict, field: str, current: str) -> str:
    change = item.get("changes", {}).get(field)
    return redline(change["ops"]) if change else escape(current)


def comments_note_html(comments: list[dict]) -> str:
    """ "Changed in response to 2 comments: K5Q3…, …", each a link to its receipt page."""
    links = ", ".join(
        '<a href="{url}">{id}</a>'.format(
            url=escape(c["receipt_path"]), id=escape(c["tracking_id"])
        )
        for c in comments
    )
    return _("In response to %(count)s: %(links)s") % {
        "count": escape(comment_count(len(comments))),
        "links": links,
    }


def _criterion_html(item: dict, kind: str, comments: list[dict] | None = None) -> str:
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
    if comments:
        parts.append(f'<p class="diff-comments">{comments_note_html(comments)}</p>')
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

    behind = comments_by_part(data)
    parts = [
        '<div class="diff" data-from="{}" data-to="{}">'.format(
            escape(data["from"]["label"]), escape(data["to"]["label"])
        ),
        f"<h2>{escape(diff_title(data))}</h2>",
        f'<p class="diff-summary">{escape(summary_sentence(data))}</p>',
    ]
    for caveat in (
        reconstruction_caveat_sentence(data, markup=escape),
        translation_caveat_sentence(data, markup=escape),
    ):
        if caveat:
            parts.append(f'<p class="diff-caveat" role="note">{caveat}</p>')
    for key, group in groups.items():
        ref = group["ref"]
        parts.append(f'<section class="diff-area" id="diff-area-{escape(key)}">')
        parts.append("<h3>{} {}</h3>".format(escape(ref["code"]), escape(ref["name"])))
        for kind in ("added", "changed", "removed"):
            parts += [
                _criterion_html(item, kind, behind.get(("criterion", item["key"])))
                for item in group.get(kind, [])
            ]
        parts.append("</section>")
    area_sentences = practice_area_sentences(data, markup=escape)
    if area_sentences:
        parts.append('<section class="diff-practice-areas">')
        parts.append("<h3>{}</h3>".format(escape(_("Practice areas"))))
        parts.append("<ul>{}</ul>".format("".join(f"<li>{s}</li>" for s in area_sentences)))
        areas = data["practice_areas"]
        for area in [*areas["added"], *areas["changed"]]:
            comments = behind.get(("practice_area", area["key"]))
            if comments:
                parts.append(
                    '<p class="diff-comments">{} {}: {}</p>'.format(
                        escape(area["code"]), escape(area["name"]), comments_note_html(comments)
                    )
                )
        parts.append("</section>")
    sentences = requirement_sentences(
        data, markup=escape, strong=lambda text: f"<strong>{text}</strong>"
    )
    if sentences:
        parts.append('<section class="diff-requirements">')
        parts.append("<h3>{}</h3>".format(escape(_("Certification requirements"))))
        parts.append("<ul>{}</ul>".format("".join(f"<li>{s}</li>" for s in sentences)))
        if behind.get(("requirements", "")):
            note = comments_note_html(behind[("requirements", "")])
            parts.append(f'<p class="diff-comments">{note}</p>')
        parts.append("</section>")
    parts.append("</div>")
    return "\n".join(parts) + "\n"
