"""A small period whose report's figures were counted by hand (docs/disposition-report.md):
ten published comments over three days of a period in São Paulo time, on the ``big 9.0`` draft
(6 criteria in 2 practice areas: A0.0 A0.2 A0.4 in a0, A1.1 A1.3 A1.5 in a1), with dispositions,
links to changes in 9.1, commenters' answers and one near-duplicate campaign.

=====  =======  ===========  ====================  ===========================  ==============
c      section  local day    disposition           links (9.1)                  answer
=====  =======  ===========  ====================  ===========================  ==============
c1     A0.0     Mar 1        accepted              k0 substantive, reqs ed.     accepted
c2     A0.0     Mar 1        noted                 -                            (pending)
c3     A1.1     Mar 1        -                     -                            -
c4     A1.1     Mar 2        not_accepted          -                            objected, open
c5     A0.2     Mar 2        accepted              area a0 editorial            objected, withheld
c6     whole    Mar 2        noted                 -                            (pending)
c7     A1.1     Mar 2 23:30  partially_accepted    -                            (pending)
c8     A0.2     Mar 3        duplicate             -                            objected, replied
c9     A0.0     Mar 3        accepted              k0 editorial                 (pending)
c10    A1.3     Mar 3        -                     -                            -
=====  =======  ===========  ====================  ===========================  ==============

Not in the report: c11 (received) and c12 (withheld). c2 and c9 share a text (a tally of 2);
c3 and c10 are one near-duplicate campaign: 4 campaign comments of 10. Responses: c1 c2 c4 c5
on Mar 5 12:00 UTC, c6 c7 c8 c9 on Mar 6 12:00 UTC; windows of 14 days end Mar 19 and Mar 20
at 12:00 UTC.
"""

import datetime as dt

import pytest
import time_machine

from standard_versions.models import (
    Comment,
    CommenterAnswer,
    CommentSignature,
    Criterion,
    IdenticalCommentTally,
    NearDuplicateCampaign,
    PracticeArea,
    ResponseLink,
    Version,
)
from tests.comments.conftest import make_period
from tests.factories import build_version

UTC = dt.UTC
OPENS = dt.datetime(2030, 3, 1, 3, 0, tzinfo=UTC)  # midnight in São Paulo (UTC-3)
CLOSES = dt.datetime(2030, 3, 4, 3, 0, tzinfo=UTC)
NOW = dt.datetime(2030, 3, 10, 12, 0, tzinfo=UTC)
FIRST_WINDOW_ENDS = dt.datetime(2030, 3, 19, 12, 0, tzinfo=UTC)
SECOND_WINDOW_ENDS = dt.datetime(2030, 3, 20, 12, 0, tzinfo=UTC)
RESPONDED = {
    1: dt.datetime(2030, 3, 5, 12, 0, tzinfo=UTC),
    2: dt.datetime(2030, 3, 6, 12, 0, tzinfo=UTC),
}

# n: (criterion code, UTC submission time, disposition, response batch, state)
COMMENTS = {
    1: ("A0.0", dt.datetime(2030, 3, 1, 12, 0), "accepted", 1, "published"),
    2: ("A0.0", dt.datetime(2030, 3, 1, 13, 0), "noted", 1, "published"),
    3: ("A1.1", dt.datetime(2030, 3, 1, 14, 0), "", 0, "published"),
    4: ("A1.1", dt.datetime(2030, 3, 2, 12, 0), "not_accepted", 1, "published"),
    5: ("A0.2", dt.datetime(2030, 3, 2, 13, 0), "accepted", 1, "published"),
    6: ("", dt.datetime(2030, 3, 2, 14, 0), "noted", 2, "published"),
    # 02:30 UTC on Mar 3 is 23:30 on Mar 2 in São Paulo.
    7: ("A1.1", dt.datetime(2030, 3, 3, 2, 30), "partially_accepted", 2, "published"),
    8: ("A0.2", dt.datetime(2030, 3, 3, 12, 0), "duplicate", 2, "published"),
    9: ("A0.0", dt.datetime(2030, 3, 3, 13, 0), "accepted", 2, "published"),
    10: ("A1.3", dt.datetime(2030, 3, 3, 14, 0), "", 0, "published"),
    11: ("A0.0", dt.datetime(2030, 3, 3, 15, 0), "", 0, "received"),
    12: ("A1.1", dt.datetime(2030, 3, 3, 16, 0), "noted", 2, "withheld"),
}
TYPES = {1: "technical", 2: "editorial", 3: "general", 4: "translation"}


