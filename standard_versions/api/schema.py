"""The OpenAPI schema's view of our views."""

import inspect

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import get_doc


class OwnDocstringAutoSchema(AutoSchema):
    """Describes an operation by its method's docstring, else by the docstring written on the view
    class itself. A docstring inherited from a base class or mixin documents code (how a base
    sets headers, how revalidations are answered), not the endpoint, so it is never shown."""

    def get_description(self) -> str:
        method = getattr(self.view, getattr(self.view, "action", self.method.lower()), None)
        method_doc = get_doc(method)
        if method_doc:
            return method_doc
        own_doc = self.view.__class__.__dict__.get("__doc__")
        return inspect.cleandoc(own_doc) if own_doc else ""
