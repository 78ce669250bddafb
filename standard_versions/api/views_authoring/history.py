"""Change histories: a criterion's, a version's, and a criterion followed through every version."""

from standard_versions.api import views
from standard_versions.api.operations import list_operation
from standard_versions.api.serializers import authoring as authoring_serializers
from standard_versions.http.language import content_for
from standard_versions.models import Criterion
from standard_versions.standards import selectors, selectors_history

HISTORY_ENTRY = authoring_serializers.HistoryEntryOutputSerializer


class _HistoryView(views.ContentAPIView):
    queryset = Criterion.history.none()  # for the schema generator only
    serializer_class = HISTORY_ENTRY

    def history_response(self, rows):
        page = self.paginate_queryset(rows)
        entries = selectors_history.history_entries(list(page))
        return self.get_paginated_response(self.serializer_class(entries, many=True).data)


class CriterionHistoryView(_HistoryView):
    @list_operation("criteria_history", "A criterion's change history", HISTORY_ENTRY)
    def get(self, request, std, label, code):
        """The criterion's change records, newest first: when, by whom, why, and each field's old
        and new value."""
        version = selectors.version_get(standard_slug=std, label=label)
        rows = selectors_history.criterion_history_rows(version=version, code=code)
        return self.history_response(rows)


class VersionHistoryView(_HistoryView):
    @list_operation("versions_history", "A version's change history", HISTORY_ENTRY)
    def get(self, request, std, label):
        """The change records of the version and everything in it, newest first."""
        version = selectors.version_get(standard_slug=std, label=label)
        return self.history_response(selectors_history.version_history_rows(version=version))


class CriterionTimelineView(views.ContentAPIView):
    queryset = Criterion.objects.none()  # for the schema generator only
    serializer_class = authoring_serializers.TimelineEntryOutputSerializer

    @list_operation(
        "criteria_timeline",
        "A criterion through every version",
        serializer_class,
        parameters=[views.LANG_PARAMETER],
    )
    def get(self, request, std, key):
        """One criterion (by its permanent key) followed through every version of the standard."""
        criteria = selectors_history.criterion_timeline(standard_slug=std, key=key)
        page = self.paginate_queryset(criteria)
        if self.paginator.page.paginator.count == 0:
            raise selectors_history.criterion_key_not_found(standard_slug=std, key=key)
        versions = [criterion.version for criterion in page]
        context = self.serializer_context(content=content_for(request, versions=versions))
        return self.get_paginated_response(
            self.serializer_class(page, many=True, context=context).data
        )
