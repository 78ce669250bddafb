"""Search of a version's criteria (public, as the criteria are): every word of ``q`` in a
criterion's English title and description or in their translation to the request's language,
stemmed in each text's language (standards/search.py)."""

from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from standard_versions.api.serializers.search import CriteriaSearchOutputSerializer
from standard_versions.api.views import LANG_PARAMETER, ContentAPIView
from standard_versions.standards import selectors
from standard_versions.standards.search import search_criteria
from standard_versions.translations.i18n import request_language
from standard_versions.translations.selectors import content_text

MAX_QUERY_CHARS = 1000

Q_PARAMETER = OpenApiParameter(
    "q",
    str,
    description="Words to find (every one, in any form in the text's language); at most "
    f"{MAX_QUERY_CHARS} characters are read. No word: no results.",
)


class CriteriaSearchView(ContentAPIView):
    serializer_class = CriteriaSearchOutputSerializer

    @extend_schema(
        summary="Search a version's criteria",
        operation_id="versions_criteria_search",
        parameters=[Q_PARAMETER, LANG_PARAMETER],
    )
    def get(self, request, std, label):
        """Criteria of the version whose title and description, in English or in the
        request's language, hold every word of ``q``; three queries."""
        version = selectors.version_get(standard_slug=std, label=label)
        language = request_language(request)
        query = request.query_params.get("q", "")[:MAX_QUERY_CHARS]
        criteria = list(search_criteria(version, query=query, language=language))
        texts = content_text(language=language, versions=[version]) if criteria else None
        results = [
            {
                "code": criterion.code,
                "key": criterion.key,
                "title": texts.text(criterion, "title"),
                "url": reverse(
                    "criterion-detail",
                    kwargs={"std": std, "label": label, "code": criterion.code},
                ),
            }
            for criterion in criteria
        ]
        body = {
            "standard": version.standard.slug,
            "version": version.label,
            "query": query,
            "language": language,
            "results": results,
        }
        return Response(self.serializer_class(body).data)
