"""markdown-it-py, kept linear in its input (issue 11, item 14).

Three inputs made markdown-it-py's work grow far faster than the text:

- **Link labels.** At every ``[`` the link rule (and at every ``![`` the image rule) scans forward
  for the matching ``]``, one inline token at a time. On a run of ``[`` with no ``]`` each scan
  goes on until the parser's nesting limit (``maxNesting``, 100) stops it, so 20,000 ``[`` took
  about a hundred token steps per character (2.4 s). ``parse_link_label`` answers exactly as
  markdown-it-py's ``parseLinkLabel`` does, but walks each stretch of the text once: one scan
  settles every ``[`` it passes (their labels end at the ``]`` that closes them, or nowhere), and
  later scans reuse those answers.
- **Nested images.** An image's alt text is parsed again, in a fresh parser state, so images nested
  in images re-read their text once per level. ``image`` refuses an image nested more than
  ``MAX_IMAGE_NESTING`` deep; its ``![`` stays text (the alt text of the images around it is the
  same text either way).
- **Tables.** A row with fewer cells than the header is padded with empty cells, up to 65,536 per
  table in markdown-it-py: 2,500 header columns and 27 one-cell rows made 680 KB of HTML from
  20,000 characters. ``MAX_AUTOCOMPLETED_CELLS`` lowers that limit; past it the table ends there,
  as markdown-it-py's own limit does.

For ordinary Markdown the output is unchanged (``tests/test_markdown_stays_linear.py`` compares
it with markdown-it-py's own on many generated texts).
"""

import importlib
from types import SimpleNamespace

from markdown_it import MarkdownIt
from markdown_it import helpers as markdown_it_helpers
from markdown_it.rules_inline.image import image as markdown_it_image
from markdown_it.rules_inline.state_inline import StateInline

# The module, not the function its package exports under the same name.
table_rule = importlib.import_module("markdown_it.rules_block.table")

MAX_IMAGE_NESTING = 8
MAX_AUTOCOMPLETED_CELLS = 4096
_IMAGE_DEPTH = "_standard_versions_image_depth"


def parse_link_label(state: StateInline, start: int, disable_nested: bool = False) -> int:
    """markdown-it-py's ``parseLinkLabel``: the position of the ``]`` closing the label that opens
    at ``start`` (a ``[``), or -1; with ``disable_nested``, -1 also when the label holds a link.

    The original scans from ``start`` each time it is asked. The scan from an outer ``[`` passes
    every inner ``[`` that is plain text and then walks exactly the tokens the inner one's own
    scan would walk (token ends are cached per position), one bracket level deeper: so the inner
    label ends at the first ``]`` that brings the level back, or nowhere if the outer scan ends
    first. One walk therefore answers for every ``[`` on its way (a stack of the open ones), and an
    inner ``[`` already answered is jumped over. Answers are kept per parser state, for the same
    ``disable_nested`` and the same end of the text (``posMax``), which is what they depend on.
    A ``[`` with no ``]`` after it is answered at once: the scan could only end in -1, and so
    could any later scan that walked past it."""
    answers = getattr(state, "_link_labels", None)
    if answers is None:
        answers = state._link_labels = {}
    maximum = state.posMax
    known = answers.get((start, disable_nested, maximum))
    if known is not None:
        return known
    last_close = answers.get(maximum)
    if last_close is None:
        last_close = answers[maximum] = state.src.rfind("]", 0, maximum)
    if last_close <= start:  # no `]` after it: nothing can close it (nor any `[` after it)
        return -1
    skip_token = state.md.inline.skipToken
    src = state.src
    old_pos = state.pos
    state.pos = start + 1
    open_brackets: list[int] = []  # plain-text `[` passed and not yet closed, innermost last
    found = -1
    while state.pos < maximum:
        pos = state.pos
        marker = src[pos]
        if marker == "]":
            if not open_brackets:
                found = pos
                break
            answers[(open_brackets.pop(), disable_nested, maximum)] = pos
        skip_token(state)
        if marker != "[":
            continue
        if state.pos == pos + 1:  # a `[` of plain text, not the start of a token
            inner = answers.get((pos, disable_nested, maximum))
            if inner is None:
                open_brackets.append(pos)
            elif inner < 0:  # nothing closes it, so nothing closes the labels around it
                break
            else:  # walk on from the `]` that closes it, as the scan itself would
                state.pos = inner
                skip_token(state)
        elif disable_nested:
            break
    for pos in open_brackets:
        answers[(pos, disable_nested, maximum)] = -1
    answers[(start, disable_nested, maximum)] = found
    state.pos = old_pos
    return found


def image(state: StateInline, silent: bool) -> bool:
    """markdown-it-py's image rule, refusing images nested over ``MAX_IMAGE_NESTING`` deep."""
    if state.src[state.pos] != "!":
        return False
    depth = state.env.get(_IMAGE_DEPTH, 0)
    if depth >= MAX_IMAGE_NESTING:
        return False
    state.env[_IMAGE_DEPTH] = depth + 1
    try:
        return markdown_it_image(state, silent)
    finally:
        state.env[_IMAGE_DEPTH] = depth


def linear_markdown(preset: str = "js-default") -> MarkdownIt:
    """A MarkdownIt of ``preset`` with the three limits above."""
    markdown = MarkdownIt(preset)
    markdown.helpers = SimpleNamespace(
        parseLinkLabel=parse_link_label,
        parseLinkDestination=markdown_it_helpers.parseLinkDestination,
        parseLinkTitle=markdown_it_helpers.parseLinkTitle,
    )
    markdown.inline.ruler.at("image", image)
    # markdown-it-py reads its limit from the module when a table is parsed; this project has one
    # Markdown renderer, so lowering it here lowers it for that renderer.
    if not hasattr(table_rule, "MAX_AUTOCOMPLETED_CELLS"):
        raise RuntimeError("markdown-it-py no longer limits autocompleted table cells")
    table_rule.MAX_AUTOCOMPLETED_CELLS = MAX_AUTOCOMPLETED_CELLS
    return markdown
