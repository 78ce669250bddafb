"""A commenter who gives an address gets a receipt by mail in the language of the form: the
tracking id, what was sent, its hash and the links to look it up, with the confirmation link;
nothing else reaches the address until it is confirmed."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import override

from standard_versions.consultation.comments import submit_comment
from standard_versions.consultation.moderation import moderate_comment, respond_to_comment
from standard_versions.models import Comment, Delivery, DeliveryStatus, EmailAddress
from standard_versions.notifications import mail
from tests.notifications import smtp
from tests.notifications.smtp import drain, html_of, links_in, path_of, text_of

# The shared fixtures (tests/notifications/smtp.py).
draft = smtp.draft
mailbox = smtp.mailbox
period = smtp.period


def _answer_and_publish(comment: Comment, now: dt.datetime) -> None:
    respond_to_comment(
        tracking_id=comment.tracking_id,
        disposition="noted",
        response="Noted, thanks",
        user=None,
        now=now,
    )
    moderate_comment(tracking_id=comment.tracking_id, state="published", user=None, now=now)


def test_the_spanish_form_sends_a_spanish_receipt_with_the_hash_and_the_links(
    client, mailbox, period
):
    response = client.post(
        f"/comment-periods/{period.pk}/?lang=es",
        {"body": "Mi comentario", "email": "Ana@Example.org", "language": "es", "type": "general"},
    )
    assert response.status_code == 303
    comment = Comment.objects.get()
    drain(timezone.now())
    (message,) = mailbox.to("ana@example.org")
    assert message["Subject"] == f"Recibimos su comentario: {comment.tracking_id}"
    assert message["Content-Language"] == "es"
    text = text_of(message)
    assert "Mi comentario" in text
    assert comment.content_sha256 in text
    assert comment.tracking_id in text
    receipt_link = f"https://standard.example.org/comments/{comment.tracking_id}/?lang=es"
    assert receipt_link in text
    assert "https://standard.example.org/comments/lookup/?lang=es" in text
    # Spanish, with the time in the period's zone.
    assert "hora de Nueva York" in text
    assert "Huella de lo que se guardó (SHA-256):" in text
    assert links_in(message, "/subscriptions/confirm/")
    assert comment.content_sha256 in html_of(message)
    assert (
        message["List-Unsubscribe"].strip().startswith("<https://standard.example.org/unsubscribe/")
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_receipt_keeps_its_message_id_when_it_is_sent_again(mailbox, period):
    now = timezone.now()
    submit_comment(period_id=period.pk, body="Mine", email="ana@example.org", now=now)
    drain(now)
    delivery = Delivery.objects.get()
    assert mail.send_delivery(delivery, now=now).succeeded
    first, again = mailbox.messages
    assert first["Message-ID"] == again["Message-ID"]
    assert str(delivery.event.event_id) in first["Message-ID"]
    assert "ana@example.org" not in first["Message-ID"]


def test_no_mail_but_the_receipt_before_confirmation_and_the_response_after(
    client, mailbox, period
):
    now = timezone.now()
    with override("en"):
        first = submit_comment(period_id=period.pk, body="One", email="ana@example.org", now=now)
    drain(now)
    (receipt,) = mailbox.messages
    assert "Confirm your address to be told" in text_of(receipt)
    _answer_and_publish(first.comment, now)
    drain(now)
    assert len(mailbox.messages) == 1  # not confirmed: no response mail
    (confirm_link,) = links_in(receipt, "/subscriptions/confirm/")
    assert client.get(path_of(confirm_link)).status_code == 200
    assert EmailAddress.objects.get().verified_at is None  # a GET confirms nothing
    assert client.post(path_of(confirm_link)).status_code == 200
    assert EmailAddress.objects.get().verified_at is not None
    second = submit_comment(period_id=period.pk, body="Two", email="ana@example.org", now=now)
    drain(now)
    assert "We will tell you by mail" in text_of(mailbox.messages[-1])
    _answer_and_publish(second.comment, now)
    drain(now)
    response_mail = mailbox.messages[-1]
    assert second.comment.tracking_id in response_mail["Subject"]
    assert "Noted, thanks" in text_of(response_mail)


def test_an_unverified_address_gets_at_most_the_daily_number_of_receipts(settings, mailbox, period):
    settings.UNVERIFIED_RECEIPTS_PER_DAY = 2
    now = timezone.now()
    for n in range(3):
        submit_comment(period_id=period.pk, body=f"Comment {n}", email="ana@example.org", now=now)
        drain(now)
    assert len(mailbox.messages) == 2
    statuses = sorted(Delivery.objects.values_list("status", flat=True))
    assert statuses == [DeliveryStatus.SENT, DeliveryStatus.SENT, DeliveryStatus.SKIPPED]
