"""Feeds are in the reader's language as the pages are (``?lang=``, the language cookie,
``Accept-Language``), revalidate with their ETag (304 after one cheap query), cost a fixed number
of queries, and an unknown standard or key is the 404 page."""

import datetime as dt

import pytest
from django.utils import timezone

from standard_versions.consultation.periods import extend_period
from standard_versions.models import Event, EventKind
from tests.notifications.feeds_support import BASE, T0, consultation, entries, parse_atom

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _public_base_url(settings):
    settings.PUBLIC_BASE_URL = BASE


FEED = "/standards/big/feed.atom"
CRITERION_FEED = "/standards/big/criteria/k0/feed.atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_a_spanish_reader_gets_spanish_titles_and_dates_in_the_periods_zone(client):
    consultation()
    response = client.get(FEED, HTTP_ACCEPT_LANGUAGE="es")
    assert response["Content-Language"] == "es"
    feed = parse_atom(response.content)
    assert feed.get(XML_LANG) == "es"
    listed = {e["title"]: e for e in entries(feed)}
    opened = listed["La versión 9.0 del Test Standard está abierta a comentarios"]
    assert opened["summary"] == (
        "Se aceptan comentarios desde las 9:00 del lunes, 2 de noviembre de 2026 hasta las 9:00 "
        "del jueves, 12 de noviembre de 2026, hora de Nueva York."
    )
    assert opened["link"].endswith("?lang=es")
    assert "Se amplió el período de comentarios sobre la versión 9.0" in listed


def test_the_language_cookie_and_lang_choose_the_language_as_on_the_pages(client):
    consultation()
    client.cookies["django_language"] = "pt-BR"
    response = client.get(CRITERION_FEED, HTTP_ACCEPT_LANGUAGE="es")
    assert response["Content-Language"] == "pt-BR"
    assert "Cookie" in response["Vary"] and "Accept-Language" in response["Vary"]
    titles = [e["title"] for e in entries(parse_atom(response.content))]
    assert titles[-1] == "A0.0 Open data portal mudou no rascunho da versão 9.0"
    chosen = client.get(f"{CRITERION_FEED}?lang=en")
    assert chosen["Content-Language"] == "en"
    assert parse_atom(chosen.content).get(XML_LANG) == "en"


def test_a_current_copy_is_revalidated_with_a_304(client):
    consultation()
    first = client.get(FEED)
    assert first["Cache-Control"] == "no-cache"
    assert first["Last-Modified"] == "Sat, 14 Nov 2026 14:00:00 GMT"
    again = client.get(FEED, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Last-Modified"] == first["Last-Modified"]
    assert again["Cache-Control"] == "no-cache"
    spanish = client.get(FEED, HTTP_IF_NONE_MATCH=first["ETag"], HTTP_ACCEPT_LANGUAGE="es")
    assert spanish.status_code == 200 and spanish["ETag"] != first["ETag"]


def test_a_new_event_changes_the_tag_of_the_feeds_it_joins(client):
    c = consultation()
    standard, criterion = client.get(FEED), client.get(CRITERION_FEED)
    extend_period(
        period_id=c.period.pk,
        closes_at=T0 + 20 * dt.timedelta(days=1),
        user=None,
        reason="Again",
        now=T0 + 6 * dt.timedelta(days=1),
    )
    assert client.get(FEED, HTTP_IF_NONE_MATCH=standard["ETag"]).status_code == 200
    # The period is not the criterion's: its feed is unchanged.
    assert client.get(CRITERION_FEED, HTTP_IF_NONE_MATCH=criterion["ETag"]).status_code == 304


def test_a_private_event_changes_no_tag(client):
    c = consultation()
    first = client.get(FEED)
    Event.objects.create(
        kind=EventKind.COMMENT_RECEIVED,
        occurred_at=timezone.now(),
        standard=c.draft.standard,
        period=c.period,
        payload={"language": "en"},
    )
    assert client.get(FEED, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


@pytest.mark.parametrize(
    "path,named",
    [
        ("/standards/nope/feed.atom", "nope"),
        ("/standards/big/criteria/zz9/feed.atom", "zz9"),
        ("/standards/nope/criteria/k0/feed.atom", "nope"),
    ],
)
def test_an_unknown_standard_or_key_is_the_404_page(client, path, named):
    consultation()
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert named in response.content.decode()


def test_a_malformed_path_is_a_404_that_never_reaches_the_database(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert client.get("/standards/big/criteria/DM%00/feed.atom").status_code == 404


def test_only_get_and_head_are_allowed(client):
    consultation()
    assert client.post(FEED).status_code == 405
    assert client.head(FEED).status_code == 200


def _add_events(c, count: int) -> None:
    now = timezone.now()
    Event.objects.bulk_create(
        Event(
            kind=kind,
            occurred_at=T0 + dt.timedelta(days=30, minutes=n),
            standard=c.draft.standard,
            version=c.draft,
            period=c.period,
            criterion_key=f"k{n % 3}" if kind == EventKind.CRITERION_CHANGED else "",
            payload={"standard": "big", "version": "9.0", "criterion": {"code": "A0.1"}},
            fanned_out_at=now,
        )
        for n in range(count)
        for kind in (EventKind.CRITERION_CHANGED, EventKind.PERIOD_OPENED)
    )


@pytest.mark.parametrize("extra", [0, 40])
@pytest.mark.parametrize(
    "path,language,queries",
    [
        # the standard, the head, the events, their criteria; translations in Spanish
        (FEED, "en", 4),
        (FEED, "es", 5),
        # and the criterion that names the feed
        (CRITERION_FEED, "en", 5),
        (CRITERION_FEED, "pt-BR", 6),
    ],
)
def test_a_feed_costs_the_same_queries_however_many_events(
    client, django_assert_num_queries, extra, path, language, queries
):
    c = consultation()
    _add_events(c, extra)
    with django_assert_num_queries(queries):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200


@pytest.mark.parametrize("path,queries", [(FEED, 2), (CRITERION_FEED, 3)])
def test_a_revalidation_costs_its_head_alone(client, django_assert_num_queries, path, queries):
    consultation()
    etag = client.get(path)["ETag"]
    with django_assert_num_queries(queries):
        assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_the_version_and_criterion_pages_name_their_feeds_in_their_head(client):
    consultation()
    version_page = client.get("/standards/big/versions/9.0/?lang=es").content.decode()
    head = version_page.split("</head>")[0]
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'href="/standards/big/feed.atom?lang=es"' in head
    )
    history = client.get("/standards/big/criteria/k0/").content.decode().split("</head>")[0]
    assert 'type="application/atom+xml" href="/standards/big/criteria/k0/feed.atom?lang=en"' in (
        history
    )
    for path in ("/standards/big/feed.atom?lang=es", "/standards/big/criteria/k0/feed.atom"):
        assert client.get(path).status_code == 200
