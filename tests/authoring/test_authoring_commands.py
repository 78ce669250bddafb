"""manage.py create_draft and publish_version script the same workflow."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from standard_versions.models import Version

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_draft_and_publish_from_the_command_line(shipped_data, editor):
    out = _run(
        "create_draft",
        "wwc",
        "3.0",
        "3.1",
        "--title",
        "Version 3.1",
        "--reason",
        "Next",
        "--user",
        "eddie",
    )
    assert "3.1: draft created from 3.0 (42 criteria)" in out
    draft = Version.objects.get(label="3.1")
    assert draft.status == "draft" and draft.history.first().history_user == editor
    out = _run(
        "publish_version", "wwc", "3.1", "--reason", "Approved", "--effective-from", "2027-01-01"
    )
    assert "3.1: published at" in out and "effective from January 1, 2027" in out
    assert Version.objects.get(label="3.0").status == "superseded"
    assert str(Version.objects.get(label="3.1").effective_from) == "2027-01-01"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("create_draft", "wwc", "9.9", "4.0", "--title", "t", "--reason", "r"),
            "version_not_found",
        ),
        (
            ("create_draft", "wwc", "3.0", "2.0", "--title", "t", "--reason", "r"),
            "version_label_taken",
        ),
        (("create_draft", "wwc", "3.0", "4.0", "--title", "t", "--reason", " "), "reason_required"),
        (("publish_version", "wwc", "3.0", "--reason", "r"), "version_not_editable"),
        (
            ("publish_version", "wwc", "3.0", "--reason", "r", "--effective-from", "soon"),
            "not a date",
        ),
        (
            ("create_draft", "wwc", "3.0", "4.0", "--title", "t", "--reason", "r", "--user", "x"),
            "no user x",
        ),
    ],
)
def test_refusals_are_command_errors_and_store_nothing(shipped_data, args, message):
    before = Version.objects.count()
    with pytest.raises(CommandError, match=message):
        _run(*args)
    assert Version.objects.count() == before
