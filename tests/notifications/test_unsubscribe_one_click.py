"""Every mail can be left in one click: RFC 8058's POST (``List-Unsubscribe=One-Click``, no
cookie, no CSRF token) to the https link of ``List-Unsubscribe``, or the page's button. A GET
only shows the page (mail scanners prefetch links). After it, nothing more is sent."""

from django.test import Client
from django.utils import timezone

from standard_versions.consultation.periods import extend_period
from standard_versions.models import Delivery, DeliveryStatus, Subscription
from standard_versions.notifications import subscriptions
from tests.notifications import smtp
from tests.notifications.smtp import DAY, drain, links_in, path_of, text_of

# The shared fixtures (tests/notifications/smtp.py).
draft = smtp.draft
mailbox = smtp.mailbox
period = smtp.period


def _confirmed(email: str, *, now, **target) -> Subscription:
    subscription = subscriptions.subscribe(email=email, standard_slug="big", now=now, **target)
    return subscriptions.confirm(token=subscriptions.confirm_token(subscription), now=now)


def _extend(period, now, days: int) -> None:
    extend_period(period_id=period.pk, closes_at=now + days * DAY, user=None, reason="r", now=now)


def _extended(messages):
    return [message for message in messages if "extended" in message["Subject"]]


def test_the_one_click_post_needs_no_cookie_nor_csrf_token_and_stops_the_mail(mailbox, period):
    now = timezone.now()
    _confirmed("ana@example.org", now=now)
    _extend(period, now, 8)
    drain(now)
    (message,) = _extended(mailbox.messages)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message["List-Unsubscribe"].strip().strip("<>")
    assert link.startswith("https://standard.example.org/unsubscribe/")
    provider = Client(enforce_csrf_checks=True)
    response = provider.post(
        path_of(link),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Subscription.objects.get().unsubscribed_at is not None
    mailbox.clear()
    _extend(period, now, 9)
    drain(now)
    assert _extended(mailbox.messages) == []
    # Leaving twice is harmless.
    assert (
        provider.post(
            path_of(link),
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        ).status_code
        == 200
    )


def test_a_get_of_the_link_shows_a_button_and_unsubscribes_nobody(client, mailbox, period):
    now = timezone.now()
    _confirmed("ana@example.org", now=now)
    _extend(period, now, 8)
    drain(now)
    (message,) = _extended(mailbox.messages)
    (link,) = [link for link in links_in(message, "/unsubscribe/") if "/all/" not in link]
    page = client.get(path_of(link))
    assert page.status_code == 200
    assert "<button" in page.content.decode()
    assert "ana@example.org" not in page.content.decode()
    assert Subscription.objects.get().unsubscribed_at is None
    done = client.post(path_of(link))
    assert done.status_code == 200
    assert Subscription.objects.get().unsubscribed_at is not None


def test_a_pending_mail_of_a_subscription_left_is_skipped(mailbox, period):
    now = timezone.now()
    subscription = _confirmed("ana@example.org", now=now)
    _extend(period, now, 8)
    smtp.outbox.fan_out(now=now)
    subscriptions.unsubscribe(token=subscriptions.unsubscribe_token(subscription), now=now)
    drain(now)
    assert _extended(mailbox.messages) == []
    extended = Delivery.objects.get(event__kind="period.extended")
    assert extended.status == DeliveryStatus.SKIPPED


def test_the_link_to_leave_everything_ends_every_subscription_of_the_address(
    client, mailbox, period
):
    now = timezone.now()
    _confirmed("ana@example.org", now=now)
    _confirmed("ana@example.org", now=now, criterion_key="k1")
    _confirmed("bob@example.org", now=now)
    _extend(period, now, 8)
    drain(now)
    (message,) = _extended(mailbox.to("ana@example.org"))
    (link,) = links_in(message, "/unsubscribe/all/")
    assert "Unsubscribe from every mail to this address" in text_of(message)
    assert client.post(path_of(link)).status_code == 200
    left = Subscription.objects.filter(unsubscribed_at__isnull=False)
    assert {s.address.address for s in left} == {"ana@example.org"}
    assert left.count() == 2


def test_an_altered_unsubscribe_link_is_refused_with_a_page(client, draft):
    response = client.post("/unsubscribe/not-a-token/")
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
