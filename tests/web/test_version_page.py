"""The version page: practice areas and criteria with anchors, requirements, provenance, links."""

import re

import pytest

pytestmark = pytest.mark.django_db

URL = "/standards/wwc/versions/{label}/"


def _html(client, label="3.0", query=""):
    response = client.get(URL.format(label=label) + query)
    assert response.status_code == 200
    return response.content.decode()


def test_every_criterion_is_an_element_with_its_code_as_id(client, shipped_data):
    html = _html(client)
    ids = re.findall(r'<article id="([^"]+)"', html)
    assert len(ids) == 42
    assert {"DM7", "DM8", "DM9", "EVAL4", "OD2", "SI2", "SI3", "LC1"} <= set(ids)


def test_core_criteria_are_marked_and_listed_in_the_requirements(client, shipped_data):
    html = _html(client)
    core_articles = re.findall(r'<article id="([^"]+)"[^>]*class="criterion criterion--core"', html)
    assert sorted(core_articles) == ["DM1", "LC1", "PA1"]
    assert html.count("Core criterion: required for every level") == 3
    requirements = html.split('id="requirements"')[1].split("</section>")[0]
    for code in ("LC1", "DM1", "PA1"):
        assert f'href="#{code}"' in requirements


def test_levels_show_their_bands_and_outcome_areas_how_many_are_needed(client, shipped_data):
    html = _html(client)
    assert "51%\u201367% of the criteria" in html
    assert "68%\u201384% of the criteria" in html
    assert "85% of the criteria or more" in html
    assert "A city must meet at least 1 of these outcome requirements:" in html
    assert "Broadband Access" in html


def test_the_reconstructed_2_0_says_it_has_no_core_criteria_nor_outcome_requirement(
    client, shipped_data
):
    html = _html(client, label="2.0")
    assert "This version has no core criteria." in html
    assert "This version has no outcome requirement." in html
    assert "84% of the criteria or more" in html


def test_links_go_to_the_previous_version_comparison_the_api_and_the_criterion_history(
    client, shipped_data
):
    html = _html(client)
    assert 'href="/standards/wwc/compare/?from=2.0&amp;to=3.0"' in html
    assert 'href="/api/v1/standards/wwc/versions/3.0/"' in html
    assert 'href="/api/v1/standards/wwc/versions/3.0/criteria/DM7/history/"' in html


def test_a_version_based_on_nothing_has_no_comparison_link(client, shipped_data):
    assert "/compare/" not in _html(client, label="2.0")


def test_the_provenance_note_is_shown_as_paragraphs(client, shipped_data):
    html = _html(client)
    provenance = html.split('id="provenance"')[1]
    assert "42 criteria" in provenance
    assert "the 43 criteria" in provenance


def test_criterion_markdown_is_rendered_and_escaped(client, shipped_data):
    from standard_versions.models import Criterion

    criterion = Criterion.objects.get(version__label="3.0", code="DM7")
    criterion.description = "Use **data** <script>alert(1)</script>"
    criterion.save()
    html = _html(client)
    assert "<strong>data</strong>" in html
    assert "<script>alert(1)</script>" not in html


def test_an_unknown_version_is_a_friendly_html_404_naming_it(client, shipped_data):
    response = client.get(URL.format(label="9.9"))
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "Standard wwc has no version 9.9." in html
    assert '<html lang="en">' in html
    assert 'href="/language/?lang=es&amp;next=/standards/wwc/versions/9.9/"' in html


def test_an_unknown_standard_is_a_404_too(client, shipped_data):
    response = client.get("/standards/nope/versions/3.0/")
    assert response.status_code == 404
    assert "There is no standard nope." in response.content.decode()


def test_provenance_paragraphs_start_at_blank_or_labelled_lines():
    from standard_versions.web.presenters import _paragraphs

    text = "Criteria: one\ntwo.\nRequirements: three\n\nfour\nfive\n"
    assert _paragraphs(text) == ["Criteria: one two.", "Requirements: three", "four five"]
