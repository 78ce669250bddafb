"""Serializers for near-duplicate campaigns (staff only: members carry contact details). The
identical-body campaigns' list is ``comments.CampaignOutputSerializer``."""

from rest_framework import serializers
from rest_framework.reverse import reverse

from standard_versions.api.serializers.comments import (
    CommentModerateInputSerializer,
    CommentRespondInputSerializer,
)

COUNT_HELP = (
    "The campaign's count as you read it: if it has changed since (new members were grouped "
    "into it), the request is refused with 409 campaign_changed and nothing changes."
)


class NearDuplicateCampaignOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    count = serializers.IntegerField(source="member_count")
    template_text = serializers.CharField(help_text="The body of the first member.")
    template_tracking_id = serializers.CharField(source="template.tracking_id")
    first_submitted_at = serializers.DateTimeField()
    last_submitted_at = serializers.DateTimeField()
    members_url = serializers.SerializerMethodField()

    def get_members_url(self, campaign) -> str:
        return reverse(
            "near-duplicate-campaign-members",
            kwargs={"campaign_id": campaign.pk},
            request=self.context.get("request"),
        )


class CampaignMemberOutputSerializer(serializers.Serializer):
    tracking_id = serializers.CharField(source="comment.tracking_id")
    submitted_at = serializers.DateTimeField()
    is_template = serializers.SerializerMethodField()
    moderation_state = serializers.CharField(source="comment.moderation_state")
    disposition = serializers.CharField(source="comment.disposition")
    response = serializers.CharField(source="comment.response")
    name = serializers.CharField(source="comment.name")
    organization = serializers.CharField(source="comment.organization")
    email = serializers.CharField(source="comment.email")
    body = serializers.CharField(source="comment.body")
    unique_additions = serializers.ListField(
        child=serializers.CharField(),
        help_text="The member's sentences that the template does not have (normalised as the "
        "campaign hash is, so a changed capital or comma is not one).",
    )

    def get_is_template(self, member) -> bool:
        return member.comment_id == self.context["template_id"]


class CampaignModerateInputSerializer(CommentModerateInputSerializer):
    count = serializers.IntegerField(required=False, min_value=1, help_text=COUNT_HELP)


class CampaignRespondInputSerializer(CommentRespondInputSerializer):
    count = serializers.IntegerField(required=False, min_value=1, help_text=COUNT_HELP)


class PublicCampaignAdditionOutputSerializer(serializers.Serializer):
    """A published member's own sentences (public: no name, no contact)."""

    tracking_id = serializers.CharField(source="comment.tracking_id")
    submitted_at = serializers.DateTimeField()
    unique_additions = serializers.ListField(child=serializers.CharField())
