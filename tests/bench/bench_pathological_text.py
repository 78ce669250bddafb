"""Pathological descriptions (issue 11, item 14): saving, reading and diffing the worst texts found
at 20,000 characters (``MARKDOWN_MAX_CHARS``), next to an ordinary description of the same length.

Each row is one text A, saved by a staff PATCH into criterion DM7 of draft 3.1, and an edited copy B
(every 97th character replaced by ``x``) saved into draft 3.2, made from 3.1. Measured, each the
median of ``--runs=N`` (3) with every cache cleared before each run (the Markdown cache, the body
cache): the Markdown rendering alone; the PATCH of A (validation, storage, the response, which
renders A); a GET of the criterion, of the whole version tree and of the version page of 3.1; the
word diff of A and B alone; the diff API 3.1 -> 3.2 (JSON) and the compare page.

Two rows are ordinary, for comparison: prose (the shipped English) and dense Markdown (a list of
220 items, each with a link, emphasis and code). The last row is ordinary Markdown too, at its
most costly per character: one token after another. Target: every pathological row
within a small multiple (<= 5x) of the ordinary ones, and well under 0.5 s. Each row ends with its
largest ratio to the prose row and to the dense row.
``--rows=PART,PART`` runs the rows whose names contain one of the parts; ``--limit=SECONDS`` gives
up on a measure after that long (shown as ``> SECONDS s``).

Runs on a throw-away SQLite test database.
"""

import os
import random
import signal
import statistics
import time

LENGTH = 20_000
TREE = "/api/v1/standards/wwc/versions/{label}/"
CRITERION = "/api/v1/standards/wwc/versions/{label}/criteria/DM7/"
PAGE = "/standards/wwc/versions/{label}/"
DIFF = "/api/v1/standards/wwc/diff/?from=3.1&to=3.2"
COMPARE = "/standards/wwc/compare/?from=3.1&to=3.2"


