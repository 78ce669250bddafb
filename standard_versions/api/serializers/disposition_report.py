"""The disposition report's JSON, a page at a time: the fields it always had (``standard``,
``version``, ``version_status``, ``periods``, ``summary``, ``sections``, each section with its
comments) for this page's comments, plus ``count``, ``next`` and ``previous`` as in every list of
the API, and ``contents``: every section with its count and the URL of the page it starts on."""

from rest_framework import serializers

from standard_versions.api.serializers.comment_periods import CommentPeriodOutputSerializer
from standard_versions.api.serializers.comments import (
    ReportSectionOutputSerializer,
    SectionOutputFields,
)


class ReportPageSectionOutputSerializer(ReportSectionOutputSerializer):
    comment_count = serializers.IntegerField(
        source="count",
        help_text="How many published comments the whole section has; `comments` holds the ones "
        "on this page.",
    )


class ReportContentsEntryOutputSerializer(SectionOutputFields):
    title = serializers.CharField()
    display_title = serializers.SerializerMethodField()
    count = serializers.IntegerField(help_text="Published comments in the section.")
    url = serializers.SerializerMethodField(help_text="The page on which the section starts.")

    def get_url(self, section) -> str:
        return self.context["section_url"](section)


class DispositionReportPageOutputSerializer(serializers.Serializer):
    standard = serializers.CharField(source="version.standard.slug")
    version = serializers.CharField(source="version.label")
    version_status = serializers.CharField(source="version.status")
    periods = CommentPeriodOutputSerializer(many=True)
    summary = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="Of every published comment, not only this page's: `published`, "
        "`awaiting_response` and a count per disposition given.",
    )
    count = serializers.IntegerField(help_text="Published comments in the whole report.")
    next = serializers.URLField(allow_null=True, help_text="The next page, or null.")
    previous = serializers.URLField(allow_null=True, help_text="The previous page, or null.")
    contents = ReportContentsEntryOutputSerializer(many=True)
    sections = ReportPageSectionOutputSerializer(
        many=True, help_text="This page's comments (at most 100), by section."
    )
