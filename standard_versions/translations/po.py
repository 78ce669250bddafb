"""PO catalogs of a version's content, for translators: build one, and read one back.

One entry per translatable field: ``msgctxt`` is ``<type>:<key>:<field>`` (``criterion:dm1:title``),
``msgid`` the current English, ``msgstr`` the translation. A stale translation is written
``#, fuzzy`` with the English it was made from as ``#| msgctxt``/``#| msgid`` lines, as msgmerge
writes them. The header names the language (``Language: es`` or ``pt_BR``), the standard and
version (``X-Standard``, ``X-Standard-Version``) and the default status of the entries
(``X-Translation-Status: draft|reviewed``); an entry whose status differs carries the flag
``draft`` or ``reviewed``.

Nothing here touches the database: the services resolve the entries against a version.
"""

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, normalize, read_po, unescape

from standard_versions.text.problems import Problem
from standard_versions.translations.i18n import BABEL_LOCALE

STATUS_HEADER = "X-Translation-Status"
STANDARD_HEADER = "X-Standard"
VERSION_HEADER = "X-Standard-Version"
STATUSES = ("draft", "reviewed")
FILENAME_RE = re.compile(
    r"^(?P<standard>[a-z0-9][a-z0-9-]*?)-(?P<label>[0-9A-Za-z][0-9A-Za-z.-]*)\."
    r"(?P<language>es|pt_BR|pt-BR)\.po$"
)
# Placeholders a translation must keep: %(name)s and {name}. Bare "%" is ordinary text in the
# Standard ("51% of criteria"), so Babel's python-format guess is not used for content.
PLACEHOLDER_RE = re.compile(r"%\([A-Za-z_]\w*\)[-#0 +]*\d*(?:\.\d+)?[sdifrx]|\{[A-Za-z_]\w*\}")


class ContentCatalog(Catalog):
    """A Babel catalog that also writes our own ``X-`` headers."""

    def __init__(self, *args, extra_headers: list[tuple[str, str]] = (), **kwargs):
        self.extra_headers = list(extra_headers)
        super().__init__(*args, **kwargs)

    @property
    def mime_headers(self):
        standard = [(name, value.rstrip("\n")) for name, value in self._get_mime_headers()]
        return [*standard, *self.extra_headers]

    @mime_headers.setter
    def mime_headers(self, headers):
        self._set_mime_headers(headers)


def language_of_header(value: str | None) -> str | None:
    """``es`` or ``pt-BR`` for a PO ``Language`` header naming one of them exactly."""
    if not value:
        return None
    return {"es": "es", "pt_br": "pt-BR", "pt-br": "pt-BR"}.get(value.strip().lower())


@dataclass
class ExportEntry:
    context: str
    english: str
    text: str = ""
    status: str | None = None
    stale_source: str | None = None
    comment: str = ""


def write_content_catalog(
    *, entries: list[ExportEntry], language: str, standard: str, label: str
) -> bytes:
    translated = [entry for entry in entries if entry.text and entry.stale_source is None]
    default_status = (
        "reviewed" if translated and all(e.status == "reviewed" for e in translated) else "draft"
    )
    catalog = ContentCatalog(
        locale=BABEL_LOCALE[language],
        project=f"WWC Standard {standard}",
        version=label,
        fuzzy=False,
        extra_headers=[
            (STANDARD_HEADER, standard),
            (VERSION_HEADER, label),
            (STATUS_HEADER, default_status),
        ],
    )
    lines = [
        f"# {standard} {label}: content translations ({language}).",
        "# Written by manage.py export_translations; read back by import_translations.",
        "# msgctxt is <type>:<key>:<field>; see docs/translations.md.",
        *_entry_lines(msgid="", msgstr=_header_text(catalog.mime_headers)),
    ]
    for entry in entries:
        flags = set()
        if entry.stale_source is not None:
            flags.add("fuzzy")
        if entry.text and entry.status and entry.status != default_status:
            flags.add(entry.status)
        lines.append("")
        lines.extend(f"#. {line}" for line in entry.comment.splitlines())
        if flags:
            lines.append("#, " + ", ".join(sorted(flags)))
        if entry.stale_source is not None:
            # The context never changes (it names the field), so the previous one is the same.
            lines.extend(
                _entry_lines(context=entry.context, msgid=entry.stale_source, prefix="#| ")
            )
        lines.extend(_entry_lines(context=entry.context, msgid=entry.english, msgstr=entry.text))
    return ("\n".join(lines) + "\n").encode("utf-8")


