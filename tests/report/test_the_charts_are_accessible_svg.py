"""Each chart is well-formed SVG with role="img" labelled by its own <title> and <desc>, has no
script and no style attribute (the Content-Security-Policy forbids inline styles), and draws
only with colours of at least 3:1 contrast on white (WCAG 1.4.11); the page beside each chart
has a table of its figures."""

import re
import xml.etree.ElementTree as ET

import pytest

from standard_versions.web import report_charts

pytestmark = pytest.mark.django_db

PAGE = "/standards/big/versions/9.0/disposition-report/"
SVG = "{http://www.w3.org/2000/svg}"


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast_on_white(colour: str) -> float:
    return 1.05 / (_luminance(colour) + 0.05)


def test_each_chart_is_an_image_with_a_title_and_a_description(client, at_now):
    html = client.get(PAGE).content.decode()
    charts = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(charts) == 3
    for markup in charts:
        svg = ET.fromstring(markup)
        assert svg.get("role") == "img"
        title_id, desc_id = svg.get("aria-labelledby").split()
        title = svg.find(f"{SVG}title")
        desc = svg.find(f"{SVG}desc")
        assert title.get("id") == title_id and title.text
        assert desc.get("id") == desc_id and len(desc.text) > 40
        assert f'aria-labelledby="{title_id[:-6]}-caption"' in html  # the figure's caption
        for element in svg.iter():
            assert "style" not in element.attrib
            assert not element.tag.endswith("script")
            fill = element.get("fill")
            if fill and fill.startswith("#") and fill != report_charts.GAP:
                assert _contrast_on_white(fill) >= 3, fill
    assert html.count('<table class="report-figures">') >= 4


def test_every_colour_of_the_charts_has_the_contrast_it_needs():
    colours = [*report_charts.SERIES_COLOURS.values(), report_charts.BAR_COLOUR]
    assert all(_contrast_on_white(colour) >= 3 for colour in colours)
    assert _contrast_on_white(report_charts.INK) >= 4.5  # text


def test_text_in_a_chart_is_escaped():
    text = report_charts.ChartText(id="c", title="<b>&", description="a < b")
    markup = report_charts.share_bar(text, parts_of=[("<x>", 1), ("y", 0)], language="en")
    svg = ET.fromstring(markup)
    assert svg.find(f"{SVG}title").text == "<b>&"
    assert "<x>" not in markup


def test_empty_figures_draw_an_empty_chart():
    text = report_charts.ChartText(id="c", title="t", description="d")
    for markup in (
        report_charts.stacked_bars(text, rows=[], series=[], language="es"),
        report_charts.day_bars(text, days=[], language="es"),
        report_charts.share_bar(text, parts_of=[("a", 0), ("b", 0)], language="pt-BR"),
    ):
        assert ET.fromstring(markup).get("role") == "img"
