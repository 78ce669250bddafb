"""The version page at a past instant (?as_of=): the version as stored then, under a banner with
the date in the reader's language; bad dates are a 400 page, dates before the version a 404 page;
never cached; a fixed number of queries."""

import re
from datetime import UTC, datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.standards.drafts import create_draft
from tests.factories import build_version
from tests.web.compare_helpers import draft_of_3_0, edit

pytestmark = pytest.mark.django_db

CREATED = datetime(2030, 1, 1, 12, tzinfo=UTC)
EDITED = datetime(2030, 3, 1, 12, tzinfo=UTC)
URL = "/standards/wwc/versions/4.0/"


@pytest.fixture
def edited_draft(shipped_data):
    with time_machine.travel(CREATED, tick=False):
        draft = draft_of_3_0()
    with time_machine.travel(EDITED, tick=False):
        edit(draft, "DM7", title="Qualitative Data, Rewritten")
    return draft


def test_the_page_shows_the_text_as_stored_then_under_a_banner(client, edited_draft):
    response = client.get(URL, {"as_of": "2030-02-01T00:00:00Z"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "You are reading this version as it was stored on February 1, 2030, 12:00" in html
    assert '<a href="/standards/wwc/versions/4.0/?lang=en">Read the current text' in html
    dm7 = re.search(r'<article id="DM7".*?</article>', html, re.S).group(0)
    assert "Qualitative Data Practices" in dm7
    assert "Rewritten" not in html
    assert html.count("<article ") == 42
    assert response["Cache-Control"] == "no-cache"
    assert "ETag" not in response


def test_after_the_edit_the_new_text_is_shown(client, edited_draft):
    html = client.get(URL, {"as_of": "2030-03-02"}).content.decode()
    assert "Qualitative Data, Rewritten" in html


def test_without_as_of_the_page_has_no_banner_and_a_date_form(client, edited_draft):
    html = client.get(URL).content.decode()
    assert "as-of-banner" not in html
    assert '<form class="as-of-form" method="get" action="/standards/wwc/versions/4.0/">' in html
    assert '<input type="date" id="as-of-date" name="as_of"' in html
    assert '<label for="as-of-date">' in html


@pytest.mark.parametrize(
    ("lang", "date"),
    [("es", "1 de febrero de 2030"), ("pt-BR", "1 de fevereiro de 2030")],
)
def test_the_banner_date_is_in_the_readers_language(client, edited_draft, lang, date):
    html = client.get(URL, {"as_of": "2030-02-01", "lang": lang}).content.decode()
    banner = html.split('id="as-of-banner"')[1].split("</div>")[0]
    assert date in banner
    assert "You are reading" not in banner


@pytest.mark.parametrize("value", ["yesterday", "2030-13-01", "", "2030-02-01T25:00", "x" * 500])
def test_a_malformed_date_is_a_400_page_with_a_message_and_the_form(client, edited_draft, value):
    response = client.get(URL, {"as_of": value})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="message message--error"' in html
    assert "is not a date" in html or "Choose a date" in html
    assert '<form class="as-of-form"' in html
    main = html.split("<main")[1].split("</main>")[0]
    assert "x" * 65 not in main
    # The date input never gets the malformed value back (invalid HTML for type="date").
    assert '<input type="date" id="as-of-date" name="as_of" aria-describedby' in html


def test_a_date_time_before_the_version_existed_is_shown_again_as_a_date(client, edited_draft):
    response = client.get(URL, {"as_of": "2029-12-31T08:00:00Z"})
    assert response.status_code == 404
    assert 'name="as_of" value="2029-12-31"' in response.content.decode()


def test_a_date_before_the_version_existed_is_a_404_page(client, edited_draft):
    response = client.get(URL, {"as_of": "2029-12-31"})
    assert response.status_code == 404
    html = response.content.decode()
    assert "Version 4.0 did not exist yet on December 31, 2029" in html
    assert 'href="/standards/wwc/versions/4.0/?lang=en"' in html


def test_an_unknown_version_is_the_friendly_404(client, edited_draft):
    response = client.get("/standards/wwc/versions/9.9/", {"as_of": "2030-02-01"})
    assert response.status_code == 404
    assert "Standard wwc has no version 9.9." in response.content.decode()


def test_as_of_pages_are_never_cached(client, edited_draft):
    first = client.get(URL, {"as_of": "2030-02-01"}).content.decode()
    with time_machine.travel(datetime(2030, 4, 1, tzinfo=UTC), tick=False):
        edit(edited_draft, "DM8", title="Changed after the first read")
    again = client.get(URL, {"as_of": "2030-05-01"}).content.decode()
    assert "Changed after the first read" in again and "Changed after" not in first


# version + its history, practice areas, criteria, levels and outcome areas as of the instant
EXPECTED_QUERIES = 6


def test_query_count_is_pinned_and_the_same_for_40_and_400_criteria(client):
    for std, size in (("small", 40), ("large", 400)):
        source = build_version(standard_slug=std, label="1.0", criteria=size)
        create_draft(based_on=source, label="2.0", title="t", user=None, reason="r", now=CREATED)
    counts = []
    for std, size in (("small", 40), ("large", 400)):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/standards/{std}/versions/2.0/?as_of=2030-06-01")
        assert response.status_code == 200
        assert response.content.decode().count("<article ") == size
        counts.append(len(captured))
    assert counts == [EXPECTED_QUERIES] * 2
