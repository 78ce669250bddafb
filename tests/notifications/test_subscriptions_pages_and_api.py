"""Following a standard or a criterion: the subscribe page and POST /api/v1/subscriptions/ ask
for a confirmation mail and nothing else; the confirmation link's GET shows a button, its POST
confirms; asking again after leaving asks for confirmation again."""

import datetime as dt

import pytest
from django.core import signing
from django.utils import timezone

from standard_versions.consultation.comments import submit_comment
from standard_versions.models import EmailAddress, Event, EventKind, Subscription
from standard_versions.notifications import subscriptions
from standard_versions.notifications.subscriptions import CONFIRM_SALT
from tests.notifications import smtp
from tests.notifications.smtp import drain, links_in, path_of, text_of

# The shared fixtures (tests/notifications/smtp.py).
draft = smtp.draft
mailbox = smtp.mailbox
period = smtp.period

URL = "/api/v1/subscriptions/"


def test_the_subscribe_page_asks_for_a_confirmation_then_says_check_your_mail(
    client, mailbox, draft
):
    page = client.get("/subscribe/?standard=big&criterion=k1&lang=es")
    assert page.status_code == 200
    assert 'name="criterion" value="k1"' in page.content.decode()
    response = client.post(
        "/subscribe/?lang=es",
        {"standard": "big", "criterion": "k1", "email": "Ana@Example.org", "frequency": "daily"},
    )
    assert response.status_code == 303
    assert response["Location"] == "/subscribe/sent/?lang=es"
    assert client.get(response["Location"]).status_code == 200
    subscription = Subscription.objects.get()
    assert (subscription.scope, subscription.criterion_key) == ("criterion", "k1")
    assert (subscription.frequency, subscription.language) == ("daily", "es")
    assert subscription.address.address == "ana@example.org"
    assert subscription.confirmed_at is None
    drain(timezone.now())
    (message,) = mailbox.to("ana@example.org")
    assert message["Subject"] == "Confirme su suscripción"
    assert links_in(message, "/subscriptions/confirm/")
    assert "el criterio con la clave permanente k1 de Big Standard" in text_of(message)


def test_the_subscribe_page_refuses_a_bad_address_and_an_unknown_criterion(client, draft):
    response = client.post(
        "/subscribe/", {"standard": "big", "email": "not-an-address", "frequency": "immediate"}
    )
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert client.get("/subscribe/?standard=big&criterion=nope").status_code == 404
    assert client.get("/subscribe/?standard=nope").status_code == 404
    assert Subscription.objects.count() == 0


def test_the_confirmation_link_confirms_only_by_post(client, mailbox, draft):
    now = timezone.now()
    subscriptions.subscribe(email="ana@example.org", standard_slug="big", language="en", now=now)
    drain(now)
    (link,) = links_in(mailbox.messages[0], "/subscriptions/confirm/")
    page = client.get(path_of(link))
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store"
    assert "ana@example.org" not in page.content.decode()
    assert Subscription.objects.get().confirmed_at is None
    done = client.post(path_of(link))
    assert done.status_code == 200
    assert "Subscription confirmed" in done.content.decode()
    assert Subscription.objects.get().active
    assert EmailAddress.objects.get().verified_at is not None


def test_an_expired_or_altered_confirmation_link_is_a_page_saying_so(client, draft):
    now = timezone.now()
    subscription = subscriptions.subscribe(email="a@example.org", standard_slug="big", now=now)
    token = subscriptions.confirm_token(subscription)
    assert client.post(f"/subscriptions/confirm/{token}x/").status_code == 400
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(signing.TimestampSigner, "timestamp", lambda self: "1")  # signed long ago
        expired = signing.dumps({"s": subscription.pk}, salt=CONFIRM_SALT, compress=True)
    response = client.post(f"/subscriptions/confirm/{expired}/")
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert Subscription.objects.get().confirmed_at is None


def test_subscribing_again_after_leaving_asks_for_confirmation_again(draft):
    now = timezone.now()
    first = subscriptions.subscribe(email="a@example.org", standard_slug="big", now=now)
    subscriptions.confirm(token=subscriptions.confirm_token(first), now=now)
    subscriptions.unsubscribe(token=subscriptions.unsubscribe_token(first), now=now)
    later = now + dt.timedelta(hours=2)
    again = subscriptions.subscribe(email="A@example.org", standard_slug="big", now=later)
    assert again.pk == first.pk
    assert (again.confirmed_at, again.unsubscribed_at) == (None, None)
    assert Event.objects.filter(kind=EventKind.SUBSCRIPTION_REQUESTED).count() == 2


def test_asking_again_and_again_sends_at_most_one_confirmation_an_hour(draft):
    now = timezone.now()
    for _n in range(3):
        subscriptions.subscribe(email="a@example.org", standard_slug="big", now=now)
    assert Event.objects.filter(kind=EventKind.SUBSCRIPTION_REQUESTED).count() == 1


