"""The interface and API message catalogs (locale/<lang>/LC_MESSAGES/django.po), with Babel only.

Extraction reads Python with Babel's extractor (Django's lazy and contextual gettext names added)
and Django templates by turning them into Python with Django's own ``templatize`` first, so
``{% translate %}`` and ``{% blocktranslate %}`` are found exactly as ``makemessages`` would find
them. Merging never guesses (no fuzzy matching); compiling writes .mo files with Babel, so no GNU
gettext is needed anywhere.
"""

import io
import os
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir, extract_python
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

BASE_DIR = Path(__file__).resolve().parents[2]
LOCALE_DIR = BASE_DIR / "locale"
DOMAIN = "django"
CATALOG_LOCALES = ("es", "pt_BR")
SOURCE_DIRS = ("backend", "standard_versions")

HEADER_COMMENT = (
    "# Interface and API messages of the WWC Standard service.\n"
    "# Update with `make messages` (Babel extraction and merge); compiled with Babel by make."
)

KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext_lazy": (1, 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext_lazy": ((1, "c"), 2, 3),
}

METHOD_MAP = [
    ("**/migrations/**", "ignore"),
    ("**.py", "python"),
    ("**/templates/**.html", "standard_versions.translations.catalogs:extract_django_template"),
    ("**/templates/**.txt", "standard_versions.translations.catalogs:extract_django_template"),
]


def extract_django_template(fileobj, keywords, comment_tags, options):
    """Babel extractor for Django templates: ``templatize`` turns the translatable parts into
    gettext calls (with the template's line numbers), which Babel's Python extractor reads.

    Each line's leading white space is dropped: templatize keeps a template's indentation, and
    an include that starts indented would be an IndentationError to Python's tokenizer. Its
    gettext calls are one line each (their strings are written with repr), so nothing else
    changes."""
    from django.utils.translation.template import templatize

    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    python = "\n".join(line.lstrip() for line in templatize(source).split("\n"))
    yield from extract_python(io.BytesIO(python.encode("utf-8")), keywords, comment_tags, {})


def extract_messages() -> Catalog:
    """Every translatable message of the code and templates, as a template catalog."""
    catalog = Catalog(project="WWC Standard service", fuzzy=False)
    for directory in SOURCE_DIRS:
        root = BASE_DIR / directory
        for filename, lineno, message, comments, context in extract_from_dir(
            root, method_map=METHOD_MAP, keywords=KEYWORDS, comment_tags=("Translators:",)
        ):
            catalog.add(
                message,
                None,
                [(f"{directory}/{filename}", lineno)],
                auto_comments=comments,
                context=context,
            )
    return catalog


def catalog_path(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(locale: str) -> Catalog:
    with catalog_path(locale).open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def _atomic_write(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def update_catalogs() -> dict[str, int]:
    """Re-extract and merge into every catalog (no fuzzy matching); returns untranslated counts."""
    template = extract_messages()
    untranslated = {}
    for locale in CATALOG_LOCALES:
        path = catalog_path(locale)
        if path.exists():
            catalog = read_catalog(locale)
        else:
            catalog = Catalog(locale=locale, domain=DOMAIN, fuzzy=False)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.project, catalog.version = template.project, "1"
        catalog.header_comment = HEADER_COMMENT
        catalog.obsolete.clear()
        _atomic_write(path, lambda stream, c=catalog: write_po(stream, c, width=100))
        untranslated[locale] = sum(1 for m in catalog if m.id and not m.string)
    return untranslated


def compile_catalogs() -> list[Path]:
    """Write the .mo file of every catalog (atomically: parallel test workers may race)."""
    written = []
    for locale in CATALOG_LOCALES:
        catalog = read_catalog(locale)
        target = catalog_path(locale).with_suffix(".mo")
        _atomic_write(target, lambda stream, c=catalog: write_mo(stream, c, use_fuzzy=False))
        written.append(target)
    return written


def catalogs_need_compiling() -> bool:
    for locale in CATALOG_LOCALES:
        source, compiled = catalog_path(locale), catalog_path(locale).with_suffix(".mo")
        if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
            return True
    return False


def catalog_problems() -> list[str]:
    """Why the catalogs are out of date with the code: messages missing from a catalog,
    untranslated or fuzzy, or whose placeholders differ from the English."""
    template = extract_messages()
    problems = []
    for locale in CATALOG_LOCALES:
        catalog = read_catalog(locale)
        for message in template:
            if not message.id:
                continue
            where = f"{locale}: {message.context + ' | ' if message.context else ''}{message.id!r}"
            translated = catalog.get(message.id, context=message.context)
            if translated is None:
                problems.append(f"{where} is missing (run make messages)")
            elif not translated.string or (
                isinstance(translated.string, tuple | list) and not all(translated.string)
            ):
                problems.append(f"{where} is untranslated")
            elif translated.fuzzy:
                problems.append(f"{where} is fuzzy")
        for message, errors in catalog.check():
            for error in errors:
                problems.append(f"{locale}: {message.id!r}: {error}")
    return problems


if __name__ == "__main__":
    # `python -m standard_versions.translations.catalogs compile`: Babel only, no Django settings.
    import sys

    if sys.argv[1:] != ["compile"]:
        sys.exit("usage: python -m standard_versions.translations.catalogs compile")
    for compiled in compile_catalogs():
        print(f"compiled {compiled.relative_to(BASE_DIR)}")
