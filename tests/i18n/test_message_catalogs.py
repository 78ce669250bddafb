"""Interface and API messages: the catalogs are complete, compiled with Babel, and served."""

import io

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS

from standard_versions.translations.catalogs import (
    KEYWORDS,
    catalog_problems,
    extract_django_template,
    extract_messages,
)


def test_the_catalogs_are_up_to_date_with_the_code():
    """A message in the code missing from a catalog, untranslated or fuzzy fails here: run
    `make messages`, translate what is new in locale/*/LC_MESSAGES/django.po, and commit."""
    assert catalog_problems() == []


def test_extraction_finds_lazy_messages_of_models_errors_and_settings():
    ids = {message.id for message in extract_messages() if message.id}
    assert "Standard %(std)s has no version %(label)s." in ids
    assert "certification level" in ids
    assert "Portuguese (Brazil)" in ids
    assert "The translation catalog has problems; nothing was imported." in ids


def test_templates_are_extracted_through_django_templatize():
    template = (
        b"{% load i18n %}<h1>{% translate 'Comment on this criterion' %}</h1>\n"
        b"{% blocktranslate with code=criterion.code %}Criterion {{ code }}{% endblocktranslate %}"
        b"\n{% translate 'May' context 'month name' %}"
    )
    found = list(extract_django_template(io.BytesIO(template), KEYWORDS, (), {}))
    messages = [message for _line, _funcname, message, _comments in found]
    assert "Comment on this criterion" in messages
    assert "Criterion %(code)s" in messages
    assert ("month name", "May") in messages
    assert found[0][0] == 1


def test_the_extractor_knows_the_lazy_and_contextual_names():
    assert {"gettext_lazy", "ngettext_lazy", "pgettext_lazy"} <= set(KEYWORDS)
    assert set(DEFAULT_KEYWORDS) <= set(KEYWORDS)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "detail"),
    [
        ("en", "Standard wwc has no version 9.9."),
        ("es", "El estándar wwc no tiene la versión 9.9."),
        ("pt-BR", "O padrão wwc não tem a versão 9.9."),
    ],
)
def test_error_details_are_in_the_request_language(api_client, shipped_data, language, detail):
    response = api_client.get("/api/v1/standards/wwc/versions/9.9/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404
    assert response.json() == {"code": "version_not_found", "detail": detail}
    assert response["Content-Language"] == language


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "detail"),
    [
        ("en", "Authentication credentials were not provided."),
        ("es", "Las credenciales de autenticación no se proveyeron."),
        ("pt-BR", "As credenciais de autenticação não foram fornecidas."),
    ],
)
def test_framework_error_details_are_translated_too(api_client, db, language, detail):
    response = api_client.post(
        f"/api/v1/standards/wwc/versions/?lang={language}", {}, format="json"
    )
    assert response.status_code in (401, 403)
    assert response.json()["detail"] == detail


@pytest.mark.django_db
def test_the_language_of_one_request_does_not_leak_into_the_next(api_client, db):
    from django.utils.translation import get_language

    api_client.get("/api/v1/standards/nope/?lang=es")
    assert get_language() in (None, "en", "en-us")
    english = api_client.get("/api/v1/standards/nope/").json()
    assert english["detail"] == "There is no standard nope."


def test_template_files_are_found_by_the_extraction_method_map(tmp_path):
    from babel.messages.extract import extract_from_dir

    from standard_versions.translations.catalogs import METHOD_MAP

    folder = tmp_path / "web" / "templates" / "web"
    folder.mkdir(parents=True)
    (folder / "page.html").write_text(
        "{% load i18n %}\n<p>{% translate 'Send your comment' %}</p>\n", encoding="utf-8"
    )
    found = list(extract_from_dir(tmp_path, method_map=METHOD_MAP, keywords=KEYWORDS))
    assert [(name, line, message) for name, line, message, _c, _x in found] == [
        ("web/templates/web/page.html", 2, "Send your comment")
    ]