def test_the_api_accepts_a_request_with_202_and_never_echoes_the_address(api_client, draft):
    body = {"email": "ana@example.org", "standard": "big", "criterion": "k2", "language": "pt-BR"}
    response = api_client.post(URL, body, format="json")
    assert response.status_code == 202
    assert response.json() == {
        "status": "confirmation_sent",
        "scope": "criterion",
        "frequency": "immediate",
        "language": "pt-BR",
    }
    assert "ana@example.org" not in response.content.decode()
    assert Subscription.objects.get().language == "pt-BR"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"email": "a@example.org", "standard": "nope"}, 404, "standard_not_found"),
        (
            {"email": "a@example.org", "standard": "big", "criterion": "x9"},
            404,
            "criterion_not_found",
        ),
        (
            {"email": "a@example.org", "standard": "big", "comment": "zzzz"},
            404,
            "comment_not_found",
        ),
        ({"email": "nope", "standard": "big"}, 400, "invalid"),
        ({"email": "a@example.org", "standard": "big", "frequency": "hourly"}, 400, "invalid"),
    ],
)
def test_the_api_refuses_with_a_code_and_stores_nothing(api_client, draft, body, status, code):
    response = api_client.post(URL, body, format="json")
    assert response.status_code == status
    assert response.json()["code"] == code
    assert Subscription.objects.count() == 0


def test_the_api_is_throttled_like_comment_submissions(api_client, draft, settings):
    settings.SUBSCRIPTION_THROTTLE_RATE = "2/min"
    body = {"email": "a@example.org", "standard": "big"}
    for _n in range(2):
        assert api_client.post(URL, body, format="json").status_code == 202
    refused = api_client.post(URL, body, format="json")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1


def test_a_commenter_can_follow_their_comment_by_its_tracking_id(api_client, period):
    now = timezone.now()
    comment = submit_comment(period_id=period.pk, body="Mine", now=now).comment
    body = {"email": "a@example.org", "standard": "big", "comment": comment.tracking_id.upper()}
    assert api_client.post(URL, body, format="json").status_code == 202
    assert Subscription.objects.get().comment == comment


def test_the_pages_and_the_api_view_make_a_fixed_number_of_queries(
    client, api_client, draft, django_assert_num_queries
):
    with django_assert_num_queries(2):  # the standard, the criterion
        assert client.get("/subscribe/?standard=big&criterion=k1").status_code == 200
    with django_assert_num_queries(1):
        assert client.get("/subscribe/?standard=big").status_code == 200
    now = timezone.now()
    subscription = subscriptions.subscribe(email="a@example.org", standard_slug="big", now=now)
    with django_assert_num_queries(1):
        page = client.get(f"/subscriptions/confirm/{subscriptions.confirm_token(subscription)}/")
        assert page.status_code == 200
    with django_assert_num_queries(1):
        page = client.get(f"/unsubscribe/{subscriptions.unsubscribe_token(subscription)}/")
        assert page.status_code == 200
    with django_assert_num_queries(1):
        token = subscriptions.unsubscribe_all_token(subscription.address)
        assert client.get(f"/unsubscribe/all/{token}/").status_code == 200
    body = {"email": "b@example.org", "standard": "big", "criterion": "k1"}
    with django_assert_num_queries(15):  # with the savepoints
        assert api_client.post(URL, body, format="json").status_code == 202


def test_a_request_never_changes_a_confirmed_subscription_nor_says_it_exists(api_client, draft):
    now = timezone.now()
    first = subscriptions.subscribe(email="a@example.org", standard_slug="big", now=now)
    subscriptions.confirm(token=subscriptions.confirm_token(first), now=now)
    body = {"email": "a@example.org", "standard": "big", "frequency": "daily", "language": "es"}
    response = api_client.post(URL, body, format="json")
    assert response.json() == {
        "status": "confirmation_sent",
        "scope": "standard",
        "frequency": "daily",
        "language": "es",
    }
    first.refresh_from_db()
    assert (first.frequency, first.language, first.active) == ("immediate", "en", True)
    assert Event.objects.filter(kind=EventKind.SUBSCRIPTION_REQUESTED).count() == 1


def test_coming_back_within_the_hour_after_leaving_still_sends_a_new_link(draft):
    now = timezone.now()
    first = subscriptions.subscribe(email="a@example.org", standard_slug="big", now=now)
    subscriptions.confirm(token=subscriptions.confirm_token(first), now=now)
    subscriptions.unsubscribe(token=subscriptions.unsubscribe_token(first), now=now)
    subscriptions.subscribe(email="a@example.org", standard_slug="big", now=now)
    assert Event.objects.filter(kind=EventKind.SUBSCRIPTION_REQUESTED).count() == 2
