"""The tracking id is public, so answering needs the answer key: a signature of the tracking id
with a salt of its own, given only to the submitter (the 201 of the submission, the receipt URL
the web form redirects to); never in the public receipt."""

import pytest
from django.core import signing

from standard_versions.consultation.answer_keys import answer_key_for, check_answer_key
from standard_versions.models import CommenterAnswer
from tests.answers.conftest import RESPONDED_AT
from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db


def test_a_key_fits_its_own_tracking_id_only():
    key = answer_key_for("k5q3w7pz2mxb6yq4hd3fjr5tne")
    assert check_answer_key("k5q3w7pz2mxb6yq4hd3fjr5tne", key)
    assert not check_answer_key("k5q3w7pz2mxb6yq4hd3fjr5tnf", key)
    assert not check_answer_key("k5q3w7pz2mxb6yq4hd3fjr5tne", key[:-1])
    assert not check_answer_key("k5q3w7pz2mxb6yq4hd3fjr5tne", "")
    assert not check_answer_key("k5q3w7pz2mxb6yq4hd3fjr5tne", None)
    assert not check_answer_key("k5q3w7pz2mxb6yq4hd3fjr5tne", "x" * 10_000)


def test_another_salts_signature_is_not_a_key():
    tracking_id = "k5q3w7pz2mxb6yq4hd3fjr5tne"
    other = signing.Signer().signature(tracking_id)
    assert not check_answer_key(tracking_id, other)
    assert not check_answer_key(tracking_id, signing.Signer(salt="other").signature(tracking_id))


def test_a_key_signed_with_a_previous_secret_still_fits(settings):
    tracking_id = "k5q3w7pz2mxb6yq4hd3fjr5tne"
    key = answer_key_for(tracking_id)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-for-the-rotation-test-only"
    assert answer_key_for(tracking_id) != key
    assert check_answer_key(tracking_id, key)


def test_the_submitter_gets_the_key_and_the_public_receipt_never_shows_it(api_client, open_period):
    created = submit(api_client, open_period, body="A comment.").json()
    key = answer_key_for(created["tracking_id"])
    assert created["answer_key"] == key
    assert created["answer_url"].endswith(f"/comments/{created['tracking_id']}/?key={key}")
    receipt = api_client.get(f"/api/v1/comments/{created['tracking_id']}/")
    assert key not in receipt.content.decode()
    assert "answer_key" not in receipt.json()


def test_a_wrong_key_is_403_and_stores_nothing(api_client, responded, key, time_machine):
    time_machine.move_to(RESPONDED_AT, tick=False)
    for wrong in ("", "nope", answer_key_for("b" * 26), key + "x"):
        response = api_client.post(
            f"/api/v1/comments/{responded}/answer/",
            {"key": wrong, "kind": "accepted"},
            format="json",
        )
        assert response.status_code in (400, 403)
        assert response.json()["code"] in ("answer_key_invalid", "invalid")
    assert not CommenterAnswer.objects.exists()