# Babel's write_po cannot be used: it passes the previous msgid (``#|``) through a text wrapper
# that joins its lines, so a multi-line previous English came out as one broken comment that
# msgfmt, msgcat and translate-toolkit refuse or misread (and it never writes ``#| msgctxt``),
# and it ends the header without a newline. So entries are written here, as gettext writes them,
# each string quoted and wrapped by Babel's ``normalize``.
WIDTH = 100


def _header_text(headers: list[tuple[str, str]]) -> str:
    """The header entry's msgstr: every line ends with a newline, the last one too (msgfmt)."""
    return "".join(f"{name}: {value}\n" for name, value in headers)


def _entry_lines(
    *, msgid: str, msgstr: str | None = None, context: str | None = None, prefix: str = ""
) -> list[str]:
    def keyword(name: str, value: str) -> str:
        # normalize's own prefix counts once per word when wrapping, so it is added here.
        first, *rest = normalize(value, width=WIDTH - len(prefix)).split("\n")
        return "\n".join([f"{prefix}{name} {first}", *(prefix + line for line in rest)])

    parts = []
    if context is not None:
        parts.append(keyword("msgctxt", context))
    parts.append(keyword("msgid", msgid))
    if msgstr is not None:
        parts.append(keyword("msgstr", msgstr))
    return "\n".join(parts).split("\n")


@dataclass
class PoEntry:
    context: str | None
    msgid: str
    msgstr: str
    flags: set[str]
    previous_msgid: str | None
    line: int | None
    plural: bool = False


@dataclass
class ParsedCatalog:
    name: str
    headers: dict[str, str] = field(default_factory=dict)
    entries: list[PoEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def filename_parts(self) -> dict[str, str] | None:
        match = FILENAME_RE.match(Path(self.name).name)
        return match.groupdict() if match else None


_HEADER_RE = re.compile(r'^msgid ""\s*\nmsgstr\s*((?:"(?:[^"\\\n]|\\.)*"\s*\n?)+)', re.MULTILINE)
_QUOTED_RE = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def _headers(text: str) -> dict[str, str]:
    """Every header of the catalog, including the ``X-`` ones Babel does not keep."""
    match = _HEADER_RE.search(text)
    if match is None:
        return {}
    body = "".join(unescape(f'"{part}"') for part in _QUOTED_RE.findall(match.group(1)))
    headers = {}
    for line in body.split("\n"):
        name, colon, value = line.partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()
    return headers


def _previous_msgid(user_comments: list[str]) -> str | None:
    parts, inside = [], False
    for comment in user_comments:
        if not comment.startswith("|"):
            continue
        line = comment[1:].strip()
        if line.startswith("msgid "):
            inside, line = True, line[len("msgid ") :]
        elif not line.startswith('"'):
            inside = False
        if inside:
            parts.extend(_QUOTED_RE.findall(line))
    return "".join(unescape(f'"{part}"') for part in parts) if parts else None


def parse_content_catalog(data: bytes | str, *, name: str) -> ParsedCatalog:
    """Read a PO file without judging it against any version; unreadable files are a problem."""
    parsed = ParsedCatalog(name=name)
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            parsed.problems.append(Problem(name, f"not UTF-8 ({error.reason})"))
            return parsed
    else:
        text = data
    if "\x00" in text:
        parsed.problems.append(Problem(name, "contains a NUL character"))
        return parsed
    parsed.headers = _headers(text)
    try:
        catalog = read_po(io.StringIO(text), abort_invalid=True, ignore_obsolete=True)
    except (PoFileError, ValueError, LookupError) as error:
        parsed.problems.append(Problem(name, f"not a readable PO file ({error})"))
        return parsed
    for message in catalog:
        if not message.id:
            continue
        plural = isinstance(message.id, list | tuple)
        msgid = message.id[0] if plural else message.id
        msgstr = message.string if isinstance(message.string, str) else ""
        parsed.entries.append(
            PoEntry(
                context=message.context,
                msgid=msgid,
                msgstr=msgstr,
                flags=set(message.flags),
                previous_msgid=_previous_msgid(message.user_comments),
                line=message.lineno,
                plural=plural,
            )
        )
    return parsed


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER_RE.findall(text))
