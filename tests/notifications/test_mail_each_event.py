"""Each public event reaches the subscribers who follow it, by mail, in their language, with
times in the period's time zone: a standard's followers hear of its periods, versions and
reports; a criterion's followers (by permanent key, across a renumbering) of its text and the
responses on it; a commenter who confirmed of their comment's response."""

import pytest
from django.utils import timezone

from standard_versions.consultation.comments import submit_comment
from standard_versions.consultation.moderation import moderate_comment, respond_to_comment
from standard_versions.consultation.periods import close_period_early, extend_period, reopen_period
from standard_versions.models import Subscription
from standard_versions.notifications import subscriptions
from standard_versions.standards.criteria import update_criterion
from standard_versions.standards.drafts import publish_version
from tests.notifications import smtp
from tests.notifications.smtp import DAY, drain, html_of, text_of

# The shared fixtures (tests/notifications/smtp.py).
draft = smtp.draft
mailbox = smtp.mailbox
period = smtp.period

STANDARD = "standard@example.org"
CRITERION = "criterion@example.org"


def _follow(email: str, *, now, language="en", **target) -> Subscription:
    subscription = subscriptions.subscribe(
        email=email, standard_slug="big", language=language, now=now, **target
    )
    return subscriptions.confirm(token=subscriptions.confirm_token(subscription), now=now)


@pytest.fixture
def followers(period):
    now = timezone.now()
    _follow(STANDARD, now=now)
    _follow(CRITERION, now=now, criterion_key="k0")
    drain(now)  # the confirmation requests (confirmed already: nothing sent) and the opening
    return now


def _subjects(mailbox, address: str) -> list[str]:
    return [message["Subject"] for message in mailbox.to(address)]


def test_the_opening_and_the_48_hours_are_told_to_the_standards_followers(mailbox, followers):
    assert _subjects(mailbox, STANDARD) == ["Comments are open on Big Standard 9.0"]
    drain(followers + 4 * DAY)
    assert _subjects(mailbox, STANDARD)[1:] == ["Comments on Big Standard 9.0 close in 48 hours"]
    assert _subjects(mailbox, CRITERION) == []
    text = text_of(mailbox.to(STANDARD)[0])
    assert "New York time" in text
    assert "https://standard.example.org/comment-periods/" in text


@pytest.mark.parametrize(
    ("change", "subject"),
    [
        ("extend", "The comment period on Big Standard 9.0 was extended"),
        ("close", "The comment period on Big Standard 9.0 was closed early"),
        ("reopen", "The comment period on Big Standard 9.0 was reopened"),
    ],
)
def test_a_moved_deadline_is_told_with_its_reason(mailbox, period, followers, change, subject):
    now = followers
    mailbox.clear()
    if change == "extend":
        extend_period(
            period_id=period.pk, closes_at=now + 9 * DAY, user=None, reason="Asked", now=now
        )
    else:
        close_period_early(period_id=period.pk, user=None, reason="Asked", now=now)
    if change == "reopen":
        mailbox.clear()
        drain(now)
        mailbox.clear()
        later = now + DAY
        reopen_period(
            period_id=period.pk, closes_at=later + 3 * DAY, user=None, reason="Asked", now=later
        )
    drain(now + DAY)
    assert subject in _subjects(mailbox, STANDARD)
    (message,) = [m for m in mailbox.to(STANDARD) if m["Subject"] == subject]
    assert "Reason given: Asked" in text_of(message)
    assert "New York time" in text_of(message)
    assert _subjects(mailbox, CRITERION) == []


def test_a_published_version_is_told_with_its_link(mailbox, draft, followers):
    mailbox.clear()
    publish_version(version=draft, user=None, reason="Done", now=followers, close_open_period=True)
    drain(followers)
    assert "Big Standard 9.0 was published" in _subjects(mailbox, STANDARD)
    (message,) = [m for m in mailbox.to(STANDARD) if "published" in m["Subject"]]
    assert "https://standard.example.org/standards/big/versions/9.0/?lang=en" in text_of(message)


def test_a_criterion_is_followed_by_its_key_across_a_new_code(mailbox, draft, followers):
    mailbox.clear()
    update_criterion(
        version=draft, code="A0.0", new_code="B7", user=None, reason="r", now=followers
    )
    update_criterion(
        version=draft, code="B7", title="Renamed", user=None, reason="r", now=followers
    )
    drain(followers)
    (message,) = mailbox.to(CRITERION)
    assert message["Subject"] == "Criterion B7 changed in the draft Big Standard 9.0"
    assert "Its title is now: Renamed" in text_of(message)
    assert "/standards/big/criteria/k0/" in html_of(message)
    assert _subjects(mailbox, STANDARD) == []


def test_a_response_goes_to_the_criterions_followers_the_commenter_and_the_report_to_all(
    mailbox, period, followers
):
    now = followers
    comment = submit_comment(
        period_id=period.pk,
        body="On A0.0",
        criterion_code="A0.0",
        email="commenter@example.org",
        now=now,
    ).comment
    drain(now)
    assert len(mailbox.to("commenter@example.org")) == 1  # the receipt
    own = Subscription.objects.get(comment=comment)
    subscriptions.confirm(token=subscriptions.confirm_token(own), now=now)
    mailbox.clear()
    respond_to_comment(
        tracking_id=comment.tracking_id, disposition="accepted", response="Done", user=None, now=now
    )
    moderate_comment(tracking_id=comment.tracking_id, state="published", user=None, now=now)
    drain(now)
    response_subject = f"A response to comment {comment.tracking_id} was published"
    assert _subjects(mailbox, "commenter@example.org") == [response_subject]
    assert _subjects(mailbox, CRITERION) == [response_subject]
    assert _subjects(mailbox, STANDARD) == [
        "The disposition report of Big Standard 9.0 was published"
    ]
    text = text_of(mailbox.to("commenter@example.org")[0])
    assert "What was done with it: accepted" in text
    assert "Done" in text


def test_a_subscriber_gets_the_mail_in_their_language(mailbox, period):
    now = timezone.now()
    _follow("ana@example.org", now=now, language="pt-BR")
    drain(now)
    (message,) = mailbox.to("ana@example.org")
    assert message["Content-Language"] == "pt-BR"
    assert "horário de Nova York" in text_of(message)
