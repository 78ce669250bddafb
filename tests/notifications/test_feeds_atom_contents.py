"""The Atom feed of a standard lists its public events, newest first, each with a permanent id,
a title, a summary and a link to the page it concerns; never a commenter's receipt, a
confirmation request or an email address."""

import datetime as dt

import pytest
from django.utils import timezone

from standard_versions.models import Event, EventKind
from standard_versions.models.notifications import PRIVATE_EVENT_KINDS
from standard_versions.notifications import feeds
from tests.factories import build_version
from tests.notifications.feeds_support import (
    ATOM,
    BASE,
    PRIVATE_ADDRESS,
    T0,
    consultation,
    entries,
    parse_atom,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _public_base_url(settings):
    settings.PUBLIC_BASE_URL = BASE


def _feed(client, path="/standards/big/feed.atom", **headers):
    response = client.get(path, **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return response, parse_atom(response.content)


def test_the_standard_feed_has_every_public_event_newest_first(client):
    consultation(publish=True)
    _response, feed = _feed(client)
    listed = entries(feed)
    public = Event.objects.exclude(kind__in=PRIVATE_EVENT_KINDS).order_by("-occurred_at", "-id")
    assert [e["id"] for e in listed] == [f"urn:uuid:{event.event_id}" for event in public]
    assert [e["updated"] for e in listed] == [event.occurred_at for event in public]
    assert len(listed) == 8
    titles = [e["title"] for e in listed]
    assert titles[0] == "Version 9.0 of the Test Standard was published"
    assert "Version 9.0 of the Test Standard is open for comment" in titles
    assert "Comments on version 9.0 close in 48 hours" in titles
    assert "The comment period on version 9.0 was extended" in titles
    assert "The disposition report on version 9.0 was published" in titles
    assert "A response to a comment on A0.9 Open data portal (version 9.0)" in titles
    assert "A0.9 Open data portal changed in the draft of version 9.0" in titles
    assert feed.find(f"{ATOM}updated").text == listed[0]["updated"].isoformat()


def test_the_feed_never_shows_a_private_event_nor_an_email_address(client):
    consultation()
    assert Event.objects.filter(kind=EventKind.COMMENT_RECEIVED).exists()
    received = Event.objects.get(kind=EventKind.COMMENT_RECEIVED)
    for path in ("/standards/big/feed.atom", "/standards/big/criteria/k0/feed.atom"):
        response, feed = _feed(client, path)
        body = response.content.decode()
        assert PRIVATE_ADDRESS not in body and "@example.org" not in body
        assert str(received.event_id) not in body
        assert all("receipt" not in e["title"].lower() for e in entries(feed))


def test_each_entry_links_to_the_page_it_concerns_in_the_readers_language(client):
    c = consultation()
    _response, feed = _feed(client)
    links = {e["title"]: e["link"] for e in entries(feed)}
    base = BASE
    assert links["Version 9.0 of the Test Standard is open for comment"] == (
        f"{base}/comment-periods/{c.period.pk}/?lang=en"
    )
    assert links["A0.9 Open data portal changed in the draft of version 9.0"] == (
        f"{base}/standards/big/criteria/k0/?lang=en"
    )
    assert links["A response to a comment on A0.9 Open data portal (version 9.0)"] == (
        f"{base}/standards/big/versions/9.0/disposition-report/?lang=en#comment-{c.tracking_id}"
    )
    for link in links.values():
        path = link.removeprefix(base).split("#")[0]
        assert client.get(path).status_code == 200, path


def test_summaries_give_the_deadline_in_the_periods_own_zone_and_the_reason(client):
    consultation()
    _response, feed = _feed(client)
    summaries = {e["title"]: e["summary"] for e in entries(feed)}
    assert summaries["The comment period on version 9.0 was extended"] == (
        "Comments are now accepted until 9:00\u202fAM on Monday, November 16, 2026, New York time. "
        "Reason given: More time for cities"
    )
    assert summaries["Version 9.0 of the Test Standard is open for comment"] == (
        "Comments are accepted from 9:00\u202fAM on Monday, November 2, 2026 until 9:00\u202fAM on "
        "Thursday, November 12, 2026, New York time."
    )
    assert summaries["A response to a comment on A0.9 Open data portal (version 9.0)"] == (
        "Disposition: accepted. Response: We now name CSV and JSON."
    )


def test_the_feed_names_itself_and_the_page_it_stands_for(client):
    consultation()
    _response, feed = _feed(client)
    rels = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert rels == {
        "self": f"{BASE}/standards/big/feed.atom?lang=en",
        "alternate": f"{BASE}/?lang=en",
    }
    assert feed.find(f"{ATOM}id").text == f"{BASE}/standards/big/feed.atom?lang=en"
    assert feed.find(f"{ATOM}title").text == "News of the Test Standard"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_text_that_looks_like_html_stays_text(client):
    c = consultation()
    Event.objects.filter(kind=EventKind.PERIOD_EXTENDED).update(
        payload={**c.period.events.get(kind=EventKind.PERIOD_EXTENDED).payload, "reason": "<b>x"}
    )
    _response, feed = _feed(client)
    (summary,) = [e["summary"] for e in entries(feed) if "extended" in e["title"]]
    # type="html": the reader unescapes once and shows "<b>x" as text.
    assert summary.endswith("Reason given: &lt;b&gt;x")


def test_a_feed_shows_at_most_its_newest_fifty_events(client):
    c = consultation()
    now = timezone.now()
    Event.objects.bulk_create(
        Event(
            kind=EventKind.VERSION_PUBLISHED,
            occurred_at=T0 + dt.timedelta(days=30, minutes=n),
            standard=c.draft.standard,
            version=c.draft,
            payload={"standard": "big", "version": "9.0"},
            fanned_out_at=now,
        )
        for n in range(feeds.FEED_LIMIT + 5)
    )
    _response, feed = _feed(client)
    listed = entries(feed)
    assert len(listed) == feeds.FEED_LIMIT
    assert listed[0]["updated"] == T0 + dt.timedelta(days=30, minutes=feeds.FEED_LIMIT + 4)


def test_a_standard_with_nothing_yet_has_an_empty_feed_dated_by_the_standard(client):
    version = build_version(standard_slug="quiet", label="1.0", criteria=1, areas=1)
    response, feed = _feed(client, "/standards/quiet/feed.atom")
    assert entries(feed) == []
    updated = dt.datetime.fromisoformat(feed.find(f"{ATOM}updated").text)
    assert updated == version.standard.created_at
    # Same body, same tag, whenever it is asked for.
    again = client.get("/standards/quiet/feed.atom")
    assert again.content == response.content and again["ETag"] == response["ETag"]
