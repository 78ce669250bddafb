"""The comment changelist at a million rows: pages reached by a cursor, a count that is not a
COUNT(*) of the table on every page, and filters that render without a query.

Django's admin pages by OFFSET, which reads and drops every row before the page: page 5,000 of a
million comments read half the table. Here "Older comments" links carry ``?before=`` (the
submission time and id of the page's last row), a filter that starts the next page there, so any
depth is an index range read over (submitted_at, id) (Comment.Meta.indexes). The page numbers
still work, counted from the cursor."""

import datetime as dt

from django.contrib import admin
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from standard_versions.http.counts import bounded_count


class EstimatedCountPaginator(Paginator):
    """A paginator whose count is exact up to 10,000 rows and PostgreSQL's estimate above
    (standard_versions/http/counts.py), so a page costs the same whatever the table holds."""

    # Page numbers stop here (an OFFSET of 10,000 rows, a few milliseconds); deeper, "Older
    # comments" goes on by cursor. Page 5,000 of a million by OFFSET took 499 ms.
    max_pages = 100

    @cached_property
    def count(self) -> int:
        return bounded_count(self.object_list)[0]

    @cached_property
    def num_pages(self) -> int:
        return min(super().num_pages, self.max_pages)


def cursor_value(comment) -> str:
    """``?before=`` for the rows after ``comment`` in the changelist's order (newest first)."""
    return f"{comment.submitted_at.astimezone(dt.UTC).isoformat()}_{comment.pk}"


class SubmittedBeforeFilter(admin.SimpleListFilter):
    """``?before=<ISO time>_<id>``: only comments older than that row (the next pages). Shown
    as the "Older comments" link, not in the sidebar; a value not made here filters nothing."""

    title = _("older than")
    parameter_name = "before"
    # The admin applies only the filters it shows; this one shows as nothing in the sidebar.
    template = "admin/standard_versions/comment/filter_shown_as_a_link.html"

    def lookups(self, request, model_admin):
        return ()

    def has_output(self) -> bool:
        return True

    def queryset(self, request, queryset):
        when, pk = self._parsed()
        if when is None:
            return queryset
        # A row comparison, which PostgreSQL starts the index scan from (0.6 ms at row 500,000
        # of a million); the same condition as an OR of two filters walks the index from the
        # newest row and drops every row before (280 ms there).
        table = queryset.model._meta.db_table
        stored_as = connections[queryset.db].ops.adapt_datetimefield_value(when)
        older = RawSQL(
            f'("{table}"."submitted_at", "{table}"."id") < (%s, %s)',
            [stored_as, pk],
            output_field=BooleanField(),
        )
        return queryset.filter(older)

    def _parsed(self) -> tuple[dt.datetime | None, int]:
        try:
            moment, pk = (self.value() or "").rsplit("_", 1)
            when = dt.datetime.fromisoformat(moment)
            if when.tzinfo is None:
                return None, 0
            return when, int(pk)
        except ValueError:
            return None, 0


class CommentLanguageFilter(admin.SimpleListFilter):
    """The languages the site serves, as fixed choices: the admin's own filter for a text field
    lists the values it finds, a DISTINCT over every comment to draw the sidebar."""

    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [("en", _("English")), ("es", _("Spanish")), ("pt-BR", _("Portuguese (Brazil)"))]

    def queryset(self, request, queryset):
        return queryset.filter(language=self.value()) if self.value() else queryset


class CommentPagingMixin:
    """For CommentAdmin: newest first by (submitted_at, id), keyset "Older comments" links, an
    estimated count, no second COUNT(*) of the whole table, and a date filter with fixed
    choices (a date hierarchy reads every submission date to draw itself)."""

    paginator = EstimatedCountPaginator
    show_full_result_count = False
    ordering = ("-submitted_at", "-id")
    change_list_template = "admin/standard_versions/comment/change_list.html"

    def get_list_filter(self, request):
        return (
            *super().get_list_filter(request),
            ("submitted_at", admin.DateFieldListFilter),
            SubmittedBeforeFilter,
        )

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is None:
            return response
        # Evaluates the page's rows once; the template then reads the same result cache.
        rows = list(changelist.result_list)
        if len(rows) == changelist.list_per_page:
            response.context_data["older_query"] = changelist.get_query_string(
                {"before": cursor_value(rows[-1])}, remove=["p"]
            )
        return response
