"""Output serializers for reading the Standard.

Translatable text comes from ``self.context["content"]`` (a ``ContentText``), so the same
serializers serve every language. Each serializer has a unique name for the OpenAPI schema.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from standard_versions.text.rendering import MarkdownTooLong, render_markdown
from standard_versions.translations.content import SourceText


def _content(serializer):
    return serializer.context.get("content") or SourceText()


@extend_schema_field(OpenApiTypes.STR)
class ContentField(serializers.Field):
    """A translatable text field of the object, in the reader's language."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return _content(self.parent).text(instance, self.field_name)


@extend_schema_field(OpenApiTypes.STR)
class ContentHTMLField(serializers.Field):
    """The Markdown of ``markdown_field`` (in the reader's language) rendered to safe HTML."""

    def __init__(self, markdown_field: str, **kwargs):
        self.markdown_field = markdown_field
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, instance):
        source = _content(self.parent).text(instance, self.markdown_field)
        try:
            return render_markdown(source)
        except MarkdownTooLong:
            return ""


class TranslatableOutputSerializer(serializers.Serializer):
    language = serializers.SerializerMethodField(
        help_text="Language of the text served: en, es or pt-BR."
    )
    translation_status = serializers.SerializerMethodField(
        help_text="source, reviewed, draft, stale (English changed since) or missing (English "
        "served as fallback)."
    )

    def get_language(self, obj) -> str:
        return _content(self).language_of(obj)

    def get_translation_status(self, obj) -> str:
        return _content(self).status(obj)


class StandardOutputSerializer(TranslatableOutputSerializer):
    slug = serializers.CharField(read_only=True)
    name = ContentField()
    description = ContentField()
    url = serializers.SerializerMethodField()
    versions_url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return reverse("standard-detail", args=[obj.slug], request=self.context.get("request"))

    def get_versions_url(self, obj) -> str:
        return reverse("version-list", args=[obj.slug], request=self.context.get("request"))


class VersionSummaryOutputSerializer(TranslatableOutputSerializer):
    standard = serializers.CharField(source="standard.slug", read_only=True)
    label = serializers.CharField(read_only=True)
    title = ContentField()
    status = serializers.CharField(read_only=True)
    reconstructed = serializers.BooleanField(
        read_only=True,
        help_text="True for a version rebuilt from later sources (its own text is lost): its texts "
        "and figures are inferred, not copied; its provenance says how.",
    )
    based_on = serializers.CharField(
        source="based_on.label", read_only=True, allow_null=True, default=None
    )
    published_at = serializers.DateTimeField(read_only=True, allow_null=True)
    effective_from = serializers.DateField(read_only=True, allow_null=True)
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return reverse(
            "version-detail",
            args=[obj.standard.slug, obj.label],
            request=self.context.get("request"),
        )


class CriterionOutputSerializer(TranslatableOutputSerializer):
    key = serializers.CharField(read_only=True)
    code = serializers.CharField(read_only=True)
    title = ContentField()
    description = ContentField(help_text="Markdown.")
    description_html = ContentHTMLField("description", help_text="The description as safe HTML.")
    is_core = serializers.BooleanField(read_only=True)
    position = serializers.IntegerField(read_only=True)


class PracticeAreaRefOutputSerializer(TranslatableOutputSerializer):
    key = serializers.CharField(read_only=True)
    code = serializers.CharField(read_only=True)
    name = ContentField()


class CriterionDetailOutputSerializer(CriterionOutputSerializer):
    version = serializers.CharField(source="version.label", read_only=True)
    practice_area = PracticeAreaRefOutputSerializer(read_only=True)
    revision = serializers.IntegerField(read_only=True)


class PracticeAreaOutputSerializer(TranslatableOutputSerializer):
    key = serializers.CharField(read_only=True)
    code = serializers.CharField(read_only=True)
    name = ContentField()
    description = ContentField(help_text="Markdown.")
    description_html = ContentHTMLField("description")
    position = serializers.IntegerField(read_only=True)
    criteria = CriterionOutputSerializer(many=True, read_only=True)


class LevelOutputSerializer(TranslatableOutputSerializer):
    key = serializers.CharField(read_only=True)
    name = ContentField()
    min_percent = serializers.IntegerField(read_only=True)
    max_percent = serializers.IntegerField(read_only=True, allow_null=True)


class OutcomeAreaOutputSerializer(TranslatableOutputSerializer):
    key = serializers.CharField(read_only=True)
    name = ContentField()
    description = ContentField()


class RequirementsOutputSerializer(serializers.Serializer):
    levels = LevelOutputSerializer(many=True, read_only=True)
    core_criteria = serializers.ListField(child=serializers.CharField(), read_only=True)
    outcome_areas = OutcomeAreaOutputSerializer(many=True, read_only=True)
    min_outcome_areas = serializers.IntegerField(
        read_only=True, help_text="How many of the outcome areas' requirements a city must meet."
    )


class VersionTreeOutputSerializer(VersionSummaryOutputSerializer):
    provenance = serializers.CharField(read_only=True)
    revision = serializers.IntegerField(read_only=True)
    practice_areas = PracticeAreaOutputSerializer(many=True, read_only=True)
    requirements = serializers.SerializerMethodField()

    @extend_schema_field(RequirementsOutputSerializer)
    def get_requirements(self, version) -> dict:
        levels = list(version.levels.all())
        for level, higher in zip(levels, [*levels[1:], None], strict=False):
            level.max_percent = higher.min_percent - 1 if higher else None
        core = [
            criterion.code
            for area in version.practice_areas.all()
            for criterion in area.criteria.all()
            if criterion.is_core
        ]
        requirements = {
            "levels": levels,
            "core_criteria": core,
            "outcome_areas": list(version.outcome_areas.all()),
            "min_outcome_areas": version.min_outcome_areas,
        }
        return RequirementsOutputSerializer(requirements, context=self.context).data
