"""Site pages speak the language the reader chose (the cookie ``web:choose-language`` sets) on
every page, form post, redirect and receipt: ``?lang=`` first, then the cookie, then
``Accept-Language``. Responses whose language the cookie could change say ``Vary: Cookie``; cached
pages are kept per language, so one reader's choice never reaches another."""

import pytest
from django.conf import settings
from django.test import Client

from standard_versions.models import Comment
from tests.web.consultation.conftest import make_period, page_url, post_comment

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME
PAGES = [
    "/",
    "/standards/wwc/versions/3.0/",
    "/standards/wwc/compare/?from=2.0&to=3.0",
    "/standards/wwc/versions/9.9/",  # the 404 page
    "/comments/lookup/",
]


def _vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


def _reader(language: str, accept: str = "en") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=accept)
    client.cookies[COOKIE] = language
    return client


@pytest.mark.parametrize("path", PAGES)
def test_every_page_speaks_the_chosen_language_over_the_browsers(shipped_data, path):
    response = _reader("es").get(path)
    assert response["Content-Language"] == "es"
    assert '<html lang="es">' in response.content.decode()
    assert "Saltar al contenido principal" in response.content.decode()
    assert "cookie" in _vary(response)


@pytest.mark.parametrize("path", PAGES)
def test_lang_in_the_address_wins_over_the_chosen_language_and_needs_no_vary_cookie(
    shipped_data, path
):
    separator = "&" if "?" in path else "?"
    response = _reader("es").get(f"{path}{separator}lang=pt-BR")
    assert response["Content-Language"] == "pt-BR"
    assert "cookie" not in _vary(response)


def test_the_browsers_language_still_applies_until_the_reader_chooses(client, shipped_data):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="pt-BR,pt;q=0.9")
    assert response["Content-Language"] == "pt-BR"
    assert "cookie" in _vary(response)


def test_a_cookie_naming_a_language_we_do_not_speak_is_ignored(shipped_data):
    response = _reader("klingon", accept="es").get("/")
    assert response["Content-Language"] == "es"


def test_a_cached_version_page_is_kept_per_language(shipped_data):
    path = "/standards/wwc/versions/3.0/"
    english = Client().get(path)
    spanish = _reader("es").get(path)
    again = Client().get(path)
    assert '<html lang="es">' in spanish.content.decode()
    assert '<html lang="en">' in again.content.decode()
    assert spanish["ETag"] != english["ETag"] == again["ETag"]


def test_a_comment_sent_in_the_chosen_language_has_its_receipt_in_that_language(db):
    from tests.factories import build_version

    period = make_period(build_version(label="9.0", criteria=4, areas=2, status="draft"))
    reader = _reader("es")
    page = reader.get(page_url(period))
    assert '<html lang="es">' in page.content.decode()
    response = post_comment(reader, period, criterion="", language="es")
    assert response.status_code == 303
    receipt = reader.get(response["Location"])
    assert receipt.status_code == 200
    assert '<html lang="es">' in receipt.content.decode()
    assert "Gracias: recibimos su comentario" in receipt.content.decode()
    assert Comment.objects.get().language == "es"


def test_the_look_up_redirects_to_a_receipt_in_the_chosen_language(db):
    from tests.factories import build_version

    period = make_period(build_version(label="9.0", criteria=4, areas=2, status="draft"))
    reader = _reader("pt-br")
    post_comment(reader, period, criterion="")
    tracking_id = Comment.objects.get().tracking_id
    found = reader.get("/comments/lookup/", {"tracking_id": tracking_id}, follow=True)
    assert found.redirect_chain[-1][0].startswith(f"/comments/{tracking_id}/")
    assert '<html lang="pt-BR">' in found.content.decode()
