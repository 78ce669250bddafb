"""A diff in Spanish or Portuguese says which criteria it may misstate: those whose English
changed while a text compared is a stale translation or an English fallback. The English decides
what changed; the translated diff never silently drops such a change."""

import pytest
from django.utils import timezone

from standard_versions.models import PracticeArea, Version
from standard_versions.standards.criteria import add_criterion, update_criterion
from standard_versions.standards.drafts import create_draft

pytestmark = pytest.mark.django_db

DIFF = "/api/v1/standards/wwc/diff/"


@pytest.fixture
def draft_with_untranslated_changes(shipped_translations):
    """Draft 3.1 of 3.0 with the shipped translations copied; then, in English only, DM7 gets a
    new title, DM8 is untouched and DM10 is added."""
    now = timezone.now()
    draft = create_draft(
        based_on=Version.objects.get(label="3.0"),
        label="3.1",
        title="Version 3.1",
        user=None,
        reason="Next",
        now=now,
    )
    update_criterion(
        version=draft, code="DM7", title="Community Data Practices", user=None, reason="R", now=now
    )
    add_criterion(
        version=draft,
        practice_area=PracticeArea.objects.get(version=draft, code="DM"),
        code="DM10",
        title="Responsible AI",
        description="Your local government reviews its use of AI.",
        user=None,
        reason="New",
        now=now,
    )
    return draft


def _diff(client, **params):
    return client.get(DIFF, {"from": "3.0", "to": "3.1", **params})


def test_the_spanish_diff_names_the_criteria_it_may_misstate(
    api_client, draft_with_untranslated_changes
):
    body = _diff(api_client, lang="es").json()
    caveats = {caveat["code"]: caveat for caveat in body["translation_caveats"]}
    assert caveats == {
        "DM7": {"key": "dm7", "code": "DM7", "from_status": "draft", "to_status": "stale"},
        "DM10": {
            "key": caveats["DM10"]["key"],
            "code": "DM10",
            "from_status": None,
            "to_status": "missing",
        },
    }
    # The stale Spanish title is the same in both versions: the Spanish redline cannot show it.
    assert "DM7" not in {item["code"] for item in body["changed"]}


def test_the_english_diff_shows_the_change_and_has_no_caveats(
    api_client, draft_with_untranslated_changes
):
    body = _diff(api_client).json()
    assert body["translation_caveats"] == []
    assert "DM7" in {item["code"] for item in body["changed"]}


def test_the_changelog_and_the_redline_carry_the_warning(
    api_client, draft_with_untranslated_changes
):
    markdown = _diff(api_client, lang="es", format="markdown").content.decode()
    html = _diff(api_client, lang="es", format="html").content.decode()
    assert "> El texto en inglés de DM7 y DM10 cambió" in markdown
    assert '<p class="diff-caveat" role="note">El texto en inglés de DM7 y DM10 cambió' in html


def test_the_compare_page_warns_and_links_to_the_english_comparison(
    client, draft_with_untranslated_changes
):
    spanish = client.get("/standards/wwc/compare/", {"from": "3.0", "to": "3.1", "lang": "pt-BR"})
    english = client.get("/standards/wwc/compare/", {"from": "3.0", "to": "3.1", "lang": "en"})
    html = spanish.content.decode()
    assert spanish.status_code == 200
    assert 'id="translation-caveat"' in html
    assert "O texto em inglês de DM7 e DM10 mudou" in html
    assert "from=3.0&amp;to=3.1&amp;lang=en" in html
    assert 'id="translation-caveat"' not in english.content.decode()


def test_criteria_whose_english_did_not_change_raise_no_caveat(api_client, shipped_translations):
    body = api_client.get(DIFF, {"from": "2.0", "to": "3.0", "lang": "es"}).json()
    assert body["translation_caveats"] == []
