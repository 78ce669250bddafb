"""Serializers for comments: submitting, receipts, published comments, the staff's moderation and
responses, and the disposition report. Input and output apart; public output serializers never
name ``email`` (tests check every public endpoint for it). Comment periods:
``comment_periods``."""

from django.utils.http import urlencode
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from standard_versions.api.serializers.answers import ReceiptAnswerOutputSerializer
from standard_versions.api.serializers.copied_fields import CopiedFieldsMixin
from standard_versions.api.serializers.fields import (
    StrictCharField,
    StrictRegexField,
    optional_text,
)
from standard_versions.api.serializers.response_links import ResponseLinkOutputSerializer
from standard_versions.consultation import comment_limits as limits
from standard_versions.consultation.answer_keys import answer_key_for
from standard_versions.consultation.selectors_comments import title_for_reader
from standard_versions.consultation.selectors_response_links import CHANGING_DISPOSITIONS
from standard_versions.models import CommentType, Disposition, ModerationState

# ---- submitting ----------------------------------------------------------------------------


class CommentSubmitInputSerializer(CopiedFieldsMixin, serializers.Serializer):
    # Lengths of body and proposed_text are the service's rule (after NFC normalisation); here
    # only a bound generous enough never to decide it (``comment_limits``).
    criterion = optional_text(max_length=limits.CRITERION_CODE_MAX_CHARS, allow_null=True)
    body = StrictCharField(
        allow_blank=True, trim_whitespace=False, max_length=limits.TEXT_INPUT_MAX_CHARS
    )
    proposed_text = optional_text(trim_whitespace=False, max_length=limits.TEXT_INPUT_MAX_CHARS)
    type = serializers.ChoiceField(choices=CommentType.choices, default=CommentType.GENERAL)
    language = StrictRegexField(
        limits.LANGUAGE_TAG_PATTERN,
        max_length=limits.LANGUAGE_TAG_MAX_CHARS,
        required=False,
        default="en",
    )
    name = optional_text(max_length=limits.NAME_MAX_CHARS)
    organization = optional_text(max_length=limits.ORGANIZATION_MAX_CHARS)
    identity_public = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Publish name and organization with the comment (default: anonymous).",
    )
    email = serializers.EmailField(
        required=False, allow_blank=True, default="", help_text="Private; never published."
    )


class CommentReceiptOutputSerializer(CopiedFieldsMixin, serializers.Serializer):
    tracking_id = serializers.CharField()
    status = serializers.CharField(source="moderation_state")
    submitted_at = serializers.DateTimeField()
    content_sha256 = serializers.CharField()
    period = serializers.IntegerField(source="period_id")
    criterion = serializers.CharField(source="criterion_code", allow_null=True)
    receipt_url = serializers.SerializerMethodField()

    def get_receipt_url(self, comment) -> str:
        return reverse(
            "comment-receipt", args=[comment.tracking_id], request=self.context["request"]
        )

    def to_representation(self, comment):
        data = super().to_representation(comment)
        data["criterion"] = data["criterion"] or None
        return data


class CommentSubmittedOutputSerializer(CommentReceiptOutputSerializer):
    """The submitter's 201: the receipt and the key that lets them answer the response later
    (never in the public receipt: the tracking id is public, the key is not)."""

    answer_key = serializers.SerializerMethodField(
        help_text="Keep it: the `key` of POST /comments/{tracking_id}/answer/, to accept or "
        "object to the response once there is one. Shown only here and in the mail about the "
        "response (to a verified address)."
    )
    answer_url = serializers.SerializerMethodField(
        help_text="The receipt page with the key: where a person accepts or objects."
    )

    def get_answer_key(self, comment) -> str:
        return self._answer_key(comment.tracking_id)

    def get_answer_url(self, comment) -> str:
        path = reverse("web:comment-receipt", args=[comment.tracking_id])
        query = urlencode({"key": self._answer_key(comment.tracking_id)})
        return self.context["request"].build_absolute_uri(f"{path}?{query}")

    def _answer_key(self, tracking_id: str) -> str:
        # Signed once per comment, not once per field: an HMAC is on every submission's path.
        remembered = getattr(self, "_remembered_key", None)
        if remembered is None or remembered[0] != tracking_id:
            remembered = self._remembered_key = (tracking_id, answer_key_for(tracking_id))
        return remembered[1]


class WordDiffPartOutputSerializer(serializers.Serializer):
    op = serializers.ChoiceField(choices=["equal", "insert", "delete"])
    text = serializers.CharField()


