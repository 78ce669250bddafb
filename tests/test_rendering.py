"""Markdown is rendered safely: no raw HTML, no javascript: links, size capped."""

import pytest
from django.test import override_settings

from standard_versions.text.rendering import MarkdownTooLong, render_markdown


def test_markdown_is_rendered():
    assert render_markdown("Some **bold** text") == "<p>Some <strong>bold</strong> text</p>\n"


def test_raw_html_is_escaped_not_passed_through():
    html = render_markdown("<script>alert(1)</script> <img src=x onerror=alert(1)>")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_javascript_links_are_not_made_links():
    html = render_markdown("[click](javascript:alert(1))")
    assert "href" not in html


def test_urls_are_not_linkified():
    assert "<a" not in render_markdown("see https://example.org")


@override_settings(MARKDOWN_MAX_CHARS=100)
def test_oversized_markdown_is_refused():
    render_markdown.cache_clear()
    with pytest.raises(MarkdownTooLong):
        render_markdown("x" * 101)
