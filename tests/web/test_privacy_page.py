"""The privacy page: what is published, what stays private, how long it is kept and whom to ask,
in three languages, linked from every form and every page's footer, costing no query."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import build_version
from tests.web.consultation.conftest import make_period, page_url

pytestmark = pytest.mark.django_db

PRIVACY_QUERIES = 0


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", "Privacy: your comment and your details"),
        ("es", "Privacidad: su comentario y sus datos"),
        ("pt-BR", "Privacidade: seu comentário e seus dados"),
    ],
)
def test_the_page_is_served_in_each_language(client, lang, heading):
    response = client.get(f"/privacy/?lang={lang}")
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == lang
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html


def test_it_says_what_is_published_what_stays_private_how_long_and_whom_to_ask(client, settings):
    settings.PRIVACY_CONTACT_EMAIL = "datos@city.example"
    settings.COMMENT_THROTTLE_RATE = "20/min"
    html = client.get("/privacy/").content.decode()
    headings = re.findall(r"<h2 [^>]*>([^<]+)</h2>", html)
    assert headings == [
        "What you send",
        "What is published",
        "What stays private",
        "How long it is kept",
        "Whom to ask",
    ]
    assert 'only if you ticked "Publish my name and organisation with my comment"' in html
    assert "Your email address is never published" in html
    assert "Nothing is deleted automatically" in html
    assert "for 60 seconds" in html  # the throttle's window, from the setting
    assert '"csrftoken"' in html and '"django_language"' in html and '"sessionid"' in html
    assert '<a href="mailto:datos@city.example">datos@city.example</a>' in html


def test_every_page_links_to_it_in_the_footer_in_its_language(client):
    html = client.get("/?lang=es").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/privacy/?lang=es">Privacidad</a>' in footer


def test_every_comment_form_and_the_lookup_form_link_to_it(client):
    draft = build_version(standard_slug="big", label="9.0", criteria=6, areas=2, status="draft")
    period = make_period(draft)
    html = client.get(page_url(period) + "?comment=A0.0").content.decode()
    forms = re.findall(r'<form method="post".*?</form>', html, re.S)
    assert len(forms) == 2  # the criterion's and the version's as a whole
    assert all('href="/privacy/?lang=en"' in form for form in forms)
    lookup = client.get("/comments/lookup/").content.decode()
    assert re.search(r'<a href="/privacy/\?lang=en">[^<]*privacy', lookup)


def test_the_page_costs_no_query(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/privacy/?lang=pt-BR").status_code == 200
    assert len(captured) == PRIVACY_QUERIES


def test_a_malformed_contact_address_stops_the_service_at_start_up():
    import os
    import subprocess
    import sys

    env = {**os.environ, "PRIVACY_CONTACT_EMAIL": "not an address"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='backend.settings'; "
            "django.setup()",
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "PRIVACY_CONTACT_EMAIL" in result.stderr
