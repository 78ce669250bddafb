"""A serializer with ``CopiedFieldsMixin`` validates, refuses and serializes exactly as the same
serializer with DRF's rebuilt fields, and no instance's binding leaks into another's."""

import copy
import datetime as dt
from types import SimpleNamespace

from rest_framework.test import APIRequestFactory

from standard_versions.api.serializers import comments as s
from standard_versions.api.serializers.copied_fields import CopiedFieldsMixin

INPUTS = [
    {"body": "A comment.", "type": "technical", "criterion": "DM7"},
    {"body": "  kept as sent  ", "name": "  Ana  ", "identity_public": True, "email": "a@b.org"},
    {"body": 12, "type": "nonsense", "language": "not a tag!", "email": "not an address"},
    {"body": "x", "identity_public": "perhaps", "criterion": None, "proposed_text": ["a"]},
    {},
]


class RebuiltSubmitInput(s.CommentSubmitInputSerializer):
    """The same serializer with DRF's own copying of the fields."""

    def get_fields(self):
        return copy.deepcopy(self._declared_fields)


class RebuiltSubmittedOutput(s.CommentSubmittedOutputSerializer):
    def get_fields(self):
        return copy.deepcopy(self._declared_fields)


def _outcome(serializer):
    valid = serializer.is_valid()
    return valid, dict(serializer.validated_data) if valid else serializer.errors


def test_the_submission_input_is_validated_as_with_rebuilt_fields():
    assert issubclass(s.CommentSubmitInputSerializer, CopiedFieldsMixin)
    for data in INPUTS:
        copied = _outcome(s.CommentSubmitInputSerializer(data=data))
        rebuilt = _outcome(RebuiltSubmitInput(data=data))
        assert copied == rebuilt, data


def test_the_receipt_is_serialized_as_with_rebuilt_fields():
    request = APIRequestFactory().post("/api/v1/comment-periods/1/comments/")
    comment = SimpleNamespace(
        tracking_id="abcdefghijklmnopqrstuvwxyz",
        moderation_state="received",
        submitted_at=dt.datetime(2022, 4, 20, 12, tzinfo=dt.UTC),
        content_sha256="0" * 64,
        period_id=1,
        criterion_code="",
    )

    copied = s.CommentSubmittedOutputSerializer(comment, context={"request": request}).data
    rebuilt = RebuiltSubmittedOutput(comment, context={"request": request}).data
    assert copied == rebuilt
    assert copied["criterion"] is None and copied["receipt_url"].endswith(
        "/comments/abcdefghijklmnopqrstuvwxyz/"
    )


def test_each_instance_binds_its_own_copies():
    first = s.CommentSubmitInputSerializer(data={})
    second = s.CommentSubmitInputSerializer(data={})
    assert first.fields["body"] is not second.fields["body"]
    assert first.fields["body"].parent is first and second.fields["body"].parent is second
    declared = s.CommentSubmitInputSerializer._declared_fields["body"]
    assert getattr(declared, "parent", None) is None and declared.field_name is None
