"""``?format=html`` and ``?format=markdown`` for the version diff: DRF renderers over the JSON form,
so DRF's own ``format`` handling picks them and the schema documents them."""

from collections.abc import Callable

from rest_framework.renderers import BaseRenderer

from standard_versions.diff.formats import diff_to_html, diff_to_markdown


class _DiffTextRenderer(BaseRenderer):
    """The diff's JSON form as the text ``to_text`` makes of it, in UTF-8."""

    charset = "utf-8"
    to_text: Callable[[dict], str]  # set by each renderer

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return self.to_text(data).encode(self.charset)


class DiffHTMLRenderer(_DiffTextRenderer):
    """A redline fragment: ``<ins>``/``<del>`` over escaped text, by practice area."""

    media_type = "text/html"
    format = "html"
    to_text = staticmethod(diff_to_html)


class DiffMarkdownRenderer(_DiffTextRenderer):
    """A changelog in Markdown, for release notes: the comments behind the changes link to their
    receipts by absolute URL on the site the request came to (this body is not cached)."""

    media_type = "text/markdown"
    format = "markdown"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        request = (renderer_context or {}).get("request")
        base_url = request.build_absolute_uri("/").rstrip("/") if request is not None else ""
        return diff_to_markdown(data, base_url=base_url).encode(self.charset)
