"""Every read endpoint serves English, Spanish and Portuguese (Brazil), saying which it served."""

import pytest

from tests.i18n.conftest import translate_version, translated

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "es", "pt-BR"]
EXPECTED_STATUS = {"en": "source", "es": "draft", "pt-BR": "reviewed"}


def _get(client, path: str, language: str):
    response = client.get(path, {"lang": language})
    assert response.status_code == 200, response.content
    assert response["Content-Language"] == language
    assert "Accept-Language" in response["Vary"]
    return response.json()


def _text(english: str, language: str) -> str:
    return english if language == "en" else translated(english, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_version_tree_is_served_in_each_language_with_its_status(
    api_client, small_translated, language
):
    tree = _get(api_client, "/api/v1/standards/big/versions/1.0/", language)
    assert tree["language"] == language
    assert tree["translation_status"] == EXPECTED_STATUS[language]
    assert tree["title"] == _text("Version 1.0", language)
    english = api_client.get("/api/v1/standards/big/versions/1.0/").json()
    area = tree["practice_areas"][0]
    assert area["name"] == _text(english["practice_areas"][0]["name"], language)
    criterion = area["criteria"][0]
    assert criterion["language"] == language
    assert criterion["translation_status"] == EXPECTED_STATUS[language]
    assert criterion["title"] == _text("Criterion 0", language)
    assert criterion["description"] == _text("Text of criterion 0 with **emphasis**.", language)
    assert "<strong>emphasis</strong>" in criterion["description_html"]
    levels = tree["requirements"]["levels"]
    assert [level["name"] for level in levels] == [
        _text("Silver", language),
        _text("Gold", language),
    ]
    assert {level["translation_status"] for level in levels} == {EXPECTED_STATUS[language]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_criteria_list_and_detail_are_served_in_each_language(
    api_client, small_translated, language
):
    page = _get(api_client, "/api/v1/standards/big/versions/1.0/criteria/", language)
    assert [c["title"] for c in page["results"][:1]] == [_text("Criterion 0", language)]
    detail = _get(api_client, "/api/v1/standards/big/versions/1.0/criteria/A0.0/", language)
    assert detail["title"] == _text("Criterion 0", language)
    assert detail["translation_status"] == EXPECTED_STATUS[language]
    assert detail["practice_area"]["language"] == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_standards_and_versions_lists_are_served_in_each_language(
    api_client, small_translated, language
):
    standards = _get(api_client, "/api/v1/standards/", language)["results"]
    standard = next(s for s in standards if s["slug"] == "big")
    english = api_client.get("/api/v1/standards/big/").json()["name"]
    assert standard["language"] == language
    assert standard["name"] == _text(english, language)
    detail = _get(api_client, "/api/v1/standards/big/", language)
    assert detail["name"] == standard["name"]
    versions = _get(api_client, "/api/v1/standards/big/versions/", language)["results"]
    assert versions[0]["title"] == _text("Version 1.0", language)
    assert versions[0]["translation_status"] == EXPECTED_STATUS[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_coverage_report_answers_in_each_language(api_client, small_translated, language):
    report = _get(api_client, "/api/v1/standards/big/versions/1.0/translations/", language)
    assert [entry["language"] for entry in report["languages"]] == ["es", "pt-BR"]


def test_an_untranslated_object_is_served_in_english_flagged_missing(api_client, db):
    from tests.factories import build_version

    build_version(label="1.0", criteria=2, areas=1)
    tree = api_client.get("/api/v1/standards/big/versions/1.0/?lang=es").json()
    assert tree["practice_areas"][0]["criteria"][0]["title"] == "Criterion 0"
    assert tree["practice_areas"][0]["criteria"][0]["language"] == "en"
    assert tree["practice_areas"][0]["criteria"][0]["translation_status"] == "missing"


def test_a_partly_translated_object_is_in_the_language_but_flagged_missing(api_client, db):
    from standard_versions.standards.selectors import version_get
    from tests.factories import build_version

    build_version(label="1.0", criteria=2, areas=1)
    version = version_get(standard_slug="big", label="1.0")
    translate_version(version, "es", only={"criterion:k0:title"})
    criterion = api_client.get("/api/v1/standards/big/versions/1.0/?lang=es").json()[
        "practice_areas"
    ][0]["criteria"][0]
    assert criterion["title"] == "[ES] Criterion 0"
    assert criterion["description"] == "Text of criterion 0 with **emphasis**."
    assert (criterion["language"], criterion["translation_status"]) == ("es", "missing")


def test_each_language_has_its_own_etag_and_cached_body(api_client, small_translated):
    path = "/api/v1/standards/big/versions/1.0/"
    etags = {lang: api_client.get(path, {"lang": lang})["ETag"] for lang in LANGUAGES}
    assert len(set(etags.values())) == 3
    again = api_client.get(path, HTTP_ACCEPT_LANGUAGE="pt-BR")
    assert again["ETag"] == etags["pt-BR"]
    assert again.json()["title"] == "[PT] Version 1.0"
    not_modified = api_client.get(path, {"lang": "es"}, HTTP_IF_NONE_MATCH=etags["es"])
    assert not_modified.status_code == 304
    assert not_modified["Content-Language"] == "es"
