"""Markdown to safe HTML.

markdown-it-py's ``js-default`` preset follows CommonMark with raw HTML disabled, so author text can
never inject markup; linkify stays off. Sources over ``MARKDOWN_MAX_CHARS`` are not rendered.
"""

from functools import lru_cache

from django.conf import settings
from markdown_it import MarkdownIt

_markdown = MarkdownIt("js-default")


class MarkdownTooLong(ValueError):
    pass


@lru_cache(maxsize=4096)
def render_markdown(source: str) -> str:
    if len(source) > settings.MARKDOWN_MAX_CHARS:
        raise MarkdownTooLong(
            f"Markdown source of {len(source)} characters exceeds {settings.MARKDOWN_MAX_CHARS}."
        )
    return _markdown.render(source)
