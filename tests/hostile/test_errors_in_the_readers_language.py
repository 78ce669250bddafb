"""The fallback errors speak the reader's language too."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("lang", "english"), [("es", "No such page."), ("pt-BR", "No such page.")])
def test_an_unknown_api_path_is_a_404_in_the_readers_language(client, lang, english):
    response = client.get(f"/api/v1/nothing-here/?lang={lang}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert response.json()["detail"] != english
    assert response["Content-Language"] == lang


def test_an_unknown_api_path_follows_accept_language(client):
    response = client.get("/api/v1/nothing-here/", HTTP_ACCEPT_LANGUAGE="pt-BR,pt;q=0.9")
    assert response.json()["detail"] != "No such page."


def test_english_stays_english(client):
    assert client.get("/api/v1/nothing-here/").json()["detail"] == "No such page."
