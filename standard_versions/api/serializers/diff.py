"""Serializers for the version diff.

The query is parsed by ``DiffQueryInputSerializer``. The body is ``VersionDiff.to_dict()`` from the
pure diff module (the one definition of the format, shared with the CLI so both give the same
bytes); the output serializers below describe that shape for the OpenAPI schema.
"""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from standard_versions.models.standards import LABEL_PATTERN

_label_validator = RegexValidator(
    LABEL_PATTERN, _("Use a version label: letters, digits, dots or hyphens.")
)


class DiffQueryInputSerializer(serializers.Serializer):
    from_label = serializers.CharField(max_length=20, validators=[_label_validator])
    to_label = serializers.CharField(max_length=20, validators=[_label_validator])
    lang = serializers.CharField(max_length=35, required=False)

    def get_fields(self):
        fields = super().get_fields()
        # "from" is a Python keyword, so the query names are set here.
        fields["from"] = fields.pop("from_label")
        fields["to"] = fields.pop("to_label")
        return fields


class DiffVersionRefOutputSerializer(serializers.Serializer):
    label = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField()
    reconstructed = serializers.BooleanField(
        help_text="A version rebuilt from later sources: its side of every change is inferred."
    )


class DiffSummaryOutputSerializer(serializers.Serializer):
    added = serializers.IntegerField()
    removed = serializers.IntegerField()
    changed = serializers.IntegerField()
    renumbered = serializers.IntegerField()
    moved = serializers.IntegerField()
    reordered = serializers.IntegerField()
    reworded = serializers.IntegerField()
    practice_areas_added = serializers.IntegerField()
    practice_areas_removed = serializers.IntegerField()
    practice_areas_changed = serializers.IntegerField()
    requirements_changed = serializers.IntegerField()


class DiffAreaRefOutputSerializer(serializers.Serializer):
    key = serializers.CharField()
    code = serializers.CharField()
    name = serializers.CharField()


class DiffCriterionEntryOutputSerializer(serializers.Serializer):
    key = serializers.CharField()
    code = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField(help_text="Markdown.")
    is_core = serializers.BooleanField()
    practice_area = DiffAreaRefOutputSerializer()
    position = serializers.IntegerField(help_text="0-based index within its practice area.")


class DiffTextOpOutputSerializer(serializers.Serializer):
    op = serializers.ChoiceField(choices=["equal", "delete", "insert"])
    text = serializers.CharField()


class DiffTextChangeOutputSerializer(serializers.Serializer):
    old = serializers.CharField()
    new = serializers.CharField()
    ops = DiffTextOpOutputSerializer(
        many=True,
        help_text="Joining equal+delete texts gives old; joining equal+insert texts gives new.",
    )


class DiffIntChangeOutputSerializer(serializers.Serializer):
    old = serializers.IntegerField()
    new = serializers.IntegerField()


class DiffCodeChangeOutputSerializer(serializers.Serializer):
    old = serializers.CharField()
    new = serializers.CharField()


class DiffAreaMoveOutputSerializer(serializers.Serializer):
    old = DiffAreaRefOutputSerializer()
    new = DiffAreaRefOutputSerializer()


class DiffCriterionChangesOutputSerializer(serializers.Serializer):
    code = DiffCodeChangeOutputSerializer(required=False, help_text="Renumbered.")
    practice_area = DiffAreaMoveOutputSerializer(required=False, help_text="Moved.")
    position = DiffIntChangeOutputSerializer(
        required=False, help_text="Moved, or reordered relative to the criteria around it."
    )
    title = DiffTextChangeOutputSerializer(required=False)
    description = DiffTextChangeOutputSerializer(required=False)


class DiffCriterionChangeOutputSerializer(serializers.Serializer):
    key = serializers.CharField()
    code = serializers.CharField(help_text="Code in the newer version.")
    old_code = serializers.CharField(help_text="Code in the older version.")
    title = serializers.CharField(help_text="Title in the newer version.")
    practice_area = DiffAreaRefOutputSerializer(help_text="Practice area in the newer version.")
    fields = serializers.ListField(child=serializers.CharField(), help_text="Fields that changed.")
    changes = DiffCriterionChangesOutputSerializer()


class DiffPracticeAreaEntryOutputSerializer(serializers.Serializer):
    key = serializers.CharField()
    code = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    position = serializers.IntegerField()


class DiffPracticeAreaChangesOutputSerializer(serializers.Serializer):
    code = DiffCodeChangeOutputSerializer(required=False)
    position = DiffIntChangeOutputSerializer(required=False)
    name = DiffTextChangeOutputSerializer(required=False)
    description = DiffTextChangeOutputSerializer(required=False)


