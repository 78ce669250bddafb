"""HTML to PDF with WeasyPrint, for the disposition report's board-pack PDF.

The HTML is ours (a template of escaped text and the charts' SVG); its style is report_pdf.css,
given to WeasyPrint as a stylesheet (the site's templates hold no inline style). WeasyPrint is
given a URL fetcher that fetches nothing, so no markup in a comment could make the server read
a file or a URL while it renders.

WeasyPrint is imported when a PDF is first rendered, not with this module: with Pango it takes
over a second and tens of megabytes to load, which every worker would otherwise pay at start
(through the URLconf), for a page few readers ask for."""

import hashlib
from pathlib import Path

_STYLE = (Path(__file__).with_name("report_pdf.css")).read_text()
# In the PDF's ETag: a change of the style is a new PDF.
STYLE_DIGEST = hashlib.sha256(_STYLE.encode()).hexdigest()[:8]


def _no_fetching(url: str, *args, **kwargs):
    raise ValueError(f"The report's PDF loads nothing: {url[:80]}")


def html_to_pdf(html: str) -> bytes:
    from weasyprint import CSS, HTML

    document = HTML(string=html, url_fetcher=_no_fetching, base_url="about:blank")
    return document.write_pdf(stylesheets=[CSS(string=_STYLE, url_fetcher=_no_fetching)])