class CriterionChangeOutputSerializer(serializers.Serializer):
    removed = serializers.BooleanField(help_text="The criterion is no longer in the version.")
    changed = serializers.BooleanField()
    title_diff = WordDiffPartOutputSerializer(many=True, allow_null=True)
    description_diff = WordDiffPartOutputSerializer(many=True, allow_null=True)


class ShownTextOutputSerializer(serializers.Serializer):
    text = serializers.CharField()
    language = serializers.CharField(help_text="en, es or pt-BR.")
    translation_status = serializers.CharField(
        source="status",
        help_text="source, reviewed, draft, stale (English changed since) or missing (English "
        "served as fallback).",
    )


def _shown(text) -> dict | None:
    return None if text is None else ShownTextOutputSerializer(text).data


def shown_title(key: str, criterion, *, stored_title: str, content) -> dict | None:
    """The title of the criterion ``key`` (None: the version as a whole) in the reader's
    language, with its translation status (``title_for_reader``)."""
    if not key:
        return None
    return _shown(title_for_reader(criterion, stored_title=stored_title, content=content))


class CommentReceiptDetailOutputSerializer(CommentReceiptOutputSerializer):
    standard = serializers.CharField(source="period.version.standard.slug")
    version = serializers.CharField(source="period.version.label")
    criterion_revision = serializers.IntegerField(allow_null=True)
    type = serializers.CharField()
    language = serializers.CharField()
    body = serializers.CharField()
    proposed_text = serializers.CharField()
    moderation_reason = serializers.CharField(help_text="Why the comment was withheld, if it was.")
    disposition = serializers.CharField(allow_blank=True)
    response = serializers.CharField(allow_blank=True)
    responded_at = serializers.DateTimeField(allow_null=True)
    criterion_text_changed = serializers.SerializerMethodField()
    criterion_change = serializers.SerializerMethodField()
    criterion_title = serializers.SerializerMethodField(
        help_text="The criterion's title now, in the response language (for a criterion removed "
        "since, the English title the comment stored); null for the version as a whole."
    )
    criterion_title_when_commented = serializers.SerializerMethodField(
        help_text="The criterion's title as the commenter was shown it: the translation in the "
        "comment's language stored at submission, else the English; null for the version as a "
        "whole."
    )
    answer = serializers.SerializerMethodField(
        help_text="Where the response stands with the commenter, computed at the request."
    )

    response_links = serializers.SerializerMethodField(
        help_text="The changes the response names, each with its word-level change (the text "
        "then against the linked version's text now); empty without a response."
    )

    @extend_schema_field(ResponseLinkOutputSerializer(many=True))
    def get_response_links(self, comment):
        return ResponseLinkOutputSerializer(self.context["response_links"], many=True).data

    def get_criterion_text_changed(self, comment) -> bool | None:
        change = self.context["criterion_change"]
        return None if change is None else change.changed

    @extend_schema_field(CriterionChangeOutputSerializer(allow_null=True))
    def get_criterion_change(self, comment):
        change = self.context["criterion_change"]
        return None if change is None else CriterionChangeOutputSerializer(change).data

    @extend_schema_field(ShownTextOutputSerializer(allow_null=True))
    def get_criterion_title(self, comment):
        return shown_title(
            comment.criterion_key,
            self.context["criterion"],
            stored_title=comment.criterion_title,
            content=self.context["content"],
        )

    @extend_schema_field(ShownTextOutputSerializer(allow_null=True))
    def get_criterion_title_when_commented(self, comment):
        return _shown(self.context["title_when_commented"])

    @extend_schema_field(ReceiptAnswerOutputSerializer)
    def get_answer(self, comment):
        return ReceiptAnswerOutputSerializer(self.context["answer_state"]).data


class CommentAuthorOutputSerializer(serializers.Serializer):
    name = serializers.CharField()
    organization = serializers.CharField()


class PublishedCommentsQueryInputSerializer(serializers.Serializer):
    campaigns = serializers.ChoiceField(choices=["once", "each"], required=False, default="once")


class PublicCampaignOutputSerializer(serializers.Serializer):
    """A near-duplicate campaign as the public sees it, on the member that stands for it."""

    id = serializers.IntegerField()
    comments = serializers.IntegerField(help_text="Its published comments, this one included.")
    comments_with_additions = serializers.IntegerField(
        help_text="How many of them add sentences of their own to the form letter."
    )
    additions_url = serializers.CharField(help_text="Every sentence they added, by cursor.")


