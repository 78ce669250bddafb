"""The compare page: a summary, the redline by practice area with <ins>/<del> over escaped words,
added and removed criteria in full, and the requirement changes in sentences."""

import re

import pytest

from tests.web.compare_helpers import area, draft_of_3_0, edit, editor

pytestmark = pytest.mark.django_db

URL = "/standards/wwc/compare/"
ADDED_IN_3_0 = {"DM7", "DM8", "DM9", "EVAL4", "OD2", "SI2", "SI3"}


def _html(client, **query) -> str:
    response = client.get(URL, query)
    assert response.status_code == 200, response.content.decode()[:500]
    return response.content.decode()


def _articles(html: str) -> dict[str, str]:
    """Each redline article by the code in its heading (the new code when renumbered)."""
    found = {}
    for article in re.findall(r'<article class="criterion redline.*?</article>', html, re.S):
        heading = re.search(r"<h4[^>]*>(.*?)</h4>", article, re.S).group(1)
        codes = re.findall(r"([A-Z]+\d+)(?:<span|</span>)", heading)
        found[codes[-1]] = article
    return found


def test_2_0_to_3_0_shows_exactly_the_seven_added_criteria(client, shipped_data):
    html = _html(client, **{"from": "2.0", "to": "3.0"})
    articles = _articles(html)
    assert set(articles) == ADDED_IN_3_0
    assert all("redline--added" in article for article in articles.values())
    assert html.count("New criterion</span>") == 7
    # In full: DM7's whole description, rendered.
    assert "to inform decision-making.</p>" in articles["DM7"]
    assert 'href="/standards/wwc/versions/3.0/#DM7"' in articles["DM7"]
    assert not any("<del>" in article for article in articles.values())


def test_2_0_to_3_0_summary_counts_the_changes_in_sentences(client, shipped_data):
    html = _html(client, **{"from": "2.0", "to": "3.0"})
    summary = html.split('id="summary-heading"')[1].split("</section>")[0]
    for sentence in (
        "7 criteria were added.",
        "No criterion was removed.",
        "No criterion was renumbered.",
        "No criterion moved to another practice area.",
        "No criterion was reworded.",
        "The certification requirements changed (see below).",
    ):
        assert f"<li>{sentence}</li>" in summary


def test_2_0_to_3_0_lists_the_requirement_changes(client, shipped_data):
    html = _html(client, **{"from": "2.0", "to": "3.0"})
    requirements = html.split('id="requirements-heading"')[1].split("</section>")[0]
    assert (
        "<strong>DM1</strong>, <strong>LC1</strong> and <strong>PA1</strong> are now core "
        "criteria" in requirements
    )
    assert (
        "<strong>Gold</strong> now starts at 68% of the criteria (the reconstructed version 2.0 "
        "has 67%, an inferred figure)." in requirements
    )
    assert "<strong>Platinum</strong> now starts at 85%" in requirements
    assert "New outcome areas: <strong>Air Quality</strong>" in requirements
    assert "at least 1 outcome requirement (no outcome was required before)." in requirements


def test_the_redline_is_grouped_by_practice_area_in_document_order(client, shipped_data):
    html = _html(client, **{"from": "2.0", "to": "3.0"})
    from standard_versions.models import PracticeArea

    groups = re.findall(r'<section id="changes-([^"]+)"', html)
    in_document_order = PracticeArea.objects.filter(version__label="3.0").order_by("position")
    assert groups == [a.key for a in in_document_order if a.key in {"dm", "od", "eval", "si"}]
    dm = html.split('id="changes-dm"')[1].split("</section>")[0]
    assert dm.index("DM7") < dm.index("DM8") < dm.index("DM9")


def test_a_renumbered_and_reworded_criterion_shows_old_and_new_code_and_word_marks(
    client, shipped_data
):
    draft = draft_of_3_0()
    edit(
        draft,
        "DM7",
        new_code="DM10",
        title="Qualitative and Community Data Practices",
        description=(
            "Your local government has a published strategy to routinely collect community "
            "input and qualitative data from residents and other external stakeholders to "
            "inform decision-making."
        ),
    )
    html = _html(client, **{"from": "3.0", "to": "4.0"})
    article = _articles(html)["DM10"]
    heading = re.search(r"<h4[^>]*>(.*?)</h4>", article, re.S).group(1)
    assert re.search(r"<del>.*DM7.*</del> <ins>.*DM10.*</ins>", heading)
    assert re.search(r"<ins>.*and Community.*</ins>", heading)
    assert re.search(r"<del>(<span[^>]*>[^<]*</span>)?documented(<span.*?</span>)?</del>", article)
    assert re.search(r"<ins>(<span[^>]*>[^<]*</span>)?published(<span.*?</span>)?</ins>", article)
    assert "Renumbered: DM7 is now DM10." in article
    assert "<li>1 criterion was renumbered.</li>" in html
    assert "<li>1 criterion was reworded.</li>" in html
    assert "<li>The certification requirements did not change.</li>" in html


