"""The disposition report's charts as SVG markup, drawn on the server: figures in, markup out (no
database, no request, no JavaScript), for the page and the PDF alike.

Each chart is an ``<svg role="img">`` labelled by its ``<title>`` and ``<desc>`` (a sentence that
states the figures), and the page shows the same figures as a table beside it, so the chart is
never the only way to read them. Colours are presentation attributes (``fill``), which the
Content-Security-Policy allows where it forbids ``style`` attributes, and which WeasyPrint
draws; every fill has at least 3:1 contrast with the white background (WCAG 1.4.11), and
adjacent segments are parted by a white gap. Numbers and dates are formatted in the reader's
language with the Babel helpers.
"""

import datetime as dt
from dataclasses import dataclass
from html import escape

from standard_versions.translations import i18n

# Contrast with white: 5.7, 6.4, 6.6, 5.9, 5.5, 7.5 (and the ink 16.8): all above 3:1.
SERIES_COLOURS = {
    "awaiting_response": "#5f6368",
    "accepted": "#1a7434",
    "partially_accepted": "#0b5cad",
    "not_accepted": "#b42318",
    "noted": "#8a5300",
    "duplicate": "#6e3fa3",
}
BAR_COLOUR = "#0b3a5b"
REST_COLOUR = "#5f6368"
INK = "#1b1b1b"
GAP = "#ffffff"


@dataclass(frozen=True)
class ChartText:
    """What a chart says, already in the reader's language."""

    id: str
    title: str
    description: str


def _open(text: ChartText, *, width: int, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{text.id}-title {text.id}-desc" focusable="false">',
        f'<title id="{text.id}-title">{escape(text.title)}</title>',
        f'<desc id="{text.id}-desc">{escape(text.description)}</desc>',
    ]


def _label(x: float, y: float, text: str, *, anchor: str = "start", size: int = 12) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{INK}" '
        f'text-anchor="{anchor}" font-family="sans-serif">{escape(text)}</text>'
    )


def stacked_bars(
    text: ChartText,
    *,
    rows: list[tuple[str, dict[str, int]]],
    series: list[tuple[str, str]],
    language: str,
    width: int = 640,
) -> str:
    """Horizontal bars, one per row (a practice area), each stacked by series (a disposition).
    ``rows``: (label, counts by series key); ``series``: (key, label) in the legend's order."""
    label_width, bar_height, gap, legend_height = 190, 22, 12, 24 * ((len(series) + 2) // 3)
    top = legend_height + 8
    height = top + len(rows) * (bar_height + gap) + 8
    most = max([sum(counts.values()) for _, counts in rows] or [0]) or 1
    scale = (width - label_width - 70) / most
    parts = _open(text, width=width, height=height)
    for n, (key, name) in enumerate(series):
        x, y = 8 + (n % 3) * (width // 3), 4 + (n // 3) * 24
        colour = SERIES_COLOURS.get(key, REST_COLOUR)
        parts.append(f'<rect x="{x}" y="{y}" width="14" height="14" fill="{colour}"/>')
        parts.append(_label(x + 20, y + 12, name))
    for n, (name, counts) in enumerate(rows):
        y = top + n * (bar_height + gap)
        parts.append(_label(label_width - 8, y + 16, _short(name, 28), anchor="end"))
        x = float(label_width)
        for key, _ in series:
            value = counts.get(key, 0)
            if not value:
                continue
            w = value * scale
            colour = SERIES_COLOURS.get(key, REST_COLOUR)
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_height}" '
                f'fill="{colour}" stroke="{GAP}" stroke-width="1"/>'
            )
            x += w
        total = i18n.format_number(sum(counts.values()), language=language)
        parts.append(_label(x + 6, y + 16, total))
    parts.append("</svg>")
    return "".join(parts)


def day_bars(
    text: ChartText,
    *,
    days: list[tuple[dt.date, int]],
    language: str,
    width: int = 640,
    height: int = 220,
) -> str:
    """Vertical bars, one per day; the first, last and a few days between are labelled."""
    left, bottom, top = 48, 36, 12
    parts = _open(text, width=width, height=height)
    most = max([n for _, n in days] or [0])
    plot_height = height - top - bottom
    step = (width - left - 8) / max(len(days), 1)
    bar = max(step * 0.8, 1.0)
    base = height - bottom
    parts.append(
        f'<line x1="{left}" y1="{base}" x2="{width - 8}" y2="{base}" stroke="{INK}" '
        'stroke-width="1"/>'
    )
    parts.append(
        _label(left - 6, top + 10, i18n.format_number(most, language=language), anchor="end")
    )
    parts.append(_label(left - 6, base, "0", anchor="end"))
    for n, (_, count) in enumerate(days):
        if not count:
            continue
        h = plot_height * count / most
        x = left + n * step + (step - bar) / 2
        parts.append(
            f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
            f'fill="{BAR_COLOUR}"/>'
        )
    last = len(days) - 1
    # The first and last days and two between, short ("Mar 2"): the table has every day.
    labelled = sorted({0, last, round(last / 3), round(2 * last / 3)}) if days else []
    for n in labelled:
        if 0 < n < last and min(n, last - n) < last / 6:
            continue  # too close to the first or last day's label
        day = days[n][0]
        x = left + n * step + step / 2
        anchor = "start" if n == 0 else "end" if n == last else "middle"
        label = i18n.format_day_month(day, language=language)
        parts.append(_label(x, base + 20, label, anchor=anchor, size=11))
    parts.append("</svg>")
    return "".join(parts)


def share_bar(
    text: ChartText,
    *,
    parts_of: list[tuple[str, int]],
    language: str,
    width: int = 640,
) -> str:
    """One bar split into shares of a whole (campaign comments and the others), each share
    labelled with its percentage in the legend."""
    total = sum(n for _, n in parts_of)
    height, bar_top, bar_height = 96, 40, 30
    colours = [BAR_COLOUR, REST_COLOUR, *SERIES_COLOURS.values()]
    parts = _open(text, width=width, height=height)
    x = 8.0
    for n, (name, count) in enumerate(parts_of):
        colour = colours[n % len(colours)]
        share = 100 * count / total if total else 0
        legend_x = 8 + n * (width // max(len(parts_of), 1))
        parts.append(f'<rect x="{legend_x}" y="6" width="14" height="14" fill="{colour}"/>')
        percent = i18n.format_percent(round(share), language=language)
        parts.append(_label(legend_x + 20, 18, f"{name}: {percent}"))
        if not count:
            continue
        w = (width - 16) * count / total
        parts.append(
            f'<rect x="{x:.1f}" y="{bar_top}" width="{w:.1f}" height="{bar_height}" '
            f'fill="{colour}" stroke="{GAP}" stroke-width="1"/>'
        )
        x += w
    if not total:
        parts.append(
            f'<rect x="8" y="{bar_top}" width="{width - 16}" height="{bar_height}" '
            f'fill="none" stroke="{REST_COLOUR}" stroke-width="1"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _short(name: str, limit: int) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
