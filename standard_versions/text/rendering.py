"""Markdown to safe HTML.

markdown-it-py's ``js-default`` preset follows CommonMark with raw HTML disabled, so author text can
never inject markup; linkify stays off. Sources over ``MARKDOWN_MAX_CHARS`` are not rendered, and
rendering costs time in proportion to the source (``markdown_linear``).
"""

from functools import lru_cache

from django.conf import settings

from standard_versions.text.markdown_linear import linear_markdown

# Linear in the source whatever it holds (runs of `[`, nested images, padded tables): see
# markdown_linear.py.
_markdown = linear_markdown("js-default")


class MarkdownTooLong(ValueError):
    pass


@lru_cache(maxsize=4096)
def render_markdown(source: str) -> str:
    if len(source) > settings.MARKDOWN_MAX_CHARS:
        raise MarkdownTooLong(
            f"Markdown source of {len(source)} characters exceeds {settings.MARKDOWN_MAX_CHARS}."
        )
    return _markdown.render(source)
