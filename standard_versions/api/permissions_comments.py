from rest_framework.permissions import BasePermission

from standard_versions.roles import EDITORS, has_role


class StaffRoleRequired(BasePermission):
    """Reads and writes need the view's ``required_role`` (``editors`` unless it says otherwise):
    for staff-only reads such as moderation queues and exports, which hold private data."""

    def has_permission(self, request, view) -> bool:
        return has_role(request.user, getattr(view, "required_role", EDITORS))
