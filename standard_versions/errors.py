"""Domain errors: every refusal a service or selector can make, with its HTTP status and code.

The API's exception handler turns these into ``{"code": ..., "detail": ...}`` responses; the
management commands print them. ``detail`` strings are lazily translated.
"""

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    status_code = 400
    code = "invalid"
    default_detail = _("The request is not valid.")

    def __init__(self, detail=None, *, code: str | None = None, errors: dict | None = None):
        self.detail = detail if detail is not None else self.default_detail
        if code is not None:
            self.code = code
        self.errors = errors
        super().__init__(str(self.detail))


class NotFound(DomainError):
    status_code = 404
    code = "not_found"
    default_detail = _("Not found.")


class Conflict(DomainError):
    status_code = 409
    code = "conflict"
    default_detail = _("The request conflicts with the current state.")


class PreconditionFailed(DomainError):
    status_code = 412
    code = "precondition_failed"
    default_detail = _("The resource has changed since you read it.")


class Forbidden(DomainError):
    status_code = 403
    code = "forbidden"
    default_detail = _("You may not do this.")


class InvalidInput(DomainError):
    """A request refused as it stands: the base's own 400 ``invalid`` and its default detail."""
