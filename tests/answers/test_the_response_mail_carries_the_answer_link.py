"""The mail that tells a commenter (whose address was confirmed) of the response carries the link
to accept or object, with their answer key; whoever else follows the criterion gets the same
news without the key."""

import pytest
from django.utils import timezone

from standard_versions.consultation.answer_keys import answer_key_for
from standard_versions.consultation.comments import submit_comment
from standard_versions.consultation.moderation import moderate_comment, respond_to_comment
from standard_versions.models import Subscription
from standard_versions.notifications import subscriptions
from tests.notifications import smtp
from tests.notifications.smtp import drain, html_of, text_of

draft = smtp.draft
mailbox = smtp.mailbox
period = smtp.period

pytestmark = pytest.mark.django_db

FOLLOWER = "criterion@example.org"
COMMENTER = "commenter@example.org"


def test_only_the_commenter_gets_the_key(mailbox, period):
    now = timezone.now()
    follower = subscriptions.subscribe(
        email=FOLLOWER, standard_slug="big", language="en", now=now, criterion_key="k0"
    )
    subscriptions.confirm(token=subscriptions.confirm_token(follower), now=now)
    comment = submit_comment(
        period_id=period.pk, body="On A0.0", criterion_code="A0.0", email=COMMENTER, now=now
    ).comment
    drain(now)  # the receipt, which makes the commenter's own subscription
    own = Subscription.objects.get(comment=comment)
    subscriptions.confirm(token=subscriptions.confirm_token(own), now=now)
    mailbox.clear()
    respond_to_comment(
        tracking_id=comment.tracking_id, disposition="accepted", response="Done", user=None, now=now
    )
    moderate_comment(tracking_id=comment.tracking_id, state="published", user=None, now=now)
    drain(now)
    key = answer_key_for(comment.tracking_id)
    (mine,) = mailbox.to(COMMENTER)
    assert "Accept the response or object to it" in text_of(mine)
    assert f"/comments/{comment.tracking_id}/?lang=en&key={key}" in text_of(mine)
    assert f"key={key}" in html_of(mine)
    (theirs,) = mailbox.to(FOLLOWER)
    assert key not in text_of(theirs) and key not in html_of(theirs)
    assert "Accept the response or object to it" not in text_of(theirs)
