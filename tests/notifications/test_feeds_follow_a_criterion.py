"""The feed of a criterion follows its permanent key: renumbered DM7 -> DM10 in a draft, or in
a later draft, it is the same feed, and it holds only that criterion's changes and responses."""

import datetime as dt

import pytest

from standard_versions.models import Event, EventKind
from standard_versions.standards.criteria import update_criterion
from standard_versions.standards.drafts import create_draft
from tests.notifications.feeds_support import ATOM, BASE, T0, consultation, entries, parse_atom

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _public_base_url(settings):
    settings.PUBLIC_BASE_URL = BASE


def _criterion_feed(client, key="k0"):
    response = client.get(f"/standards/big/criteria/{key}/feed.atom")
    assert response.status_code == 200
    return parse_atom(response.content)


def test_the_feed_of_a_key_keeps_its_entries_across_a_renumbering(client):
    consultation()
    feed = _criterion_feed(client)
    titles = [e["title"] for e in entries(feed)]
    # The first change was made while it was A0.0, the second renamed it A0.9.
    assert titles == [
        "A response to a comment on A0.9 Open data portal (version 9.0)",
        "A0.9 Open data portal changed in the draft of version 9.0",
        "A0.0 Open data portal changed in the draft of version 9.0",
    ]
    keys = set(
        Event.objects.filter(event_id__in=[e["id"][9:] for e in entries(feed)]).values_list(
            "criterion_key", flat=True
        )
    )
    assert keys == {"k0"}


def test_a_later_draft_that_renumbers_the_criterion_adds_to_the_same_feed(client):
    c = consultation(publish=True)
    later = create_draft(
        based_on=c.draft,
        label="10.0",
        title="Next",
        user=None,
        reason="next",
        now=T0 + 20 * dt.timedelta(days=1),
    )
    update_criterion(
        version=later,
        code="A0.9",
        new_code="A0.10",
        title="Open data portals",
        user=None,
        reason="renumbered again",
        now=T0 + 21 * dt.timedelta(days=1),
    )
    listed = entries(_criterion_feed(client))
    assert listed[0]["title"] == "A0.10 Open data portals changed in the draft of version 10.0"
    assert len(listed) == 4


def test_the_feed_names_the_criterion_by_its_newest_code_and_links_to_its_history(client):
    consultation()
    feed = _criterion_feed(client)
    assert feed.find(f"{ATOM}title").text == "Criterion A0.9 Open data portal of the Test Standard"
    rels = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert rels == {
        "self": f"{BASE}/standards/big/criteria/k0/feed.atom?lang=en",
        "alternate": f"{BASE}/standards/big/criteria/k0/?lang=en",
    }


def test_another_criterion_and_the_period_are_not_in_a_criterions_feed(client):
    consultation()
    assert entries(_criterion_feed(client, "k1")) == []
    kinds = {Event.objects.get(event_id=e["id"][9:]).kind for e in entries(_criterion_feed(client))}
    assert kinds == {EventKind.CRITERION_CHANGED, EventKind.RESPONSE_PUBLISHED}
