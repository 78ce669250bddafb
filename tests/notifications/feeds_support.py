"""What the feed tests share: a consultation that went through every public event (and the
private ones, which feeds must never show), and a strict reading of an Atom document."""

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from standard_versions.consultation.comments import submit_comment
from standard_versions.consultation.moderation import moderate_comment, respond_to_comment
from standard_versions.consultation.periods import create_period, extend_period
from standard_versions.models import CommentPeriod, Standard, Version
from standard_versions.notifications import events
from standard_versions.standards.criteria import update_criterion
from standard_versions.standards.drafts import publish_version
from tests.factories import build_version

ATOM = "{http://www.w3.org/2005/Atom}"
DAY = dt.timedelta(days=1)
T0 = dt.datetime(2026, 11, 2, 14, 0, tzinfo=dt.UTC)
PRIVATE_ADDRESS = "ana.private@example.org"
STANDARD_NAME = "Test Standard"
# The site's public address (PUBLIC_BASE_URL) in these tests: feeds link with it, not the host.
BASE = "https://standard.example.org"


@dataclass
class Consultation:
    draft: Version
    period: CommentPeriod
    tracking_id: str


def consultation(*, publish: bool = False) -> Consultation:
    """Standard "big", draft 9.0 (criteria k0-k2, codes A0.0-A0.2): a period in New York time,
    announced open and closing, extended; k0 renumbered A0.0 -> A0.9 and reworded; a comment
    with a private address on it, answered and published; optionally the draft published."""
    draft = build_version(standard_slug="big", label="9.0", criteria=3, areas=1, status="draft")
    Standard.objects.filter(pk=draft.standard_id).update(name=STANDARD_NAME)
    period = create_period(
        standard_slug="big",
        label="9.0",
        opens_at=T0,
        closes_at=T0 + 10 * DAY,
        timezone="America/New_York",
        criteria=None,
        user=None,
        reason="test",
        now=T0 - DAY,
    )
    events.record_clock_events(now=T0 + dt.timedelta(hours=1))
    update_criterion(
        version=draft, code="A0.0", title="Old title", user=None, reason="r", now=T0 + DAY
    )
    update_criterion(
        version=draft,
        code="A0.0",
        new_code="A0.9",
        title="Open data portal",
        user=None,
        reason="renumbered",
        now=T0 + 2 * DAY,
    )
    comment = submit_comment(
        period_id=period.pk,
        body="Please say which formats.",
        criterion_code="A0.9",
        email=PRIVATE_ADDRESS,
        now=T0 + 3 * DAY,
    ).comment
    extend_period(
        period_id=period.pk,
        closes_at=T0 + 14 * DAY,
        user=None,
        reason="More time for cities",
        now=T0 + 4 * DAY,
    )
    events.record_clock_events(now=T0 + 13 * DAY)
    respond_to_comment(
        tracking_id=comment.tracking_id,
        disposition="accepted",
        response="We now name CSV and JSON.",
        user=None,
        now=T0 + 5 * DAY,
    )
    moderate_comment(
        tracking_id=comment.tracking_id, state="published", user=None, now=T0 + 5 * DAY
    )
    if publish:
        publish_version(
            version=draft,
            user=None,
            reason="done",
            now=T0 + 15 * DAY,
        )
    period.refresh_from_db()
    return Consultation(draft=draft, period=period, tracking_id=comment.tracking_id)


def parse_atom(body: bytes) -> ET.Element:
    """The feed element, after checking what RFC 4287 requires of a feed and its entries: id,
    title and updated on both, an author on the feed, a self link, an alternate link on each
    entry, and entry ids that are unique."""
    feed = ET.fromstring(body)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{name}") is not None, name
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    rels = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert rels["self"].startswith(f"{BASE}/")
    assert rels["alternate"].startswith(f"{BASE}/")
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated", "summary"):
            assert (entry.find(f"{ATOM}{name}").text or "").strip(), name
        dt.datetime.fromisoformat(entry.find(f"{ATOM}updated").text)
        (link,) = entry.findall(f"{ATOM}link")
        assert link.get("rel") == "alternate"
        assert link.get("href").startswith(f"{BASE}/")
        ids.append(entry.find(f"{ATOM}id").text)
    assert len(ids) == len(set(ids))
    return feed


def entries(feed: ET.Element) -> list[dict]:
    return [
        {
            "id": entry.find(f"{ATOM}id").text,
            "title": entry.find(f"{ATOM}title").text,
            "summary": entry.find(f"{ATOM}summary").text,
            "link": entry.find(f"{ATOM}link").get("href"),
            "updated": dt.datetime.fromisoformat(entry.find(f"{ATOM}updated").text),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]
