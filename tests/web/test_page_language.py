"""Every page: <html lang> from the response language, and a switcher that keeps the reader on
the same page and query (through ``web:choose-language``, which remembers the choice), each
language named in itself."""

import pytest

from standard_versions.web import language as web_language

pytestmark = pytest.mark.django_db

PAGES = ["/", "/standards/wwc/versions/3.0/", "/standards/wwc/versions/404/"]


@pytest.mark.parametrize("path", PAGES)
def test_html_lang_and_content_language_follow_the_response_language(
    client, shipped_data, monkeypatch, path
):
    monkeypatch.setattr(web_language, "response_language", lambda request: "pt-BR")
    response = client.get(path)
    assert '<html lang="pt-BR">' in response.content.decode()
    assert response["Content-Language"] == "pt-BR"
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("path", PAGES)
def test_the_switcher_links_to_the_same_page_in_each_language_named_in_itself(
    client, shipped_data, path
):
    html = client.get(path).content.decode()
    for code, name in [("en", "English"), ("es", "Español"), ("pt-BR", "Português (Brasil)")]:
        choose = f"/language/?lang={code}&amp;next={path}"
        assert f'<a href="{choose}" lang="{code}" hreflang="{code}"' in html
        assert f">{name}</a>" in html


def test_the_switcher_keeps_the_rest_of_the_query_and_replaces_lang(client, shipped_data):
    html = client.get("/standards/wwc/versions/3.0/?lang=es&as_of=2024-01-01").content.decode()
    next_url = "/standards/wwc/versions/3.0/%3Fas_of%3D2024-01-01"
    assert f'href="/language/?lang=pt-BR&amp;next={next_url}"' in html
    assert "lang%3Des" not in html


def test_the_current_language_is_marked_for_assistive_technology(client, shipped_data):
    html = client.get("/").content.decode()
    assert 'hreflang="en" aria-current="true"' in html
    assert html.count('aria-current="true"') == 1


def test_pages_render_inside_the_response_language(client, shipped_data, monkeypatch):
    """Django's own Spanish formats stand in for our catalogs: a date renders in Spanish."""
    import datetime

    from standard_versions.models import Version

    Version.objects.filter(label="3.0").update(
        published_at=datetime.datetime(2022, 4, 14, 12, tzinfo=datetime.UTC)
    )
    monkeypatch.setattr(web_language, "response_language", lambda request: "es")
    assert "14 de abril de 2022" in client.get("/").content.decode()
    monkeypatch.setattr(web_language, "response_language", lambda request: "en")
    assert "April 14, 2022" in client.get("/").content.decode()
