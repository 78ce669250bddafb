"""The receipt says whether the criterion's text changed since the comment, with a word diff."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from standard_versions.diff.words import word_diff
from standard_versions.models import Criterion
from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db


def _receipt(api_client, tracking_id):
    return api_client.get(f"/api/v1/comments/{tracking_id}/").json()


def test_an_unchanged_criterion_is_reported_unchanged(api_client, open_period):
    tracking_id = submit(api_client, open_period, criterion="A0.0").json()["tracking_id"]
    receipt = _receipt(api_client, tracking_id)
    assert receipt["criterion_text_changed"] is False
    assert receipt["criterion_change"]["title_diff"] is None


def test_a_changed_criterion_is_reported_with_a_word_diff(api_client, open_period):
    tracking_id = submit(api_client, open_period, criterion="A0.0").json()["tracking_id"]
    criterion = Criterion.objects.get(version=open_period.version, key="k0")
    criterion.description = "Text of criterion 0 with **strong emphasis** and more."
    criterion.revision += 1
    criterion._change_reason = "test edit"
    criterion.save()
    receipt = _receipt(api_client, tracking_id)
    assert receipt["criterion_text_changed"] is True
    assert receipt["criterion_revision"] == 1
    change = receipt["criterion_change"]
    assert change["removed"] is False and change["title_diff"] is None
    ops = change["description_diff"]
    old = "".join(p["text"] for p in ops if p["op"] in ("equal", "delete"))
    new = "".join(p["text"] for p in ops if p["op"] in ("equal", "insert"))
    assert old == "Text of criterion 0 with **emphasis**."
    assert new == "Text of criterion 0 with **strong emphasis** and more."
    inserted = "".join(p["text"] for p in ops if p["op"] == "insert")
    assert "strong" in inserted and "and more" in inserted
    assert not any(p["op"] == "delete" for p in ops)


def test_a_removed_criterion_is_reported(api_client, open_period):
    tracking_id = submit(api_client, open_period, criterion="A1.5").json()["tracking_id"]
    Criterion.objects.get(version=open_period.version, key="k5").delete()
    change = _receipt(api_client, tracking_id)["criterion_change"]
    assert change == {
        "removed": True,
        "changed": True,
        "title_diff": None,
        "description_diff": None,
    }


def test_a_comment_on_the_whole_version_has_no_criterion_change(api_client, open_period):
    tracking_id = submit(api_client, open_period).json()["tracking_id"]
    receipt = _receipt(api_client, tracking_id)
    assert receipt["criterion_text_changed"] is None and receipt["criterion_change"] is None


@given(st.text(max_size=60), st.text(max_size=60))
def test_the_word_diff_rebuilds_both_texts(old, new):
    parts = word_diff(old, new)
    assert "".join(p["text"] for p in parts if p["op"] != "insert") == old
    assert "".join(p["text"] for p in parts if p["op"] != "delete") == new
    assert all(p["text"] for p in parts)
