"""The disposition report's JSON, a page at a time: the fields it always had (``standard``,
``version``, ``version_status``, ``periods``, ``summary``, ``sections``, each section with its
comments) for this page's comments, plus ``count``, ``next`` and ``previous`` as in every list of
the API, and ``contents``: every section with its count and the URL of the page it starts on."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from standard_versions.api.serializers.comment_periods import CommentPeriodOutputSerializer
from standard_versions.api.serializers.comments import (
    PublicCampaignOutputSerializer,
    ReportCommentOutputSerializer,
    ReportSectionOutputSerializer,
    SectionOutputFields,
)
from standard_versions.consultation.report_outcomes import outcome_of
from standard_versions.consultation.selectors_campaigns import ADDITIONS_SHOWN
from standard_versions.models import AnswerStatus, ChangeClass, ChangeTarget


class ReportChangeOutputSerializer(serializers.Serializer):
    target = serializers.ChoiceField(choices=ChangeTarget.choices)
    key = serializers.CharField(
        help_text="The criterion's or practice area's key; empty for the requirements."
    )
    code = serializers.CharField(
        help_text="Its code in the linked version (empty for the requirements)."
    )
    version = serializers.CharField(help_text="The label of the version that holds the change.")
    change_class = serializers.ChoiceField(choices=ChangeClass.choices)


class ReportOutcomeFields(serializers.Serializer):
    """What came of the response, read once per comment (``outcome_of``)."""

    changes = serializers.SerializerMethodField(help_text="The changes the response led to.")
    answer_status = serializers.SerializerMethodField(
        help_text="Where the response stands with its commenter now: no_response, pending (the "
        "answer window is open), accepted, objected or assumed_satisfied (the window ended "
        "without an answer)."
    )
    objection = serializers.SerializerMethodField(
        help_text="The commenter's objection, once published after moderation; else null."
    )
    staff_reply = serializers.SerializerMethodField(
        help_text="Staff's reply to the published objection, or empty."
    )
    replied_at = serializers.SerializerMethodField()

    def _outcome(self, comment):
        if getattr(comment, "_outcome", None) is None:
            window = self.context["window_days"](comment.period_id)
            comment._outcome = outcome_of(comment, window_days=window, now=self.context["now"])
        return comment._outcome

    @extend_schema_field(ReportChangeOutputSerializer(many=True))
    def get_changes(self, comment):
        return ReportChangeOutputSerializer(self._outcome(comment).links, many=True).data

    @extend_schema_field(serializers.ChoiceField(choices=AnswerStatus.choices))
    def get_answer_status(self, comment) -> str:
        return self._outcome(comment).answer_status

    def get_objection(self, comment) -> str | None:
        return self._outcome(comment).objection

    def get_staff_reply(self, comment) -> str:
        return self._outcome(comment).staff_reply

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_replied_at(self, comment):
        replied = self._outcome(comment).replied_at
        return None if replied is None else serializers.DateTimeField().to_representation(replied)


class ReportCampaignAdditionOutputSerializer(serializers.Serializer):
    tracking_id = serializers.CharField()
    unique_additions = serializers.ListField(child=serializers.CharField())


class ReportCampaignOutputSerializer(PublicCampaignOutputSerializer):
    """The near-duplicate campaign a report comment stands for, counted in its section."""

    additions = ReportCampaignAdditionOutputSerializer(
        many=True,
        help_text=f"The first {ADDITIONS_SHOWN} members' own sentences; `additions_url` has all.",
    )


class ReportPageCommentOutputSerializer(ReportCommentOutputSerializer, ReportOutcomeFields):
    @extend_schema_field(ReportCampaignOutputSerializer(allow_null=True))
    def get_campaign(self, comment):
        shown = super().get_campaign(comment)
        if shown is not None:
            shown["additions"] = [
                {"tracking_id": tracking_id, "unique_additions": sentences}
                for tracking_id, sentences in comment.campaign_additions
            ]
        return shown


class ReportFiguresOutputSerializer(serializers.Serializer):
    comments = serializers.IntegerField(help_text="Published comments.")
    dispositions = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="`awaiting_response` and a count per disposition (zeros included).",
    )
    links = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="Links to changes by class: `editorial`, `substantive`.",
    )
    answers = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="Responses by their commenter's answer now: `accepted`, `objected`, "
        "`assumed_satisfied`, `pending`.",
    )
    open_objections = serializers.IntegerField(
        help_text="Objections staff have not replied to (withheld ones not counted)."
    )


class ReportPracticeAreaOutputSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Empty: the version as a whole or removed criteria.")
    key = serializers.CharField()
    name = serializers.CharField(help_text="In English.")
    counts = serializers.DictField(child=serializers.IntegerField())
    total = serializers.IntegerField()


class ReportDayOutputSerializer(serializers.Serializer):
    date = serializers.DateField()
    comments = serializers.IntegerField()


class ReportCampaignShareOutputSerializer(serializers.Serializer):
    published = serializers.IntegerField()
    campaign = serializers.IntegerField(
        help_text="Published comments in a near-duplicate campaign or whose text is identical "
        "to another comment's of their period."
    )
    near_duplicate = serializers.IntegerField()
    identical = serializers.IntegerField()


class ReportChartsOutputSerializer(serializers.Serializer):
    by_practice_area = ReportPracticeAreaOutputSerializer(many=True)
    by_day = serializers.SerializerMethodField(
        help_text="Published comments per day, in `timezone`."
    )
    timezone = serializers.CharField()
    campaign_share = serializers.SerializerMethodField()

    @extend_schema_field(ReportDayOutputSerializer(many=True))
    def get_by_day(self, charts):
        days = [{"date": day, "comments": n} for day, n in charts.by_day]
        return ReportDayOutputSerializer(days, many=True).data

    @extend_schema_field(ReportCampaignShareOutputSerializer)
    def get_campaign_share(self, charts):
        return ReportCampaignShareOutputSerializer(charts).data


class ReportPageSectionOutputSerializer(ReportSectionOutputSerializer):
    comments = ReportPageCommentOutputSerializer(many=True)
    comment_count = serializers.IntegerField(
        source="count",
        help_text="How many published comments the whole section has; `comments` holds the ones "
        "on this page.",
    )


class ReportContentsEntryOutputSerializer(SectionOutputFields):
    title = serializers.CharField()
    display_title = serializers.SerializerMethodField()
    count = serializers.IntegerField(help_text="Published comments in the section.")
    figures = ReportFiguresOutputSerializer(help_text="What came of the section's comments.")
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
    figures = ReportFiguresOutputSerializer(
        source="totals", help_text="What came of every published comment."
    )
    charts = ReportChartsOutputSerializer(
        allow_null=True, help_text="The figures of the summary's charts (null: no period)."
    )
    next = serializers.URLField(allow_null=True, help_text="The next page, or null.")
    previous = serializers.URLField(allow_null=True, help_text="The previous page, or null.")
    contents = ReportContentsEntryOutputSerializer(many=True)
    sections = ReportPageSectionOutputSerializer(
        many=True, help_text="This page's comments (at most 100), by section."
    )
