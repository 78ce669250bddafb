"""Find what a Content-Security-Policy without 'unsafe-inline' would block in an HTML page: inline
<script> and <style> blocks, style="" attributes, on*="" handlers and javascript: URLs; and list
the URLs the page loads (script src, link href; not rel="alternate" or "canonical", which only
name other pages)."""

from html.parser import HTMLParser

# Script types a browser runs; <script type="application/json"> is data and CSP ignores it.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


_NAMES_A_PAGE = {"alternate", "canonical"}


def _rels(attributes: dict) -> set[str]:
    return set(attributes.get("rel", "").lower().split())


class PageCode(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.loads: list[str] = []
        self.inline: list[str] = []
        self._open: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "script" and attributes.get("src"):
            self.loads.append(attributes["src"])
        elif tag == "script" and attributes.get("type", "").lower() in _SCRIPT_TYPES:
            self._open = "script"
        elif tag == "style":
            self._open = "style"
        elif tag == "link" and attributes.get("href") and not _NAMES_A_PAGE & _rels(attributes):
            self.loads.append(attributes["href"])
        for name, value in attributes.items():
            if name.startswith("on") or name == "style":
                self.inline.append(f'<{tag} {name}="{value[:40]}">')
            elif name in ("href", "src", "action") and value.strip().lower().startswith(
                "javascript:"
            ):
                self.inline.append(f'<{tag} {name}="{value[:40]}">')

    def handle_data(self, data):
        if self._open and data.strip():
            self.inline.append(f"<{self._open}>{data.strip()[:60]}")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._open = None
