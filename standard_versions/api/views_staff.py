"""What the staff's views of a consultation share (editors only): one change of one thing (a
comment, an objection, a campaign), and the lists of one comment period. Their schema is
declared on each class, its bodies taken from the class (``operations``)."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_view
from rest_framework.response import Response

from standard_versions.api.operations import error_response, list_operation, operation
from standard_versions.api.permissions_comments import StaffRoleRequired
from standard_versions.api.views import ContentAPIView
from standard_versions.api.views_comments_common import valid_input
from standard_versions.consultation import selectors_comments
from standard_versions.roles import EDITORS


class ChangeView(ContentAPIView):
    """POST: one staff change: ``change`` (a service) called with the URL's arguments, the
    fields of ``input_serializer`` as its keywords, the user and ``now``; the answer is
    ``shown`` of what it returned, by ``serializer_class``."""

    required_role = EDITORS
    input_serializer = None
    change = None

    def post(self, request, **url):
        now = timezone.now()
        data = valid_input(self.input_serializer, request.data)
        changed = type(self).change(**url, user=request.user, now=now, **data)
        body = self.serializer_class(self.shown(changed), context={"request": request}).data
        return Response(body)

    def shown(self, changed):
        """What the answer shows of what ``change`` returned (a view may read it again)."""
        return changed


def change_schema(operation_id: str, *, summary: str, invalid: str, refusals=None):
    """The schema of a ``ChangeView`` class: its ``input_serializer`` in, its
    ``serializer_class`` out, the 400's codes said by ``invalid`` and any other ``refusals``
    (status: ``error_response``)."""
    refusals = {400: error_response(invalid), **(refusals or {})}

    def declare(view):
        post = operation(
            operation_id,
            summary,
            view.serializer_class,
            request=view.input_serializer,
            refusals=refusals,
        )
        return extend_schema_view(post=post)(view)

    return declare


class PeriodListView(ContentAPIView):
    """GET: a list of one comment period for its staff (reads included, as the rows may hold
    contact details): ``rows`` (a selector) called with the period, each row by
    ``serializer_class``; 404 ``comment_period_not_found``."""

    permission_classes = [StaffRoleRequired]
    required_role = EDITORS
    rows = None

    def get(self, request, period_id):
        period = selectors_comments.period_get(period_id=period_id)
        rows = type(self).rows(period=period)
        return self.list_response(rows, context=self.serializer_context())


def period_list_schema(operation_id: str, summary: str):
    """The schema of a ``PeriodListView`` class: a page of its ``serializer_class``."""

    def declare(view):
        get = list_operation(operation_id, summary, view.serializer_class)
        return extend_schema_view(get=get)(view)

    return declare
