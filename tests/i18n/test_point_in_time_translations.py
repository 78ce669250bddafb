"""A point-in-time read in Spanish or Portuguese shows the translations as they were stored at that
instant, with their status judged against the English of that instant."""

from datetime import timedelta

import pytest
from django.utils import timezone

from standard_versions.models import Version
from standard_versions.standards.criteria import update_criterion
from standard_versions.standards.drafts import create_draft
from standard_versions.translations.services import set_translation

pytestmark = pytest.mark.django_db

BASE = "/api/v1/standards/wwc/versions"


def _translate_dm7_title(version: Version, text: str, *, now, field: str = "title") -> None:
    set_translation(
        version=version,
        object_type="criterion",
        object_key="dm7",
        field=field,
        language="es",
        text=text,
        status="draft",
        user=None,
        reason=f"Spanish {field}",
        now=now,
    )


@pytest.fixture
def start(shipped_data):
    return timezone.now()


def _at(moment) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def test_each_instant_shows_the_translation_stored_then(api_client, start):
    version = Version.objects.get(label="3.0")
    _translate_dm7_title(version, "Prácticas de datos cualitativos", now=start + timedelta(hours=1))
    _translate_dm7_title(version, "Prácticas cualitativas", now=start + timedelta(hours=2))
    path = f"{BASE}/3.0/criteria/DM7/"

    before = api_client.get(path, {"lang": "es", "as_of": _at(start + timedelta(minutes=30))})
    first = api_client.get(path, {"lang": "es", "as_of": _at(start + timedelta(minutes=90))})
    second = api_client.get(path, {"lang": "es", "as_of": _at(start + timedelta(hours=3))})

    assert before.json()["title"] == "Qualitative Data Practices"
    assert before.json()["translation_status"] == "missing"
    assert first.json()["title"] == "Prácticas de datos cualitativos"
    assert second.json()["title"] == "Prácticas cualitativas"


def test_the_version_tree_and_criteria_list_at_an_instant_use_that_instants_translations(
    api_client, start
):
    version = Version.objects.get(label="3.0")
    _translate_dm7_title(version, "Primera traducción", now=start + timedelta(hours=1))
    _translate_dm7_title(version, "Segunda traducción", now=start + timedelta(hours=2))
    when = {"lang": "es", "as_of": _at(start + timedelta(minutes=90))}

    tree = api_client.get(f"{BASE}/3.0/", when).json()
    titles = {c["code"]: c["title"] for a in tree["practice_areas"] for c in a["criteria"]}
    listed = api_client.get(f"{BASE}/3.0/criteria/", {**when, "page_size": 100}).json()
    assert titles["DM7"] == "Primera traducción"
    assert {c["code"]: c["title"] for c in listed["results"]}["DM7"] == "Primera traducción"
    assert api_client.get(f"{BASE}/3.0/", {"lang": "es"}).json() != tree


def test_a_translation_current_then_is_not_called_stale_for_a_later_english_edit(api_client, start):
    draft = create_draft(
        based_on=Version.objects.get(label="3.0"),
        label="3.1",
        title="3.1",
        user=None,
        reason="Next",
        now=start + timedelta(minutes=10),
    )
    _translate_dm7_title(draft, "Prácticas de datos cualitativos", now=start + timedelta(hours=1))
    _translate_dm7_title(
        draft,
        "Su gobierno local tiene una estrategia documentada.",
        now=start + timedelta(hours=1),
        field="description",
    )
    update_criterion(
        version=draft,
        code="DM7",
        title="Qualitative and Community Data Practices",
        user=None,
        reason="Broader",
        now=start + timedelta(hours=2),
    )
    path = f"{BASE}/3.1/criteria/DM7/"

    then = api_client.get(path, {"lang": "es", "as_of": _at(start + timedelta(minutes=90))})
    now = api_client.get(path, {"lang": "es"})

    assert then.json()["translation_status"] == "draft"
    assert now.json()["translation_status"] == "stale"
    assert then.json()["title"] == now.json()["title"] == "Prácticas de datos cualitativos"


def test_the_point_in_time_page_shows_that_instants_translation(client, start):
    version = Version.objects.get(label="3.0")
    _translate_dm7_title(version, "Primera traducción", now=start + timedelta(hours=1))
    _translate_dm7_title(version, "Segunda traducción", now=start + timedelta(hours=2))
    html = client.get(
        "/standards/wwc/versions/3.0/",
        {"lang": "es", "as_of": _at(start + timedelta(minutes=90))},
    ).content.decode()
    assert "Primera traducción" in html and "Segunda traducción" not in html
