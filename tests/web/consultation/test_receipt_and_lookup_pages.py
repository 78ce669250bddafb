"""The receipt page (tracking id, times in the period's zone, hash, moderation, response, whether
the criterion changed since) and the look-up page; neither ever shows an email address."""

import pytest
from django.utils import timezone

from standard_versions.consultation.comments import moderate_comment, respond_to_comment
from standard_versions.models import Comment, Criterion
from standard_versions.standards.revisions import bump_version_revision
from tests.web.consultation.conftest import post_comment

pytestmark = pytest.mark.django_db

EMAIL = "private.person@secret-mail.example"


@pytest.fixture
def comment(client, open_period) -> Comment:
    response = post_comment(client, open_period, body="Say how often.", email=EMAIL, name="Pat")
    assert response.status_code == 303
    return Comment.objects.get()


def test_the_receipt_shows_the_tracking_id_time_hash_and_state(client, comment):
    response = client.get(f"/comments/{comment.tracking_id}/?received=1")
    html = response.content.decode()
    assert response.status_code == 200
    grouped = "-".join(comment.tracking_id[i : i + 4] for i in range(0, 26, 4))
    assert f'<code id="tracking-id">{grouped}</code>' in html  # k5q3-w7pz-...-ne
    assert "Keep this tracking id" in html
    assert "Thank you: your comment was received" in html
    assert comment.content_sha256 in html
    assert "Received, not reviewed yet" in html
    local = timezone.localtime(
        comment.submitted_at, timezone=__import__("zoneinfo").ZoneInfo("America/New_York")
    )
    assert f"{local:%B} {local.day}, {local.year}" in html
    assert "New York time" in html
    assert "Say how often." in html


def test_the_receipt_never_shows_the_email_or_a_private_name(client, comment):
    html = client.get(f"/comments/{comment.tracking_id}/").content.decode()
    assert EMAIL not in html and "secret-mail" not in html
    assert "Pat" not in html
    consultation = client.get(f"/comment-periods/{comment.period_id}/").content.decode()
    assert "secret-mail" not in consultation


def test_the_receipt_shows_the_disposition_the_response_and_the_criterion_change(client, comment):
    now = timezone.now()
    moderate_comment(tracking_id=comment.tracking_id, state="published", user=None, now=now)
    respond_to_comment(
        tracking_id=comment.tracking_id,
        disposition="partially_accepted",
        response="We added a yearly review.",
        user=None,
        now=now,
    )
    criterion = Criterion.objects.get(version=comment.period.version, code="A0.0")
    criterion.description = "Text of criterion 0 reviewed yearly."
    criterion.save()
    bump_version_revision(version=comment.period.version)
    html = client.get(f"/comments/{comment.tracking_id}/").content.decode()
    assert "Published" in html
    assert "partially accepted" in html
    assert "We added a yearly review." in html
    assert "Has A0.0 changed since your comment?" in html
    assert "<ins>" in html and "<del>" in html


def test_a_withheld_comment_says_why(client, comment):
    moderate_comment(
        tracking_id=comment.tracking_id,
        state="withheld",
        reason="Contains personal data",
        user=None,
        now=timezone.now(),
    )
    html = client.get(f"/comments/{comment.tracking_id}/").content.decode()
    assert "Withheld from publication" in html
    assert "Contains personal data" in html


def test_an_unknown_receipt_is_a_friendly_404(client, db):
    response = client.get("/comments/aaaaaaaaaaaaaaaaaaaaaaaaaa/")
    assert response.status_code == 404
    assert "There is no comment aaaaaaaaaaaaaaaaaaaaaaaaaa." in response.content.decode()


def test_the_lookup_page_has_a_labelled_get_form(client, db):
    response = client.get("/comments/lookup/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<form method="get" action="/comments/lookup/"' in html
    assert '<label for="tracking_id">' in html


def test_looking_up_a_tracking_id_redirects_to_its_receipt_forgiving_case_and_spaces(
    client, comment
):
    spaced = " ".join(comment.tracking_id.upper()[i : i + 4] for i in range(0, 26, 4))
    response = client.get("/comments/lookup/", {"tracking_id": spaced, "lang": "es"})
    assert response.status_code == 302
    assert response["Location"] == f"/comments/{comment.tracking_id}/?lang=es"


def test_an_unknown_tracking_id_is_a_clear_404(client, db):
    response = client.get("/comments/lookup/", {"tracking_id": "nope<script>"})
    html = response.content.decode()
    assert response.status_code == 404
    assert "We have no comment with the tracking id nope&lt;script&gt;." in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="tracking_id-hint tracking_id-error"' in html


def test_an_empty_lookup_asks_for_the_tracking_id(client, db):
    response = client.get("/comments/lookup/", {"tracking_id": "  "})
    assert response.status_code == 400
    assert "Enter the tracking id from your receipt." in response.content.decode()


@pytest.mark.parametrize("lang", ["es", "pt-BR"])
def test_a_published_comment_is_published_in_the_masculine_in_spanish_and_portuguese(
    client, comment, lang
):
    moderate_comment(
        tracking_id=comment.tracking_id, state="published", user=None, now=timezone.now()
    )
    html = client.get(f"/comments/{comment.tracking_id}/?lang={lang}").content.decode()
    assert "Publicado" in html
    assert "Publicada" not in html