def _fit(text: str) -> str:
    """``text`` repeated or cut to exactly LENGTH characters."""
    return (text * (LENGTH // max(1, len(text)) + 1))[:LENGTH]


def ordinary_text() -> str:
    """The shipped English of 2.0 and 3.0: the descriptions of the practice areas and criteria,
    paragraph after paragraph, then the criteria's titles as a list."""
    from standard_versions.models import Criterion, PracticeArea

    areas = PracticeArea.objects.order_by("version__label", "position")
    criteria = list(
        Criterion.objects.order_by("version__label", "practice_area__position", "position")
    )
    paragraphs = [area.description.strip() for area in areas if area.description.strip()]
    paragraphs += [criterion.description.strip() for criterion in criteria]
    titles = "\n".join(f"- {criterion.title}" for criterion in criteria)
    return _fit("\n\n".join(paragraphs) + "\n\n" + titles + "\n\n")


def dense_text() -> str:
    """Dense ordinary Markdown: a list whose every item has a link, emphasis and code."""
    return _fit(
        "".join(
            f"- Item {n}: see [the *open data* portal](https://example.org/data/{n}) and"
            f" `data-{n}.json`.\n"
            for n in range(1, 400)
        )
    )


def pathological_texts() -> dict[str, str]:
    """The worst inputs found for markdown-it-py and for the word diff, LENGTH characters each."""
    random.seed(11)
    k = LENGTH // 6
    columns = 2500
    table = "a|" * columns + "\n" + "-|" * columns + "\n"
    table += "a\n" * (65_536 // (columns - 1) + 1)
    words = "the city shall publish data on its open portal and report".split()
    return {
        "[ x 20,000": "[" * LENGTH,
        "![ x 10,000": _fit("!["),
        "[![ repeated": _fit("[!["),
        "[< repeated": _fit("[<"),
        "nested images ![![...a](u)](u)": ("![" * k + "a" + "](u)" * k).ljust(LENGTH, "a"),
        "nested links [[[...a]]]": _fit("[" * (LENGTH // 3) + "a" + "]" * (LENGTH // 3)),
        "table of 2,500 columns, short rows": table.ljust(LENGTH, "b"),
        "*_ repeated": _fit("*_"),
        "random [ and ]": "".join(random.choice("[]") for _ in range(LENGTH)),
        "11 words at random": _fit(" ".join(random.choice(words) for _ in range(LENGTH // 4))),
        "[] repeated": _fit("[]"),
        "list of 5,000 one-letter items": _fit("- a\n"),
    }


def edited(text: str) -> str:
    return "".join("x" if i % 97 == 48 else c for i, c in enumerate(text))


def _setup():
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-for-production")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ["DATABASE_URL"] = "sqlite:///bench-pathological.sqlite3"
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    return connection, connection.creation.create_test_db(verbosity=0, autoclobber=True)


def _clear_caches() -> None:
    from django.core.cache import cache

    from standard_versions.standards.head_memo import revalidation_heads
    from standard_versions.text.rendering import render_markdown

    cache.clear()
    revalidation_heads.clear()
    render_markdown.cache_clear()


class _TooSlow(Exception):
    pass


def _too_slow(signum, frame):
    raise _TooSlow


def _median(function, runs: int, *, before=None, limit: float = 0) -> float | None:
    """The median time of ``runs`` calls, or None when one takes over ``limit`` seconds (when
    given: the code before the fix took minutes to hours on some rows)."""
    samples = []
    for _ in range(runs):
        if before is not None:
            before()
        _clear_caches()
        started = time.perf_counter()
        if limit:
            signal.signal(signal.SIGALRM, _too_slow)
            signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            function()
        except _TooSlow:
            return None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def _cell(value: float | None, limit: float) -> str:
    if value is None:
        return f"> {limit:g} s".rjust(10)
    return f"{value * 1000:10.1f}"


def main(argv: list[str]) -> None:
    runs = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("--runs=")), 3)
    rows = next((a.split("=", 1)[1].split(",") for a in argv if a.startswith("--rows=")), None)
    limit = next((float(a.split("=", 1)[1]) for a in argv if a.startswith("--limit=")), 0)
    connection, old_name = _setup()
    try:
        _run(runs=runs, only=rows, limit=limit)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def _run(*, runs: int, only: list[str] | None, limit: float) -> None:
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from rest_framework.test import APIClient

    from standard_versions.diff.words import text_ops
    from standard_versions.roles import EDITORS
    from standard_versions.text.rendering import render_markdown

    call_command("load_standard", verbosity=0, stdout=open(os.devnull, "w"))
    editor = User.objects.create_user(username="bench-editor")
    editor.groups.add(Group.objects.get(name=EDITORS))
    staff = APIClient()
    staff.force_authenticate(editor)
    reader = APIClient()
    base = "/api/v1/standards/wwc/versions/"
    for label, based_on in (("3.1", "3.0"), ("3.2", "3.1")):
        response = staff.post(
            base,
            {"label": label, "title": label, "based_on": based_on, "reason": "bench"},
            format="json",
        )
        assert response.status_code == 201, response.content[:300]

    def patch(label: str, text: str) -> None:
        response = staff.patch(
            CRITERION.format(label=label), {"description": text, "reason": "bench"}, format="json"
        )
        assert response.status_code == 200, response.content[:300]

    def get(path: str) -> None:
        response = reader.get(path)
        assert response.status_code == 200, (path, response.content[:300])

    texts = {
        "ordinary (shipped English)": ordinary_text(),
        "ordinary, dense (220 items, links, code)": dense_text(),
        **pathological_texts(),
    }
    if only:
        texts = {name: text for name, text in texts.items() if any(part in name for part in only)}
    columns = (
        "render",
        "PATCH",
        "GET crit.",
        "GET tree",
        "page",
        "word diff",
        "diff API",
        "compare",
    )
    print(f"   {runs} runs each, median in ms; {LENGTH:,} characters per text")
    print(f"   {'text':38s}" + "".join(f"{c:>10s}" for c in columns) + "   worst x prose / dense")
    references: list[list[float]] = []  # the prose and the dense rows
    for name, text in texts.items():
        assert len(text) == LENGTH, (name, len(text))
        other = edited(text)
        figures = [
            _median(lambda text=text: render_markdown(text), runs, limit=limit),
            _median(
                lambda text=text: patch("3.1", text),
                runs,
                before=lambda: patch("3.1", "-"),
                limit=limit,
            ),
        ]
        patch("3.2", other)
        figures += [
            _median(lambda: get(CRITERION.format(label="3.1")), runs, limit=limit),
            _median(lambda: get(TREE.format(label="3.1")), runs, limit=limit),
            _median(lambda: get(PAGE.format(label="3.1")), runs, limit=limit),
            _median(lambda text=text, other=other: text_ops(text, other), runs, limit=limit),
            _median(lambda: get(DIFF), runs, limit=limit),
            _median(lambda: get(COMPARE), runs, limit=limit),
        ]
        if len(references) < 2:
            references.append(figures)
        ratios = []
        for reference in references:
            pairs = zip(figures, reference, strict=True)
            ratio = max((value or limit) / base for value, base in pairs if base is not None)
            ratios.append(f"{'>' if None in figures else ''}{ratio:.1f}x")
        print(
            f"   {name[:38]:38s}"
            + "".join(_cell(value, limit) for value in figures)
            + "   "
            + " / ".join(ratios),
            flush=True,
        )


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
