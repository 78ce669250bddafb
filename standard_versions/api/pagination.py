import datetime as dt

from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import CursorPagination, PageNumberPagination
from rest_framework.response import Response

from standard_versions.errors import InvalidInput
from standard_versions.http.counts import bounded_count


class StandardPagination(PageNumberPagination):
    """``{"count", "next", "previous", "results"}``; 100 per page, ``?page_size=`` up to 1000."""

    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000


class CommentKeysetPagination(CursorPagination):
    """Comment lists of any size: ``{"count", "count_is_estimate", "next", "previous",
    "results"}``, oldest first, 100 per page, ``?page_size=`` up to 1000.

    ``next`` and ``previous`` carry an opaque ``cursor``: the submission time of the row the
    page starts after, so every page is an index range read (``submitted_at > t``) whatever its
    depth, where an OFFSET reads and drops every row before it. ``count`` is exact up to 10,000
    and PostgreSQL's estimate above (``count_is_estimate``). A cursor that was not made here is
    a 400 ``invalid_cursor``."""

    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000
    ordering = ("submitted_at", "id")

    def paginate_queryset(self, queryset, request, view=None):
        self.count, self.count_is_estimate = bounded_count(queryset)
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        try:
            cursor = super().decode_cursor(request)
            if cursor is not None and cursor.position is not None:
                dt.datetime.fromisoformat(cursor.position)
        except Exception:  # DRF's NotFound, or a position that is not a time
            raise InvalidInput(
                _("This cursor was not given by this list: follow the next or previous link."),
                code="invalid_cursor",
            ) from None
        return cursor

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.count,
                "count_is_estimate": self.count_is_estimate,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["required"] = ["count", "count_is_estimate", "next", "previous", "results"]
        response["properties"] = {
            "count": {"type": "integer", "example": 123},
            "count_is_estimate": {"type": "boolean"},
            **response["properties"],
        }
        return response