def test_insertions_and_deletions_are_named_for_screen_readers(client, shipped_data):
    draft = draft_of_3_0()
    edit(draft, "DM7", title="Qualitative Data Practice")
    article = _articles(_html(client, **{"from": "3.0", "to": "4.0"}))["DM7"]
    assert '<del><span class="visually-hidden">[removed: </span>Practices' in article
    assert '<ins><span class="visually-hidden">[added: </span>Practice' in article


def test_a_moved_criterion_names_both_practice_areas(client, shipped_data):
    draft = draft_of_3_0()
    edit(draft, "DM7", practice_area=area(draft, "OD"))
    html = _html(client, **{"from": "3.0", "to": "4.0"})
    od = html.split('id="changes-od"')[1].split("</section>")[0]
    assert "Moved from practice area DM Data Management to OD Open Data." in od
    assert "<li>1 criterion moved to another practice area.</li>" in html


def test_a_removed_criterion_is_shown_in_full_with_a_link_to_the_older_version(
    client, shipped_data
):
    from django.utils import timezone

    from standard_versions.standards import criteria as criterion_services

    draft = draft_of_3_0()
    criterion_services.remove_criterion(
        version=draft, code="SI3", user=editor(), reason="Test removal", now=timezone.now()
    )
    article = _articles(_html(client, **{"from": "3.0", "to": "4.0"}))["SI3"]
    assert "redline--removed" in article and "Removed criterion" in article
    assert 'href="/standards/wwc/versions/3.0/#SI3"' in article
    assert "<p>" in article  # the description, rendered


def test_hostile_text_is_escaped_in_the_redline(client, shipped_data):
    draft = draft_of_3_0()
    edit(
        draft,
        "DM7",
        title='<script>alert("t")</script>',
        description="Data <img src=x onerror=alert(1)> & more",
    )
    html = _html(client, **{"from": "3.0", "to": "4.0"})
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html.replace("<ins>", "").replace("</ins>", "")


def test_only_to_compares_with_the_version_it_is_based_on(client, shipped_data):
    html = _html(client, to="3.0")
    assert "<h1>Changes from version 2.0 to version 3.0</h1>" in html
    assert '<option value="2.0" selected>' in html.split('name="from"')[1]
    assert set(_articles(html)) == ADDED_IN_3_0


def test_no_parameters_shows_the_form_with_every_version(client, shipped_data):
    html = _html(client)
    assert "<h1>Compare versions</h1>" in html
    assert '<label for="compare-from">' in html and '<label for="compare-to">' in html
    assert '<form class="compare-form" method="get" action="/standards/wwc/compare/"' in html
    assert html.count('<option value="3.0"') == 2 and html.count('<option value="2.0"') == 2
    assert "Summary" not in html


def test_the_same_version_twice_has_no_changes(client, shipped_data):
    html = _html(client, **{"from": "3.0", "to": "3.0"})
    assert "No criterion changed." in html
    assert "<li>The certification requirements did not change.</li>" in html


def test_the_version_page_link_to_what_changed_opens_the_comparison(client, shipped_data):
    version_page = client.get("/standards/wwc/versions/3.0/").content.decode()
    link = re.search(r'<a href="([^"]*/compare/[^"]*)">What changed', version_page).group(1)
    response = client.get(link.replace("&amp;", "&"))
    assert response.status_code == 200
    assert "<h1>Changes from version 2.0 to version 3.0</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("lang", "heading", "added", "dm7_title", "marks"),
    [
        (
            "es",
            "Cambios de la versión 2.0 a la versión 3.0",
            "Se añadieron 7 criterios.",
            "Prácticas de datos cualitativos",
            "Criterio nuevo",
        ),
        (
            "pt-BR",
            "Alterações da versão 2.0 para a versão 3.0",
            "7 critérios foram adicionados.",
            "Práticas de dados qualitativos",
            "Critério novo",
        ),
    ],
)
def test_the_page_and_the_standards_text_are_in_the_readers_language(
    client, shipped_translations, lang, heading, added, dm7_title, marks
):
    html = _html(client, **{"from": "2.0", "to": "3.0", "lang": lang})
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert f"<li>{added}</li>" in html
    assert dm7_title in _articles(html)["DM7"]
    assert marks in html
    assert f'<input type="hidden" name="lang" value="{lang}">' in html


def test_the_hidden_marks_are_translated(client, shipped_data):
    draft = draft_of_3_0()
    edit(draft, "DM7", title="Qualitative Data Practice")
    html = _html(client, **{"from": "3.0", "to": "4.0", "lang": "es"})
    assert '<span class="visually-hidden">[eliminado: </span>' in html
    assert '<span class="visually-hidden">[añadido: </span>' in html
