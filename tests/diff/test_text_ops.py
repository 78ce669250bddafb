"""Word-level text changes: exact, readable, whitespace kept."""

import pytest

from standard_versions.diff.engine import (
    DiffDoesNotApply,
    apply_text_ops,
    text_change,
    text_ops,
    tokenize,
)


def _ops(old, new):
    return [(op.op, op.text) for op in text_ops(old, new)]


def test_tokens_keep_every_character_so_joining_them_gives_the_text_back():
    text = "Your  local\tgovernment's data,\nreviewed (quarterly)!"
    assert "".join(tokenize(text)) == text
    assert tokenize("open data.") == ["open", " ", "data", "."]


def test_a_changed_word_is_one_deletion_and_one_insertion_between_equal_text():
    assert _ops("publishes data quarterly online", "publishes data monthly online") == [
        ("equal", "publishes data "),
        ("delete", "quarterly"),
        ("insert", "monthly"),
        ("equal", " online"),
    ]


def test_a_run_of_changed_words_reads_as_one_replacement_not_word_salad():
    assert _ops("the cat sat", "a dog sat") == [
        ("delete", "the cat"),
        ("insert", "a dog"),
        ("equal", " sat"),
    ]


def test_an_added_phrase_is_a_single_insertion():
    assert _ops("uses data to decide", "uses data and evidence to decide") == [
        ("equal", "uses data "),
        ("insert", "and evidence "),
        ("equal", "to decide"),
    ]


def test_whitespace_changes_are_kept_exactly():
    ops = [op.to_dict() for op in text_ops("a b", "a\n\nb")]
    assert apply_text_ops("a b", ops) == "a\n\nb"


def test_equal_texts_have_no_change():
    assert text_change("same", "same") is None


def test_operations_made_from_another_text_are_refused():
    ops = [op.to_dict() for op in text_ops("one two", "one three")]
    with pytest.raises(DiffDoesNotApply):
        apply_text_ops("one four", ops)