class PublishedCommentOutputSerializer(serializers.Serializer):
    tracking_id = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    criterion = serializers.SerializerMethodField()
    type = serializers.CharField()
    language = serializers.CharField()
    body = serializers.CharField()
    proposed_text = serializers.CharField()
    author = serializers.SerializerMethodField(
        help_text="Name and organization, if the commenter chose to publish them; else null."
    )
    disposition = serializers.CharField(allow_blank=True)
    response = serializers.CharField(allow_blank=True)
    campaign = serializers.SerializerMethodField(
        help_text="The near-duplicate campaign this comment stands for in the list, or null."
    )

    def get_criterion(self, comment) -> str | None:
        return comment.criterion_code or None

    @extend_schema_field(PublicCampaignOutputSerializer(allow_null=True))
    def get_campaign(self, comment):
        shown = getattr(comment, "public_campaign", None)
        if shown is None:
            return None
        pk, count, with_additions = shown
        url = reverse(
            "public-campaign-additions",
            kwargs={"campaign_id": pk},
            request=self.context.get("request"),
        )
        return {
            "id": pk,
            "comments": count,
            "comments_with_additions": with_additions,
            "additions_url": url,
        }

    @extend_schema_field(CommentAuthorOutputSerializer(allow_null=True))
    def get_author(self, comment):
        if not comment.identity_public or not (comment.name or comment.organization):
            return None
        return {"name": comment.name, "organization": comment.organization}


# ---- staff ---------------------------------------------------------------------------------


class CommentModerateInputSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=[ModerationState.PUBLISHED, ModerationState.WITHHELD])
    reason = optional_text(
        max_length=limits.STAFF_REASON_MAX_CHARS, help_text="Required to withhold; kept in history."
    )


class CommentRespondInputSerializer(serializers.Serializer):
    disposition = serializers.ChoiceField(choices=Disposition.choices)
    response = StrictCharField(max_length=limits.RESPONSE_MAX_CHARS)
    reason = optional_text(max_length=limits.STAFF_REASON_MAX_CHARS)


class StaffCommentOutputSerializer(serializers.Serializer):
    tracking_id = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    moderation_state = serializers.CharField()
    moderation_reason = serializers.CharField()
    criterion = serializers.CharField(source="criterion_code")
    criterion_key = serializers.CharField()
    criterion_revision = serializers.IntegerField(allow_null=True)
    type = serializers.CharField()
    language = serializers.CharField()
    body = serializers.CharField()
    proposed_text = serializers.CharField()
    name = serializers.CharField()
    organization = serializers.CharField()
    identity_public = serializers.BooleanField()
    email = serializers.CharField()
    disposition = serializers.CharField()
    response = serializers.CharField()
    responded_at = serializers.DateTimeField(allow_null=True)
    content_sha256 = serializers.CharField()
    campaign = serializers.CharField(source="normalized_hash")
    needs_linked_change = serializers.SerializerMethodField(
        help_text="Accepted or partially accepted, and the response names no change yet "
        "(`POST /comments/{tracking_id}/response-links/`)."
    )

    def get_needs_linked_change(self, comment) -> bool:
        found = getattr(comment, "needs_linked_change", None)
        if found is not None:  # the lists annotate it (selectors_comments.staff_comments)
            return found
        # One comment just changed (moderated, answered): one query.
        return comment.disposition in CHANGING_DISPOSITIONS and not comment.response_links.exists()


class CampaignOutputSerializer(serializers.Serializer):
    campaign = serializers.CharField(source="normalized_hash")
    count = serializers.IntegerField()
    first_submitted_at = serializers.DateTimeField()
    last_submitted_at = serializers.DateTimeField()
    example_tracking_id = serializers.CharField()


# ---- disposition report --------------------------------------------------------------------


class ReportCommentOutputSerializer(PublishedCommentOutputSerializer):
    period = serializers.IntegerField(source="period_id")


# What every view of a report section starts with: its criterion's code and key (null for the
# version as a whole), and the method of its ``display_title``. (A comment, not a docstring: the
# schema would show a docstring as the description of each component made from it.)
class SectionOutputFields(serializers.Serializer):
    criterion = serializers.SerializerMethodField()
    key = serializers.SerializerMethodField()

    def get_criterion(self, section) -> str | None:
        return section.code or None

    def get_key(self, section) -> str | None:
        return section.key or None

    @extend_schema_field(ShownTextOutputSerializer(allow_null=True))
    def get_display_title(self, section):
        content = self.context["content"]
        return shown_title(
            section.key, section.criterion, stored_title=section.title, content=content
        )


class ReportSectionOutputSerializer(SectionOutputFields):
    title = serializers.CharField(
        help_text="The criterion's English title (as commented on, for a criterion removed since)."
    )
    display_title = serializers.SerializerMethodField(
        help_text="The same title in the response language, with its translation status."
    )
    comments = ReportCommentOutputSerializer(many=True)
