"""?lang= wins, then Accept-Language by q-value, aliases resolve, anything else is English."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from standard_versions.translations.i18n import (
    language_from_accept_header,
    language_from_tag,
    negotiate,
)
from tests.hypothesis_profiles import examples


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("en", "en"),
        ("en-US", "en"),
        ("es", "es"),
        ("es-MX", "es"),
        ("es-419", "es"),
        ("ES-co", "es"),
        ("pt", "pt-BR"),
        ("pt-br", "pt-BR"),
        ("pt-BR", "pt-BR"),
        ("pt_BR", "pt-BR"),
        ("pt-PT", "pt-BR"),
        ("fr", None),
        ("de-DE", None),
        ("", None),
        (None, None),
        ("x" * 10_000, None),
        ("es\x00", None),
        ("../../etc/passwd", None),
        ("es;DROP TABLE", None),
        ("ñ", None),
    ],
)
def test_a_language_tag_resolves_to_a_supported_language_or_none(tag, language):
    assert language_from_tag(tag) == language


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("es", "es"),
        ("fr, es;q=0.8, pt;q=0.9", "pt-BR"),
        ("fr, es;q=0.8, pt;q=0.7", "es"),
        ("en;q=0.5, es-419;q=0.9", "es"),
        ("es;q=0, pt-BR;q=0.1", "pt-BR"),
        ("es;q=0", None),
        ("*", None),
        ("fr-CA, de", None),
        ("garbage;;;q=x", None),
        ("es;q=2", None),
        ("", None),
        ("es, " * 1000, "es"),
    ],
)
def test_accept_language_is_negotiated_by_q_value(header, language):
    assert language_from_accept_header(header) == language


def test_the_lang_parameter_wins_over_accept_language():
    assert negotiate(lang_param="pt", accept_header="es") == "pt-BR"
    assert negotiate(lang_param="en", accept_header="es") == "en"


def test_an_unsupported_lang_parameter_leaves_the_choice_to_accept_language():
    assert negotiate(lang_param="fr", accept_header="es-MX") == "es"
    assert negotiate(lang_param="fr", accept_header=None) == "en"
    assert negotiate(lang_param=None, accept_header=None) == "en"


@settings(max_examples=examples(300), deadline=None)
@given(lang_param=st.one_of(st.none(), st.text()), header=st.one_of(st.none(), st.text()))
def test_negotiation_of_any_input_gives_a_supported_language(lang_param, header):
    assert negotiate(lang_param=lang_param, accept_header=header) in {"en", "es", "pt-BR"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "header", "language"),
    [
        ("?lang=es", "", "es"),
        ("?lang=pt_BR", "es", "pt-BR"),
        ("?lang=es-419", "", "es"),
        ("", "pt-br;q=0.9, es;q=0.8", "pt-BR"),
        ("", "fr", "en"),
        ("?lang=" + "e" * 5000, "es", "es"),
        ("?lang=%00", "", "en"),
        ("?lang=%FF%FE", "", "en"),
        ("?lang=es&lang=%00", "", "en"),
        ("?lang[]=es", "", "en"),
        ("", "\x00es", "en"),
    ],
)
def test_every_response_says_its_language_and_varies_on_accept_language(
    api_client, shipped_data, query, header, language
):
    extra = {"HTTP_ACCEPT_LANGUAGE": header} if header else {}
    response = api_client.get(f"/api/v1/standards/wwc/versions/3.0/{query}", **extra)
    assert response.status_code == 200
    assert response["Content-Language"] == language
    assert "Accept-Language" in response["Vary"]
    assert response.json()["practice_areas"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/standards/",
        "/api/v1/standards/wwc/",
        "/api/v1/standards/wwc/versions/",
        "/api/v1/standards/wwc/versions/3.0/",
        "/api/v1/standards/wwc/versions/3.0/criteria/",
        "/api/v1/standards/wwc/versions/3.0/criteria/DM1/",
        "/api/v1/standards/wwc/versions/3.0/translations/",
        "/api/v1/standards/nope/",
    ],
)
@pytest.mark.parametrize("lang", ["\x00", "x" * 100_000, "pt-BR\r\nX-Evil: 1", "%", "😀"])
def test_hostile_lang_values_never_fail(api_client, shipped_data, path, lang):
    response = api_client.get(path, {"lang": lang}, HTTP_ACCEPT_LANGUAGE=lang[:2000])
    assert response.status_code in (200, 404)
    assert response["Content-Language"] in {"en", "es", "pt-BR"}
    assert "X-Evil" not in response
