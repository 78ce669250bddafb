"""Translation coverage of a version: per language, what is translated, stale or missing."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from standard_versions.api.serializers.translations import TranslationCoverageOutputSerializer
from standard_versions.api.views import ContentAPIView
from standard_versions.standards import selectors
from standard_versions.translations.selectors import translation_coverage


class TranslationCoverageView(ContentAPIView):
    serializer_class = TranslationCoverageOutputSerializer

    @extend_schema(
        summary="Translation coverage of a version", operation_id="versions_translations_retrieve"
    )
    def get(self, request, std, label):
        """Translation coverage of the version in each language: counts by status, missing fields,
        and stale fields with the English diff since they were translated."""
        version = selectors.version_get(standard_slug=std, label=label)
        report = {
            "standard": version.standard.slug,
            "version": version.label,
            "revision": version.revision,
            "languages": translation_coverage(version=selectors.version_tree(version=version)),
        }
        response = Response(self.serializer_class(report).data)
        response["Cache-Control"] = "no-cache"
        return response
