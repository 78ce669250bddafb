"""The compare page never fails on its query: missing, malformed or unknown versions show the
form again with a message (400 or 404) in the reader's language."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/standards/wwc/compare/"


def _page(client, query: str, status: int) -> str:
    response = client.get(URL + query)
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert '<form class="compare-form"' in html
    assert 'aria-describedby="compare-message"' in html
    return html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?from=2.0", "Choose the version to compare version 2.0 with."),
        ("?to=2.0", "Version 2.0 is not based on an earlier version"),
        ("?from=2.0&to=%3Cb%3E", "“&lt;b&gt;” is not a version label"),
        ("?from=x%00y&to=3.0", "is not a version label"),
        ("?from=" + "9" * 500 + "&to=3.0", "“" + "9" * 20 + "” is not a version label"),
    ],
)
def test_missing_or_malformed_versions_are_a_400_with_the_form_and_a_message(
    client, shipped_data, query, message
):
    html = _page(client, query, 400)
    assert message in html
    assert "<b>" not in html


def test_an_unknown_version_is_a_404_with_the_form_naming_it(client, shipped_data):
    html = _page(client, "?from=2.0&to=9.9", 404)
    assert "Standard wwc has no version 9.9." in html
    # The versions that do exist are still offered.
    assert '<option value="3.0"' in html


def test_an_unknown_standard_is_the_friendly_404_page(client, shipped_data):
    response = client.get("/standards/nope/compare/?from=2.0&to=3.0")
    assert response.status_code == 404
    assert "There is no standard nope." in response.content.decode()


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("es", "El estándar wwc no tiene la versión 9.9."),
        ("pt-BR", "O padrão wwc não tem a versão 9.9."),
    ],
)
def test_the_message_is_in_the_readers_language(client, shipped_data, lang, message):
    html = _page(client, f"?from=2.0&to=9.9&lang={lang}", 404)
    assert message in html
    assert f'<html lang="{lang}">' in html
