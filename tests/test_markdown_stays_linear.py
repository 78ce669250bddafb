"""Rendering costs work in proportion to the source, whatever it holds (issue 11, item 14), and
gives markdown-it-py's own output for ordinary Markdown.

The work is counted, not timed: each ``skipToken`` is one step of markdown-it-py's inline parser
(the link-label scans that made 20,000 ``[`` take seconds are made of them). Timings are in
``make bench ARGS=pathological_text``.
"""

import random

import pytest
from markdown_it import MarkdownIt

from standard_versions.text import rendering
from standard_versions.text.markdown_linear import MAX_AUTOCOMPLETED_CELLS, MAX_IMAGE_NESTING
from standard_versions.text.rendering import render_markdown
from tests.hypothesis_profiles import examples

N = 4000
BRACKET_TEXTS = {
    "a run of [": "[" * N,
    "a run of ![": "![" * (N // 2),
    "[![ repeated": "[![" * (N // 3),
    "[< repeated": "[<" * (N // 2),
    "[` repeated": "[`" * (N // 2),
    "[\\] repeated": "[\\]" * (N // 3),
    "[ nested around a word": "[" * (N // 3) + "a" + "]" * (N // 3),
    "images nested around a word": "![" * (N // 6) + "a" + "](u)" * (N // 6),
    "[ then ]() repeated": "[" * (N // 2) + "]()" * (N // 6),
}


@pytest.fixture
def inline_steps(monkeypatch):
    """The number of inline-parser steps (``skipToken`` calls) taken so far."""
    inline = rendering._markdown.inline
    skip_token = type(inline).skipToken
    steps = [0]

    def counting(state):
        steps[0] += 1
        return skip_token(inline, state)

    monkeypatch.setattr(inline, "skipToken", counting)
    render_markdown.cache_clear()
    yield steps
    render_markdown.cache_clear()


@pytest.mark.parametrize("source", BRACKET_TEXTS.values(), ids=BRACKET_TEXTS.keys())
def test_brackets_cost_at_most_three_parser_steps_per_character(inline_steps, source):
    render_markdown(source)
    assert inline_steps[0] <= 3 * len(source)


def test_twice_the_brackets_cost_at_most_twice_the_steps(inline_steps):
    render_markdown("[" * N)
    single = inline_steps[0]
    render_markdown("[" * (2 * N))
    assert inline_steps[0] - single <= 2 * single + 10


def _generated_texts(count: int, seed: int):
    pieces = [
        *"[[]]()!`<>*_\\ a\n:x",
        "](u)",
        "[r]",
        "\n\n[r]: /u\n",
        "![",
        "](",
        "<a>",
        "&amp;",
        "    ",
        "- ",
        "> ",
        "|",
        "\n-|-\n",
        '"t"',
        "<http://a>",
        "][]",
    ]
    generator = random.Random(seed)
    for _ in range(count):
        yield "".join(generator.choice(pieces) for _ in range(generator.randint(1, 80)))


def test_generated_markdown_renders_as_markdown_it_py_renders_it():
    reference = MarkdownIt("js-default")
    # 3,000 texts in CI, a quarter on a developer's machine (tests/hypothesis_profiles.py).
    for source in _generated_texts(examples(3000), seed=14):
        assert rendering._markdown.render(source) == reference.render(source), source


@pytest.mark.parametrize(
    "source",
    [
        "A [link](https://example.org), ![an image](i.png) and [a [nested] label](u).",
        "[ref] and [ref][] and [text][ref]\n\n[ref]: https://example.org 'Title'",
        "[not closed and [closed](u) and ![alt *em* [x]](i.png)",
        "![a ![b ![c](u)](u)](u)",
        "| a | b |\n|---|---|\n| 1 |\n| 2 | 3 |",
    ],
)
def test_ordinary_links_images_and_tables_render_as_markdown_it_py_renders_them(source):
    assert rendering._markdown.render(source) == MarkdownIt("js-default").render(source)


@pytest.mark.parametrize(
    "source",
    [
        "[" * 150 + "a",
        "[" * 150 + "a" + "]" * 150,
        "[" * 150 + "a](u)",
        "[" * 101 + "foo]()",
        "[" * 120 + "a" + "](u)" * 120,
        "[" * 300 + "]" + "[" * 300,
        "x [" * 200 + "] [a](b)",
    ],
)
def test_brackets_past_markdown_it_pys_nesting_limit_render_as_markdown_it_py_renders_them(source):
    assert rendering._markdown.render(source) == MarkdownIt("js-default").render(source)


def test_images_nest_at_most_eight_deep_and_the_rest_stays_text():
    depth = MAX_IMAGE_NESTING + 4
    html = render_markdown("![" * depth + "a" + "](u)" * depth)
    assert html.count("<img") == 1  # the outer image; the nested ones are its alt text
    tokens = rendering._markdown.parseInline("![" * depth + "a" + "](u)" * depth)[0].children
    nesting, level = 0, tokens
    while level and any(token.type == "image" for token in level):
        image = next(token for token in level if token.type == "image")
        nesting, level = nesting + 1, image.children
    assert nesting == MAX_IMAGE_NESTING


def test_images_nested_up_to_the_limit_render_as_markdown_it_py_renders_them():
    depth = MAX_IMAGE_NESTING
    source = "![" * depth + "a" + "](u)" * depth
    assert rendering._markdown.render(source) == MarkdownIt("js-default").render(source)


def test_a_table_pads_at_most_4096_missing_cells():
    columns = 1000
    source = "a|" * columns + "\n" + "-|" * columns + "\n" + "a\n" * 50
    html = render_markdown(source)
    assert html.count("<td></td>") <= MAX_AUTOCOMPLETED_CELLS == 4096
    assert html.count("<tr>") < 50  # the table ends where the limit is reached


def test_a_source_over_the_limit_is_still_refused(settings):
    render_markdown.cache_clear()
    with pytest.raises(rendering.MarkdownTooLong):
        render_markdown("[" * (settings.MARKDOWN_MAX_CHARS + 1))
