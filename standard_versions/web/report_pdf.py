"""HTML to PDF with WeasyPrint, for the disposition report's board-pack PDF.

The HTML is ours (a template of escaped text and the charts' SVG); WeasyPrint is still given a
URL fetcher that fetches nothing, so no markup in a comment could make the server read a file or
a URL while it renders."""

from weasyprint import HTML


def _no_fetching(url: str, *args, **kwargs):
    raise ValueError(f"The report's PDF loads nothing: {url[:80]}")


def html_to_pdf(html: str) -> bytes:
    return HTML(string=html, url_fetcher=_no_fetching, base_url="about:blank").write_pdf()