def tracking_id(n: int) -> str:
    return f"WWC-R{n:04d}"


@pytest.fixture
def report_draft(db):
    """The ``big 9.0`` draft of tests/comments: 6 criteria (A0.0 ... A1.5, keys k0 ... k5)."""
    return build_version(standard_slug="big", label="9.0", criteria=6, areas=2, status="draft")


@pytest.fixture
def report_period(report_draft):
    draft = report_draft
    with time_machine.travel(dt.datetime(2030, 2, 20, tzinfo=UTC), tick=False):
        period = make_period(draft, opens_at=OPENS, closes_at=CLOSES, tz="America/Sao_Paulo")
    comments = {}
    for n, (code, at, disposition, batch, state) in COMMENTS.items():
        key = f"k{code.split('.')[1]}" if code else ""
        comments[n] = Comment(
            period=period,
            tracking_id=tracking_id(n),
            submitted_at=at.replace(tzinfo=UTC),
            criterion_key=key,
            criterion_code=code,
            criterion_title=f"Criterion {code.split('.')[1]}" if code else "",
            body="Same form letter text" if n in (2, 9) else f"Comment number {n}",
            proposed_text=f"Proposed {n}" if n == 1 else "",
            type=TYPES.get(n, "technical"),
            organization=f"City {n}",
            name=f"Person {n}",
            identity_public=n != 3,
            content_sha256="0" * 64,
            normalized_hash="same" if n in (2, 9) else f"{n:064d}",
            moderation_state=state,
            disposition=disposition,
            response=f"Response to {n}" if batch else "",
            responded_at=RESPONDED.get(batch),
        )
    Comment.objects.bulk_create(comments.values())
    comments = {n: Comment.objects.get(tracking_id=tracking_id(n)) for n in COMMENTS}
    later = Version.objects.create(standard=draft.standard, label="9.1", status="draft")
    area = PracticeArea.objects.create(version=later, key="a0", code="B0", name="Area", position=0)
    Criterion.objects.create(
        version=later, practice_area=area, key="k0", code="B0.7", title="C", description="D"
    )
    for n, target, key, change_class in [
        (1, "criterion", "k0", "substantive"),
        (1, "requirements", "", "editorial"),
        (5, "practice_area", "a0", "editorial"),
        (9, "criterion", "k0", "editorial"),
    ]:
        ResponseLink.objects.create(
            comment=comments[n],
            version=later,
            target=target,
            target_key=key,
            change_class=change_class,
            created_at=NOW - dt.timedelta(days=3),
        )
    answered = dt.datetime(2030, 3, 7, tzinfo=UTC)
    CommenterAnswer.objects.create(comment=comments[1], kind="accepted", submitted_at=answered)
    CommenterAnswer.objects.create(
        comment=comments[4],
        kind="objected",
        text="Please reconsider the threshold.",
        moderation_state="published",
        submitted_at=answered,
    )
    CommenterAnswer.objects.create(
        comment=comments[5],
        kind="objected",
        text="Something rude.",
        moderation_state="withheld",
        submitted_at=answered,
    )
    CommenterAnswer.objects.create(
        comment=comments[8],
        kind="objected",
        text="It is not a duplicate.",
        moderation_state="published",
        staff_reply="We kept it: see comment c4.",
        replied_at=answered + dt.timedelta(days=1),
        submitted_at=answered,
    )
    IdenticalCommentTally.objects.create(
        period=period,
        normalized_hash="same",
        count=2,
        first_submitted_at=comments[2].submitted_at,
        last_submitted_at=comments[9].submitted_at,
        example_tracking_id=tracking_id(2),
    )
    campaign = NearDuplicateCampaign.objects.create(
        period=period,
        template=comments[3],
        template_text=comments[3].body,
        member_count=2,
        first_submitted_at=comments[3].submitted_at,
        last_submitted_at=comments[10].submitted_at,
        created_at=NOW,
    )
    for n in (3, 10, 1):
        CommentSignature.objects.create(
            comment=comments[n],
            period=period,
            submitted_at=comments[n].submitted_at,
            scheme=1,
            signature=b"x",
            campaign=campaign if n != 1 else None,
        )
    return period


@pytest.fixture
def at_now(report_period):
    """The clock at NOW (Mar 10, 12:00 UTC): every unanswered response is pending."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller
