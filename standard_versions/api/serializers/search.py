"""Output serializers of the criteria search."""

from rest_framework import serializers


class CriterionHitOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    key = serializers.CharField(help_text="Permanent key, the same in every version.")
    title = serializers.CharField(help_text="In the response's language, else the English.")
    url = serializers.CharField(help_text="The criterion in this version (API).")


class CriteriaSearchOutputSerializer(serializers.Serializer):
    standard = serializers.CharField()
    version = serializers.CharField()
    query = serializers.CharField()
    language = serializers.CharField(help_text="The language searched besides the English.")
    results = CriterionHitOutputSerializer(many=True, help_text="In the version's order.")
