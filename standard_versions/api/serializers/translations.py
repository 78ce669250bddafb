"""Output serializers of the translation coverage report."""

from rest_framework import serializers


class TranslationItemOutputSerializer(serializers.Serializer):
    context = serializers.CharField(help_text="PO msgctxt: <type>:<key>:<field>.")
    object_type = serializers.CharField()
    key = serializers.CharField()
    code = serializers.CharField(allow_null=True)
    field = serializers.CharField()


class TranslationDiffOperationOutputSerializer(serializers.Serializer):
    op = serializers.ChoiceField(choices=["equal", "insert", "delete"])
    text = serializers.CharField()


class StaleTranslationOutputSerializer(TranslationItemOutputSerializer):
    status = serializers.CharField(help_text="The stored status (draft or reviewed).")
    translated_at = serializers.DateTimeField()
    text = serializers.CharField(help_text="The stale translation, still served.")
    source_then = serializers.CharField(help_text="The English it was translated from.")
    source_now = serializers.CharField(help_text="The current English.")
    source_diff = TranslationDiffOperationOutputSerializer(
        many=True, help_text="Word diff of the English since it was translated."
    )


class TranslationStatusCountsOutputSerializer(serializers.Serializer):
    reviewed = serializers.IntegerField()
    draft = serializers.IntegerField()
    stale = serializers.IntegerField()
    missing = serializers.IntegerField()


class LanguageCoverageOutputSerializer(serializers.Serializer):
    language = serializers.CharField()
    total = serializers.IntegerField(help_text="Translatable fields (non-empty English).")
    translated = serializers.IntegerField(help_text="Fields with a translation, stale included.")
    by_status = TranslationStatusCountsOutputSerializer()
    stale = StaleTranslationOutputSerializer(many=True)
    missing = TranslationItemOutputSerializer(many=True)


class TranslationCoverageOutputSerializer(serializers.Serializer):
    standard = serializers.CharField()
    version = serializers.CharField()
    revision = serializers.IntegerField()
    languages = LanguageCoverageOutputSerializer(many=True)
