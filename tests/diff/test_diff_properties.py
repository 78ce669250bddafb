"""Properties of the pure diff module, on random pairs of versions."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from standard_versions.diff.engine import apply_text_ops, diff_versions, text_ops
from tests.diff.strategies import snapshot_pairs, snapshots
from tests.diff_apply import apply_diff
from tests.hypothesis_profiles import examples

# Each example is a pair of versions of up to 24 criteria; 150 in CI (tests/hypothesis_profiles.py).
PROPERTY_SETTINGS = settings(max_examples=examples(150), deadline=None)


@PROPERTY_SETTINGS
@given(snapshot_pairs())
def test_applying_the_diff_or_its_json_to_the_old_version_gives_the_new_one(pair):
    old, new = pair
    diff = diff_versions(old, new)
    assert apply_diff(old, diff) == new
    assert apply_diff(old, json.loads(json.dumps(diff.to_dict()))) == new


@PROPERTY_SETTINGS
@given(snapshots())
def test_a_version_diffed_with_itself_is_empty(snapshot):
    diff = diff_versions(snapshot, snapshot)
    data = diff.to_dict()
    assert diff.is_empty
    assert data["added"] == data["removed"] == data["changed"] == []
    assert not any(data["summary"].values())
    assert apply_diff(snapshot, diff) == snapshot


def _by_key(items):
    return {item["key"]: item for item in items}


def _swapped(change: dict) -> dict:
    return {"old": change["new"], "new": change["old"]}


@PROPERTY_SETTINGS
@given(snapshot_pairs())
def test_swapping_from_and_to_swaps_added_and_removed_and_inverts_changes(pair):
    old, new = pair
    forward = diff_versions(old, new).to_dict()
    backward = diff_versions(new, old).to_dict()

    assert backward["added"] == forward["removed"]
    assert backward["removed"] == forward["added"]
    assert backward["from"] == forward["to"] and backward["to"] == forward["from"]

    ahead, back = _by_key(forward["changed"]), _by_key(backward["changed"])

    # A position change alone can be read either way round (which of two swapped criteria
    # moved?); every other field inverts exactly.
    def without_position(items):
        return {k for k, item in items.items() if set(item["fields"]) - {"position"}}

    assert without_position(ahead) == without_position(back)
    for key in without_position(ahead):
        there, here = ahead[key]["changes"], back[key]["changes"]
        assert set(there) - {"position"} == set(here) - {"position"}
        assert ahead[key]["old_code"] == back[key]["code"]
        for name in ("code", "practice_area"):
            if name in there:
                assert here[name] == _swapped(there[name])
        for name in ("title", "description"):
            if name in there:
                assert (here[name]["old"], here[name]["new"]) == (
                    there[name]["new"],
                    there[name]["old"],
                )

    for section in ("levels", "outcome_areas"):
        assert backward["requirements"][section]["added"] == [
            {k: v for k, v in item.items()} for item in forward["requirements"][section]["removed"]
        ]
        assert (
            backward["requirements"][section]["removed"]
            == (forward["requirements"][section]["added"])
        )
    core_forward, core_backward = (
        forward["requirements"]["core_criteria"],
        backward["requirements"]["core_criteria"],
    )
    assert {ref["key"] for ref in core_backward["added"]} == {
        ref["key"] for ref in core_forward["removed"]
    }
    assert {ref["key"] for ref in core_backward["removed"]} == {
        ref["key"] for ref in core_forward["added"]
    }
    minimum = forward["requirements"]["min_outcome_areas"]
    assert backward["requirements"]["min_outcome_areas"] == (_swapped(minimum) if minimum else None)
    assert backward["summary"]["added"] == forward["summary"]["removed"]
    assert backward["summary"]["renumbered"] == forward["summary"]["renumbered"]
    assert backward["summary"]["moved"] == forward["summary"]["moved"]
    assert backward["summary"]["reworded"] == forward["summary"]["reworded"]


@settings(max_examples=examples(500), deadline=None)
@given(st.text(), st.text())
def test_word_operations_rebuild_the_new_text_exactly_from_the_old(old, new):
    ops = [op.to_dict() for op in text_ops(old, new)]
    assert apply_text_ops(old, ops) == new
    assert "".join(op["text"] for op in ops if op["op"] != "insert") == old
    assert all(op["text"] for op in ops)
