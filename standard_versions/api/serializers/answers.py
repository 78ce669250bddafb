"""Serializers for the commenter's answer to a response: the commenter's input, staff's
moderation and reply, the receipt's ``answer`` and the staff's list of open objections. Input
and output apart; nothing here names an email address."""

from rest_framework import serializers
from rest_framework.reverse import reverse

from standard_versions.api.serializers.fields import StrictCharField, optional_text
from standard_versions.consultation import comment_limits as limits
from standard_versions.consultation.answer_keys import KEY_MAX_CHARS
from standard_versions.models import AnswerKind, AnswerStatus, ModerationState


class CommenterAnswerInputSerializer(serializers.Serializer):
    # Lengths are the service's rule (after NFC); here only a bound that never decides it.
    key = StrictCharField(
        max_length=KEY_MAX_CHARS,
        help_text="The answer key given to the submitter: `answer_key` in the 201 response to "
        "the submission, or the `key` of the receipt link in the mail about the response.",
    )
    kind = serializers.ChoiceField(choices=AnswerKind.choices)
    text = optional_text(
        trim_whitespace=False,
        max_length=limits.TEXT_INPUT_MAX_CHARS,
        help_text=f"The objection, required for one (at most {limits.ANSWER_TEXT_MAX_CHARS:,} "
        "characters); empty for an acceptance.",
    )


class AnswerModerateInputSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=[ModerationState.PUBLISHED, ModerationState.WITHHELD])
    reason = optional_text(
        max_length=limits.STAFF_REASON_MAX_CHARS, help_text="Required to withhold; kept in history."
    )


class ObjectionReplyInputSerializer(serializers.Serializer):
    reply = StrictCharField(
        max_length=limits.TEXT_INPUT_MAX_CHARS,
        help_text=f"At most {limits.OBJECTION_REPLY_MAX_CHARS:,} characters; public once the "
        "objection is published.",
    )


class ReceiptAnswerOutputSerializer(serializers.Serializer):
    """``selectors_answers.AnswerState``: computed when the receipt is read."""

    status = serializers.ChoiceField(
        choices=AnswerStatus.choices,
        help_text="no_response (no public response yet), pending (the commenter may answer until "
        "window_ends_at), accepted, objected, or assumed_satisfied (no answer by the window's "
        "end). Computed from the clock at each request.",
    )
    window_ends_at = serializers.DateTimeField(
        allow_null=True,
        help_text="ISO 8601, UTC: the first instant at which an answer is refused (the response "
        "plus the period's answer_window_days); null without a public response.",
    )
    kind = serializers.ChoiceField(choices=AnswerKind.choices, allow_null=True)
    moderation_state = serializers.ChoiceField(
        choices=ModerationState.choices,
        allow_null=True,
        help_text="The answer's moderation (an acceptance is published as it is taken).",
    )
    moderation_reason = serializers.CharField(help_text="Why an objection was withheld.")
    submitted_at = serializers.DateTimeField(allow_null=True, help_text="When it was answered.")
    text = serializers.CharField(help_text="The objection's text, once it is published.")
    staff_reply = serializers.CharField(help_text="Staff's one reply to a published objection.")
    replied_at = serializers.DateTimeField(allow_null=True)


class CommenterAnswerOutputSerializer(serializers.Serializer):
    """A ``CommenterAnswer`` as its commenter or staff see it after a change."""

    tracking_id = serializers.CharField(source="comment.tracking_id")
    kind = serializers.CharField()
    text = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    moderation_state = serializers.CharField()
    staff_reply = serializers.CharField()
    replied_at = serializers.DateTimeField(allow_null=True)
    receipt_url = serializers.SerializerMethodField()

    def get_receipt_url(self, answer) -> str:
        return reverse(
            "comment-receipt", args=[answer.comment.tracking_id], request=self.context["request"]
        )


class StaffAnswerOutputSerializer(CommenterAnswerOutputSerializer):
    moderation_reason = serializers.CharField(help_text="Why the objection is withheld, if it is.")
    period = serializers.IntegerField(source="comment.period_id")
    criterion = serializers.CharField(source="comment.criterion_code")
    response = serializers.CharField(source="comment.response")
    responded_at = serializers.DateTimeField(source="comment.responded_at", allow_null=True)
