"""``?format=html`` and ``?format=markdown`` for the version diff: DRF renderers over the JSON form,
so DRF's own ``format`` handling picks them and the schema documents them."""

from rest_framework.renderers import BaseRenderer

from standard_versions.diff.formats import diff_to_html, diff_to_markdown


class DiffHTMLRenderer(BaseRenderer):
    """A redline fragment: ``<ins>``/``<del>`` over escaped text, by practice area."""

    media_type = "text/html"
    format = "html"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return diff_to_html(data).encode(self.charset)


class DiffMarkdownRenderer(BaseRenderer):
    """A changelog in Markdown, for release notes."""

    media_type = "text/markdown"
    format = "markdown"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return diff_to_markdown(data).encode(self.charset)
