"""Submitting a comment: the receipt, what is stored, and each refusal with its code."""

import datetime as dt
import hashlib
import json
import re
import unicodedata

import pytest
import time_machine

from standard_versions.models import Comment
from tests.comments.conftest import make_period, submit

pytestmark = pytest.mark.django_db


def test_a_submission_gets_a_receipt_with_an_unguessable_id_server_time_and_hash(
    api_client, open_period
):
    instant = dt.datetime(2030, 6, 1, 12, 0, 0, 123_456, tzinfo=dt.UTC)
    open_period.opens_at = instant - dt.timedelta(days=1)
    open_period.closes_at = instant + dt.timedelta(days=1)
    open_period.save()
    with time_machine.travel(instant, tick=False):
        response = submit(
            api_client, open_period, criterion="A0.0", body="Keep it.", type="technical"
        )
    assert response.status_code == 201
    receipt = response.json()
    assert receipt["status"] == "received"
    assert receipt["submitted_at"] == "2030-06-01T12:00:00.123456Z"
    assert re.fullmatch(r"[a-z2-7]{26}", receipt["tracking_id"])
    assert response["Location"].endswith(f"/api/v1/comments/{receipt['tracking_id']}/")
    comment = Comment.objects.get()
    assert comment.submitted_at == instant
    # The documented formula: SHA-256 of compact, key-sorted JSON of the stored content.
    content = {
        "tracking_id": receipt["tracking_id"],
        "submitted_at": "2030-06-01T12:00:00.123456+00:00",
        "period": open_period.pk,
        "criterion": "A0.0",
        "criterion_revision": 1,
        "body": "Keep it.",
        "proposed_text": "",
        "type": "technical",
        "language": "en",
    }
    encoded = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert receipt["content_sha256"] == hashlib.sha256(encoded.encode()).hexdigest()


def test_tracking_ids_are_distinct(api_client, open_period):
    ids = {submit(api_client, open_period, body=f"c{i}").json()["tracking_id"] for i in range(20)}
    assert len(ids) == 20


def test_the_criterion_text_the_comment_was_written_against_is_stored(api_client, open_period):
    response = submit(api_client, open_period, criterion="A1.1", proposed_text="Better words.")
    assert response.status_code == 201
    comment = Comment.objects.get()
    assert (comment.criterion_key, comment.criterion_code) == ("k1", "A1.1")
    assert comment.criterion_title == "Criterion 1"
    assert comment.criterion_description.startswith("Text of criterion 1")
    assert comment.criterion_revision == 1
    assert comment.proposed_text == "Better words."


def test_a_comment_on_the_whole_version_has_no_criterion(api_client, open_period):
    response = submit(api_client, open_period, criterion=None)
    assert response.status_code == 201
    assert response.json()["criterion"] is None


def test_the_body_is_stored_nfc_normalised_and_counted_after_normalisation(api_client, open_period):
    decomposed = "e\u0301" * 10_000  # 20,000 code points, 10,000 after NFC
    response = submit(api_client, open_period, body=decomposed)
    assert response.status_code == 201, response.json()
    stored = Comment.objects.get().body
    assert stored == unicodedata.normalize("NFC", decomposed) and len(stored) == 10_000


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("", "comment_body_empty"),
        ("   \n\t ", "comment_body_empty"),
        ("x" * 10_001, "comment_body_too_long"),
    ],
)
def test_empty_and_oversized_bodies_are_refused_and_nothing_is_stored(
    api_client, open_period, body, code
):
    response = submit(api_client, open_period, body=body)
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert not Comment.objects.exists()


def test_a_body_of_exactly_10000_characters_is_accepted(api_client, open_period):
    assert submit(api_client, open_period, body="x" * 10_000).status_code == 201


def test_a_missing_body_is_a_validation_error(api_client, open_period):
    response = api_client.post(
        f"/api/v1/comment-periods/{open_period.pk}/comments/", {}, format="json"
    )
    assert response.status_code == 400
    assert "body" in response.json()["errors"]


def test_a_criterion_outside_the_scope_is_refused(api_client, draft):
    period = make_period(draft, criteria=["A0.0"])
    for code in ("A1.1", "NOPE9", "A0.0x"):
        response = submit(api_client, period, criterion=code)
        assert response.status_code == 400
        assert response.json()["code"] == "criterion_not_in_scope"
    assert submit(api_client, period, criterion="A0.0").status_code == 201
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    "raw",
    [
        '{"body": "\\ud800 lone surrogate"}',
        '{"body": "nul \\u0000 inside"}',
        '{"body": "ok", "proposed_text": "\\udfff"}',
        '{"body": "ok", "name": "\\ud83d"}',
        '{"body": ["a list"]}',
        '{"body": "ok", "type": "rant"}',
        '{"body": "ok", "email": "not-an-address"}',
        '{"body": "ok", "language": "english please"}',
        '{"body": "ok", "criterion": "' + "A" * 300 + '"}',
        "not json at all",
        "[1, 2, 3]",
    ],
)
def test_malformed_submissions_are_400_never_500_and_store_nothing(api_client, open_period, raw):
    response = api_client.post(
        f"/api/v1/comment-periods/{open_period.pk}/comments/",
        data=raw.encode("utf-8"),
        content_type="application/json",
    )
    assert response.status_code == 400, response.content
    assert response.json()["code"]
    assert not Comment.objects.exists()


def test_a_request_over_the_size_limit_is_413(api_client, open_period, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 50_000
    response = submit(api_client, open_period, body="x" * 60_000)
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"
    assert not Comment.objects.exists()


def test_submitting_to_an_unknown_period_is_404(api_client, db):
    response = api_client.post(
        "/api/v1/comment-periods/4242/comments/", {"body": "x"}, format="json"
    )
    assert response.status_code == 404
    assert response.json()["code"] == "comment_period_not_found"


def test_name_and_organization_are_public_only_when_the_commenter_asks(
    api_client, editor_client, open_period
):
    hidden = submit(api_client, open_period, name="Ana", organization="City of X")
    shown = submit(
        api_client, open_period, name="Bea", organization="City of Y", identity_public=True
    )
    for receipt in (hidden, shown):
        editor_client.post(
            f"/api/v1/comments/{receipt.json()['tracking_id']}/moderate/",
            {"state": "published"},
            format="json",
        )
    listed = api_client.get(f"/api/v1/comment-periods/{open_period.pk}/comments/").json()
    authors = {item["tracking_id"]: item["author"] for item in listed["results"]}
    assert authors[hidden.json()["tracking_id"]] is None
    assert authors[shown.json()["tracking_id"]] == {"name": "Bea", "organization": "City of Y"}
    assert (
        b"Ana" not in api_client.get(f"/api/v1/comment-periods/{open_period.pk}/comments/").content
    )
