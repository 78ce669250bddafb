"""A staff description of the worst text found (issue 11, item 14) saves, reads and diffs with work
in proportion to its length; one character over the limit is a clean 400.

Work is counted, not timed (``make bench ARGS=pathological_text`` has the timings): steps of
markdown-it-py's inline parser (``skipToken``) and of the word diff's matcher
(``SequenceMatcher.find_longest_match``'s inner loop).
"""

from difflib import SequenceMatcher

import pytest

from standard_versions.diff.words import apply_text_ops
from standard_versions.models import Criterion
from standard_versions.text import rendering
from standard_versions.text.rendering import render_markdown
from tests.authoring.conftest import BASE

pytestmark = pytest.mark.django_db

BRACKETS = "[" * 20_000
CRITERION = f"{BASE}/3.1/criteria/DM7/"


@pytest.fixture
def parser_steps(monkeypatch):
    inline = rendering._markdown.inline
    skip_token = type(inline).skipToken
    steps = [0]

    def counting(state):
        steps[0] += 1
        return skip_token(inline, state)

    monkeypatch.setattr(inline, "skipToken", counting)
    render_markdown.cache_clear()
    yield steps
    render_markdown.cache_clear()


@pytest.fixture
def matcher_steps(monkeypatch):
    find_longest_match = SequenceMatcher.find_longest_match
    steps = [0]

    def counting(self, alo=0, ahi=None, blo=0, bhi=None):
        ahi = len(self.a) if ahi is None else ahi
        steps[0] += sum(1 + len(self.b2j.get(token, ())) for token in self.a[alo:ahi])
        return find_longest_match(self, alo, ahi, blo, bhi)

    monkeypatch.setattr(SequenceMatcher, "find_longest_match", counting)
    return steps


def _patch(client, label: str, description: str):
    return client.patch(
        f"{BASE}/{label}/criteria/DM7/",
        {"description": description, "reason": "Stress"},
        format="json",
    )


def test_a_description_of_20000_opening_brackets_saves_as_text_in_a_few_steps_per_character(
    draft, editor_client, parser_steps
):
    response = _patch(editor_client, "3.1", BRACKETS)
    assert response.status_code == 200, response.content[:200]
    assert response.json()["description_html"] == f"<p>{BRACKETS}</p>\n"
    assert parser_steps[0] <= 3 * len(BRACKETS)


def test_the_criterion_the_tree_and_the_page_serve_it_in_a_few_steps_per_character(
    draft, editor_client, api_client, client, parser_steps
):
    assert _patch(editor_client, "3.1", BRACKETS).status_code == 200
    for path in (CRITERION, f"{BASE}/3.1/", "/standards/wwc/versions/3.1/"):
        parser_steps[0] = 0
        render_markdown.cache_clear()
        response = (client if path.startswith("/standards") else api_client).get(path)
        assert response.status_code == 200, path
        assert BRACKETS in response.content.decode(), path
        assert parser_steps[0] <= 3 * len(BRACKETS), path


def test_one_character_over_the_limit_is_a_clean_400_that_stores_nothing(draft, editor_client):
    before = Criterion.objects.get(version__label="3.1", code="DM7").description
    response = _patch(editor_client, "3.1", BRACKETS + "[")
    assert response.status_code == 400
    assert response.json()["code"] == "description_too_long"
    assert Criterion.objects.get(version__label="3.1", code="DM7").description == before


def test_the_diff_of_two_drafts_holding_brackets_is_served_in_a_few_steps_per_character(
    draft, editor_client, api_client, client, matcher_steps
):
    response = editor_client.post(
        f"{BASE}/",
        {"label": "3.2", "title": "3.2", "based_on": "3.1", "reason": "Next"},
        format="json",
    )
    assert response.status_code == 201
    new = "".join("]" if i % 97 == 48 else c for i, c in enumerate(BRACKETS))
    assert _patch(editor_client, "3.1", BRACKETS).status_code == 200
    assert _patch(editor_client, "3.2", new).status_code == 200
    matcher_steps[0] = 0
    response = api_client.get("/api/v1/standards/wwc/diff/", {"from": "3.1", "to": "3.2"})
    assert response.status_code == 200
    (change,) = response.json()["changed"]
    assert apply_text_ops(BRACKETS, change["changes"]["description"]["ops"]) == new
    page = client.get("/standards/wwc/compare/", {"from": "3.1", "to": "3.2"})
    assert page.status_code == 200
    assert matcher_steps[0] <= 2 * 100 * (len(BRACKETS) + len(new))  # API and page
