from rest_framework.permissions import SAFE_METHODS, BasePermission

from standard_versions.roles import EDITORS, has_role


class ReadOnlyOrStaffRole(BasePermission):
    """Anyone may read. Writes need an authenticated user holding the view's ``required_role``
    (``editors`` unless the view says otherwise). Anonymous writers get 401 (with a token
    challenge), authenticated users without the role 403."""

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        if getattr(view, "allow_anonymous_writes", False):
            return True
        return has_role(request.user, getattr(view, "required_role", EDITORS))