class DiffPracticeAreaChangeOutputSerializer(serializers.Serializer):
    key = serializers.CharField()
    code = serializers.CharField()
    old_code = serializers.CharField()
    name = serializers.CharField()
    fields = serializers.ListField(child=serializers.CharField())
    changes = DiffPracticeAreaChangesOutputSerializer()


class DiffPracticeAreasOutputSerializer(serializers.Serializer):
    added = DiffPracticeAreaEntryOutputSerializer(many=True)
    removed = DiffPracticeAreaEntryOutputSerializer(many=True)
    changed = DiffPracticeAreaChangeOutputSerializer(many=True)


class DiffLevelEntryOutputSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()
    min_percent = serializers.IntegerField()


class DiffLevelChangesOutputSerializer(serializers.Serializer):
    name = DiffTextChangeOutputSerializer(required=False)
    min_percent = DiffIntChangeOutputSerializer(required=False)


class DiffLevelChangeOutputSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()
    fields = serializers.ListField(child=serializers.CharField())
    changes = DiffLevelChangesOutputSerializer()


class DiffLevelsOutputSerializer(serializers.Serializer):
    added = DiffLevelEntryOutputSerializer(many=True)
    removed = DiffLevelEntryOutputSerializer(many=True)
    changed = DiffLevelChangeOutputSerializer(many=True)


class DiffCoreRefOutputSerializer(serializers.Serializer):
    key = serializers.CharField()
    code = serializers.CharField()
    title = serializers.CharField()


class DiffCoreCriteriaOutputSerializer(serializers.Serializer):
    added = DiffCoreRefOutputSerializer(many=True)
    removed = DiffCoreRefOutputSerializer(many=True)


class DiffOutcomeAreaEntryOutputSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    position = serializers.IntegerField()


class DiffOutcomeAreaChangesOutputSerializer(serializers.Serializer):
    position = DiffIntChangeOutputSerializer(required=False)
    name = DiffTextChangeOutputSerializer(required=False)
    description = DiffTextChangeOutputSerializer(required=False)


class DiffOutcomeAreaChangeOutputSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()
    fields = serializers.ListField(child=serializers.CharField())
    changes = DiffOutcomeAreaChangesOutputSerializer()


class DiffOutcomeAreasOutputSerializer(serializers.Serializer):
    added = DiffOutcomeAreaEntryOutputSerializer(many=True)
    removed = DiffOutcomeAreaEntryOutputSerializer(many=True)
    changed = DiffOutcomeAreaChangeOutputSerializer(many=True)


class DiffRequirementsOutputSerializer(serializers.Serializer):
    levels = DiffLevelsOutputSerializer()
    core_criteria = DiffCoreCriteriaOutputSerializer()
    outcome_areas = DiffOutcomeAreasOutputSerializer()
    min_outcome_areas = DiffIntChangeOutputSerializer(allow_null=True)


class DiffTranslationCaveatOutputSerializer(serializers.Serializer):
    key = serializers.CharField()
    code = serializers.CharField()
    from_status = serializers.CharField(
        allow_null=True, help_text="stale, missing, draft or reviewed; null if not in `from`."
    )
    to_status = serializers.CharField(
        allow_null=True, help_text="stale, missing, draft or reviewed; null if not in `to`."
    )


class VersionDiffOutputSerializer(serializers.Serializer):
    standard = serializers.CharField()
    language = serializers.CharField(help_text="Language of the texts compared.")
    from_ = DiffVersionRefOutputSerializer()
    to = DiffVersionRefOutputSerializer()
    summary = DiffSummaryOutputSerializer()
    added = DiffCriterionEntryOutputSerializer(many=True)
    removed = DiffCriterionEntryOutputSerializer(many=True)
    changed = DiffCriterionChangeOutputSerializer(many=True)
    practice_areas = DiffPracticeAreasOutputSerializer()
    requirements = DiffRequirementsOutputSerializer()
    reconstruction_note = serializers.CharField(
        allow_null=True,
        help_text="When `from` or `to` is reconstructed: a sentence, in the response language, "
        "saying that what the diff shows of it is inferred, not a record; else null.",
    )
    translation_caveats = DiffTranslationCaveatOutputSerializer(
        many=True,
        help_text="In es or pt-BR: criteria whose English differs between the versions while a "
        "text compared here is a stale translation or an English fallback, so this comparison "
        "may miss or misstate their change; see the English diff. Empty in English.",
    )

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields
